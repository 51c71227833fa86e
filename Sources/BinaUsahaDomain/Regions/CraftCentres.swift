/// The craft-centre villages of DOMAIN.md §4.1, with their kecamatan, written from the codes
/// given there. Demo data and the starting resource potentials use them; when the full official
/// list has not been imported, these few are enough for a living system.
public enum CraftCentres {
    public struct Centre: Sendable {
        public var desa: Region
        public var kecamatan: Region
        /// Interests that fit the village's crafts, most typical first.
        public var interests: [String]
        /// The catalogue skills the village is known for, most typical first.
        public var skills: [String]
        /// The sources say buyers come for it (pengepul, shops, export).
        public var hasBuyers: Bool
    }

    static func centre(
        _ code: String, _ name: String, _ kind: RegionKind, kecamatan: String, _ interests: [String], crafts skills: [String],
        buyers: Bool = false
    ) -> Centre {
        let desa = RegionCode(trusted: code)
        return Centre(
            desa: Region(code: desa, name: name, kind: kind),
            kecamatan: Region(code: desa.parent!, name: kecamatan, kind: .kecamatan), interests: interests, skills: skills,
            hasBuyers: buyers)
    }

    /// The established crafts of the centres, for the starting catalogue.
    public static var localCrafts: [LocalCraft] {
        all.flatMap { centre in
            centre.skills.map {
                LocalCraft(
                    region: centre.desa.code, skill: $0, hasBuyers: centre.hasBuyers,
                    notes: "Sentra kerajinan \(centre.desa.name), tercatat dalam katalog awal BinaUsaha",
                    source: "Liputan media daerah yang dikutip di katalog awal")
            }
        }
    }

    public static let all: [Centre] = [
        // Tikar purun, Pedamaran "Kota Tikar" (OKI)
        centre("16.02.03.2007", "Pedamaran I", .desa, kecamatan: "Pedamaran", ["anyaman"], crafts: ["anyaman-purun"], buyers: true),
        centre("16.02.03.2006", "Pedamaran II", .desa, kecamatan: "Pedamaran", ["anyaman"], crafts: ["anyaman-purun"], buyers: true),
        centre("16.02.03.2005", "Pedamaran III", .desa, kecamatan: "Pedamaran", ["anyaman"], crafts: ["anyaman-purun"], buyers: true),
        centre("16.02.03.2019", "Menang Raya", .desa, kecamatan: "Pedamaran", ["anyaman", "pertanian"], crafts: ["anyaman-purun"], buyers: true),
        centre("16.02.03.2021", "Lebuh Rarak", .desa, kecamatan: "Pedamaran", ["anyaman", "perikanan"], crafts: ["anyaman-purun"], buyers: true),
        // Kemplang, Kel. Paku, Kayuagung (OKI)
        centre("16.02.05.1006", "Paku", .kelurahan, kecamatan: "Kayu Agung", ["olahan ikan", "olahan pangan"], crafts: ["kemplang"], buyers: true),
        // Songket, Muara Penimbung Ulu (Ogan Ilir)
        centre("16.10.04.2010", "Muara P. Ulu", .desa, kecamatan: "Indralaya", ["tenun"], crafts: ["tenun-songket"], buyers: true),
        centre(
            "16.10.04.2008", "Tanjung Sejaro", .desa, kecamatan: "Indralaya", ["kerajinan bambu", "kerajinan rotan", "anyaman"],
            crafts: ["kerajinan-bambu", "anyaman-rotan"]),
        // Emas & perak, songket, purun (Tanjung Batu, Ogan Ilir)
        centre(
            "16.10.02.1017", "Tanjung Batu", .kelurahan, kecamatan: "Tanjung Batu", ["kerajinan logam"], crafts: ["perhiasan-logam"], buyers: true),
        centre("16.10.02.2026", "Burai", .desa, kecamatan: "Tanjung Batu", ["tenun"], crafts: ["tenun-songket"]),
        centre("16.10.02.2018", "Tanjung Atap", .desa, kecamatan: "Tanjung Batu", ["anyaman"], crafts: ["anyaman-purun"]),
        // Bamboo crafts, Kelumpang (OKU)
        centre(
            "16.01.20.2001", "Kelumpang", .desa, kecamatan: "Ulu Ogan", ["kerajinan bambu", "anyaman"], crafts: ["kerajinan-bambu"], buyers: true),
        // Rotan, Prahu Dipo (Pagar Alam)
        centre(
            "16.72.04.1018", "Prahu Dipo", .kelurahan, kecamatan: "Dempo Selatan", ["kerajinan rotan", "anyaman", "perkebunan"],
            crafts: ["anyaman-rotan"], buyers: true),
        // Rotan, Sidoharjo (Musi Rawas)
        centre("16.05.01.2017", "Sidoharjo", .desa, kecamatan: "Tugumulyo", ["kerajinan rotan", "anyaman"], crafts: ["anyaman-rotan"]),
        // Ikan salai, Lumpatan – Bailangu (Musi Banyuasin)
        centre("16.06.01.2002", "Lumpatan", .desa, kecamatan: "Sekayu", ["olahan ikan", "olahan pangan"], crafts: ["ikan-salai"], buyers: true),
        centre("16.06.01.2003", "Bailangu", .desa, kecamatan: "Sekayu", ["olahan ikan", "perkebunan"], crafts: ["ikan-salai"], buyers: true),
        // Batik durian, Marga Rahayu (Lubuk Linggau)
        centre(
            "16.73.07.1007", "Marga Rahayu", .kelurahan, kecamatan: "Lubuk Linggau Selatan II", ["batik", "menjahit"], crafts: ["batik"], buyers: true
        ),
        // Pineapple-leaf fibre, Patih Galung (Prabumulih)
        centre(
            "16.74.01.1007", "Patih Galung", .kelurahan, kecamatan: "Prabumulih Barat", ["olahan pangan", "tenun", "pertanian"],
            crafts: ["serat-nanas"]),
        // Ikan asin, Kampung Siabang, Kel. Lima Ulu (Palembang)
        centre("16.71.02.1005", "Lima Ulu", .kelurahan, kecamatan: "Seberang Ulu Satu", ["olahan ikan"], crafts: ["ikan-asin"], buyers: true),
    ]

    /// Kecamatan first, then desa: ready to insert under the shipped kabupaten/kota.
    public static var regions: [Region] {
        var seen = Set<RegionCode>()
        let kecamatan = all.map(\.kecamatan).filter { seen.insert($0.code).inserted }
        return kecamatan + all.map(\.desa)
    }
}
