/// The province the product serves and its 17 kabupaten/kota, written from the Kemendagri
/// codes in Kepmendagri 300.2.2-2430/2025 (see docs/DATA-MODEL.md). Loaded into an empty
/// database; the full kecamatan and desa lists come in through `binausaha regions import`.
public enum SumateraSelatan {
    public static let provinceCode = RegionCode(trusted: "16")

    public static let province = Region(code: provinceCode, name: "Sumatera Selatan", kind: .provinsi)

    public static let kabupatenKota: [Region] = [
        ("16.01", "Kabupaten Ogan Komering Ulu", RegionKind.kabupaten),
        ("16.02", "Kabupaten Ogan Komering Ilir", .kabupaten),
        ("16.03", "Kabupaten Muara Enim", .kabupaten),
        ("16.04", "Kabupaten Lahat", .kabupaten),
        ("16.05", "Kabupaten Musi Rawas", .kabupaten),
        ("16.06", "Kabupaten Musi Banyuasin", .kabupaten),
        ("16.07", "Kabupaten Banyuasin", .kabupaten),
        ("16.08", "Kabupaten Ogan Komering Ulu Timur", .kabupaten),
        ("16.09", "Kabupaten Ogan Komering Ulu Selatan", .kabupaten),
        ("16.10", "Kabupaten Ogan Ilir", .kabupaten),
        ("16.11", "Kabupaten Empat Lawang", .kabupaten),
        ("16.12", "Kabupaten Penukal Abab Lematang Ilir", .kabupaten),
        ("16.13", "Kabupaten Musi Rawas Utara", .kabupaten),
        ("16.71", "Kota Palembang", .kota),
        ("16.72", "Kota Pagar Alam", .kota),
        ("16.73", "Kota Lubuk Linggau", .kota),
        ("16.74", "Kota Prabumulih", .kota),
    ].map { Region(code: RegionCode(trusted: $0.0), name: $0.1, kind: $0.2) }

    /// Everything shipped with the product, parents before children.
    public static var all: [Region] { [province] + kabupatenKota }
}
