/// The four tiers of Indonesian government administration, as Kemendagri codes them.
public enum RegionLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case provinsi
    case kabupatenKota = "kabupaten_kota"
    case kecamatan
    case desaKelurahan = "desa_kelurahan"

    /// Number of dot-separated segments in a code of this level.
    public var segmentCount: Int {
        switch self {
        case .provinsi: 1
        case .kabupatenKota: 2
        case .kecamatan: 3
        case .desaKelurahan: 4
        }
    }

    public init?(segmentCount: Int) {
        guard let level = Self.allCases.first(where: { $0.segmentCount == segmentCount }) else { return nil }
        self = level
    }

    /// The level of this level's children, `nil` for desa/kelurahan.
    public var childLevel: RegionLevel? { RegionLevel(segmentCount: segmentCount + 1) }

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.segmentCount < rhs.segmentCount }
}
