/// The 26 categories of Pemerlu Pelayanan Kesejahteraan Sosial (Permensos 08/2012, kept by
/// Permensos 5/2019), numbered 1–26 in the regulation's order a–z (DOMAIN.md §2).
public struct PPKS: Hashable, Sendable, Comparable {
    public let number: Int
    public let name: String
    public let abbreviation: String?

    public static func < (lhs: PPKS, rhs: PPKS) -> Bool { lhs.number < rhs.number }

    public static let all: [PPKS] = [
        (1, "Anak Balita Telantar", "ABT"), (2, "Anak Telantar", "AT"), (3, "Anak yang Berhadapan dengan Hukum", "ABH"),
        (4, "Anak Jalanan", "AJ"), (5, "Anak dengan Kedisabilitasan", "ADK"),
        (6, "Anak Korban Tindak Kekerasan / Diperlakukan Salah", nil),
        (7, "Anak yang Memerlukan Perlindungan Khusus", "AMPK"), (8, "Lanjut Usia Telantar", "LUT"),
        (9, "Penyandang Disabilitas", nil), (10, "Tuna Susila", "TS"), (11, "Gelandangan", nil), (12, "Pengemis", nil),
        (13, "Pemulung", nil), (14, "Kelompok Minoritas", nil), (15, "Bekas Warga Binaan Lembaga Pemasyarakatan", "BWBLP"),
        (16, "Orang dengan HIV/AIDS", "ODHA"), (17, "Korban Penyalahgunaan NAPZA", nil), (18, "Korban Trafficking", nil),
        (19, "Korban Tindak Kekerasan", "KTK"), (20, "Pekerja Migran Bermasalah Sosial", "PMBS"),
        (21, "Korban Bencana Alam", "KBA"), (22, "Korban Bencana Sosial", "KBS"),
        (23, "Perempuan Rawan Sosial Ekonomi", "PRSE"), (24, "Fakir Miskin", nil),
        (25, "Keluarga Bermasalah Sosial Psikologis", "KBSP"), (26, "Komunitas Adat Terpencil", "KAT"),
    ].map { PPKS(number: $0.0, name: $0.1, abbreviation: $0.2) }

    public static func number(_ number: Int) -> PPKS? {
        (1...26).contains(number) ? all[number - 1] : nil
    }

    /// By number (`24`), name (`Fakir Miskin`, any case) or abbreviation (`PRSE`).
    public static func lookup(_ text: String) -> PPKS? {
        let key = TextFolding.trim(text)
        if let n = Int(key) { return number(n) }
        return byFoldedName[TextFolding.fold(key)]
    }

    /// Folded names and abbreviations → category, built once.
    private static let byFoldedName: [String: PPKS] = {
        var table: [String: PPKS] = [:]
        for category in all {
            table[TextFolding.fold(category.name)] = table[TextFolding.fold(category.name)] ?? category
            if let abbreviation = category.abbreviation { table[TextFolding.fold(abbreviation)] = table[TextFolding.fold(abbreviation)] ?? category }
        }
        return table
    }()
}
