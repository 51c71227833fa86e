/// The craft-centre villages of DOMAIN.md §4.1, with their kecamatan, written from the codes
/// given there. Demo data and the starting resource potentials use them; when the full official
/// list has not been imported, these few are enough for a living system.
public enum CraftCentres {
    public struct Centre: Sendable {
        public var desa: Region
        public var kecamatan: Region
        /// Interests that fit the village's crafts, most typical first.
        public var interests: [String]
    }

    static func centre(_ code: String, _ name: String, _ kind: RegionKind, kecamatan: String, _ interests: [String]) -> Centre {
        let desa = RegionCode(trusted: code)
        return Centre(
            desa: Region(code: desa, name: name, kind: kind),
            kecamatan: Region(code: desa.parent!, name: kecamatan, kind: .kecamatan), interests: interests)
    }

    public static let all: [Centre] = [
        // Tikar purun, Pedamaran "Kota Tikar" (OKI)
        centre("16.02.03.2007", "Pedamaran I", .desa, kecamatan: "Pedamaran", ["anyaman"]),
        centre("16.02.03.2006", "Pedamaran II", .desa, kecamatan: "Pedamaran", ["anyaman"]),
        centre("16.02.03.2005", "Pedamaran III", .desa, kecamatan: "Pedamaran", ["anyaman"]),
        centre("16.02.03.2019", "Menang Raya", .desa, kecamatan: "Pedamaran", ["anyaman", "pertanian"]),
        centre("16.02.03.2021", "Lebuh Rarak", .desa, kecamatan: "Pedamaran", ["anyaman", "perikanan"]),
        // Kemplang, Kel. Paku, Kayuagung (OKI)
        centre("16.02.05.1006", "Paku", .kelurahan, kecamatan: "Kayu Agung", ["olahan ikan", "olahan pangan"]),
        // Songket, Muara Penimbung Ulu (Ogan Ilir)
        centre("16.10.04.2010", "Muara P. Ulu", .desa, kecamatan: "Indralaya", ["tenun"]),
        centre("16.10.04.2008", "Tanjung Sejaro", .desa, kecamatan: "Indralaya", ["kerajinan bambu", "kerajinan rotan", "anyaman"]),
        // Emas & perak, songket, purun (Tanjung Batu, Ogan Ilir)
        centre("16.10.02.1017", "Tanjung Batu", .kelurahan, kecamatan: "Tanjung Batu", ["kerajinan logam"]),
        centre("16.10.02.2026", "Burai", .desa, kecamatan: "Tanjung Batu", ["tenun"]),
        centre("16.10.02.2018", "Tanjung Atap", .desa, kecamatan: "Tanjung Batu", ["anyaman"]),
        // Bamboo crafts, Kelumpang (OKU)
        centre("16.01.20.2001", "Kelumpang", .desa, kecamatan: "Ulu Ogan", ["kerajinan bambu", "anyaman"]),
        // Rotan, Prahu Dipo (Pagar Alam)
        centre("16.72.04.1018", "Prahu Dipo", .kelurahan, kecamatan: "Dempo Selatan", ["kerajinan rotan", "anyaman", "perkebunan"]),
        // Rotan, Sidoharjo (Musi Rawas)
        centre("16.05.01.2017", "Sidoharjo", .desa, kecamatan: "Tugumulyo", ["kerajinan rotan", "anyaman"]),
        // Ikan salai, Lumpatan – Bailangu (Musi Banyuasin)
        centre("16.06.01.2002", "Lumpatan", .desa, kecamatan: "Sekayu", ["olahan ikan", "olahan pangan"]),
        centre("16.06.01.2003", "Bailangu", .desa, kecamatan: "Sekayu", ["olahan ikan", "perkebunan"]),
        // Batik durian, Marga Rahayu (Lubuk Linggau)
        centre("16.73.07.1007", "Marga Rahayu", .kelurahan, kecamatan: "Lubuk Linggau Selatan II", ["batik", "menjahit"]),
        // Pineapple-leaf fibre, Patih Galung (Prabumulih)
        centre("16.74.01.1007", "Patih Galung", .kelurahan, kecamatan: "Prabumulih Barat", ["olahan pangan", "tenun", "pertanian"]),
        // Ikan asin, Kampung Siabang, Kel. Lima Ulu (Palembang)
        centre("16.71.02.1005", "Lima Ulu", .kelurahan, kecamatan: "Seberang Ulu Satu", ["olahan ikan"]),
    ]

    /// Kecamatan first, then desa: ready to insert under the shipped kabupaten/kota.
    public static var regions: [Region] {
        var seen = Set<RegionCode>()
        let kecamatan = all.map(\.kecamatan).filter { seen.insert($0.code).inserted }
        return kecamatan + all.map(\.desa)
    }
}
