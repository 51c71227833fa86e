import BinaUsahaDomain
import Foundation

/// The audit trail's stored names (entity kinds, field columns) as people read them.
enum AuditLabels {
    /// Every kind of record the use cases audit, with its label in each language.
    static let entities: [(key: String, id: String, en: String)] = [
        ("beneficiary", "Penerima manfaat", "Beneficiary"), ("kube_group", "KUBE", "KUBE group"),
        ("group_plan", "Rencana KUBE", "KUBE plan"), ("programme", "Program pembinaan", "Coaching programme"),
        ("coaching_session", "Sesi pembinaan", "Coaching session"), ("attendance", "Daftar hadir", "Attendance"),
        ("assistance", "Bantuan stimulan", "Capital assistance"), ("skill", "Keterampilan", "Skill"),
        ("resource", "Sumber daya", "Resource"), ("potential", "Potensi wilayah", "Regional potential"),
        ("region", "Wilayah", "Region"), ("interest_tag", "Minat", "Interest"), ("setting", "Pengaturan", "Setting"),
        ("user", "Pengguna", "User"), ("api_token", "Token API", "API token"), ("sign_in", "Masuk", "Sign-in"),
        ("database", "Basis data", "Database"), ("ledger_month", "Produksi dan penjualan bulanan", "Monthly production and sales"),
        ("ledger_closure", "Tutup bulan", "Month closing"), ("partner", "Mitra", "Partner"), ("commitment", "Komitmen mitra", "Partner commitment"),
        ("realisation", "Realisasi komitmen", "Commitment delivery"), ("assessment", "Penilaian tindak lanjut", "Follow-up assessment"),
        ("local_craft", "Sentra kerajinan", "Craft centre"),
    ]

    static func entity(_ key: String, _ lang: Lang) -> String {
        guard let entry = entities.first(where: { $0.key == key }) else { return key.replacingOccurrences(of: "_", with: " ") }
        return lang == .id ? entry.id : entry.en
    }

    /// Field names of the register and of the other records, as their forms call them.
    static func field(_ name: String, _ t: Messages) -> String {
        if let key = BeneficiaryFormPage.labels[name] { return t(key) }
        let extra: [String: (String, String)] = [
            "status": ("Status", "Status"), "catatan": ("Catatan", "Notes"), "alasan": ("Alasan", "Reason"), "version": ("Versi", "Version"),
            "name": ("Nama", "Name"), "stage": ("Tahap", "Stage"), "role": ("Peran", "Role"), "amount": ("Jumlah", "Amount"),
            "region": ("Wilayah", "Region"), "username": ("Nama pengguna", "Username"), "members": ("Anggota", "Members"),
            "revenue": ("Omzet", "Revenue"), "material_cost": ("Biaya bahan baku", "Raw-material cost"), "other_cost": ("Biaya lain", "Other costs"),
            "profit": ("Laba", "Profit"), "alloc_modal": ("Modal usaha", "Business capital"),
            "alloc_welfare": ("Kesejahteraan anggota", "Members' welfare"), "alloc_iks": ("IKS", "IKS"),
            "units_made": ("Jumlah diproduksi", "Units made"), "units_sold": ("Jumlah terjual", "Units sold"), "month": ("Bulan", "Month"),
            "producers": ("Jumlah perajin", "Makers"), "trainers": ("Ada pelatih", "Trainers"), "buyers": ("Ada pembeli", "Buyers"),
            "unsuitable": ("Tidak/kurang cocok untuk", "Unsuitable for"), "local_craft": ("Sentra kerajinan", "Craft centre"),
            "talent": ("Keahlian", "Talent"), "track_record": ("Rekam jejak KUBE", "KUBE track record"),
        ]
        guard let pair = extra[name] else { return name.replacingOccurrences(of: "_", with: " ") }
        return t.lang == .id ? pair.0 : pair.1
    }

    /// A stored value as its page shows it: roles, sex and register statuses by their labels.
    static func value(_ field: String, _ value: String?, _ t: Messages) -> String {
        guard let value else { return "–" }
        switch field {
        case "role": return Role(rawValue: value)?.label(t.lang) ?? value
        case "jenis_kelamin":
            return value == Sex.perempuan.rawValue ? t(.personSexFemale) : value == Sex.lakiLaki.rawValue ? t(.personSexMale) : value
        case "status": return BeneficiaryStatus(rawValue: value)?.label(t.lang) ?? value
        default: return value
        }
    }
}
