/// An established craft (sentra kerajinan) in a region: people there already make it, and often
/// teach it and sell it. Evidence of its own for a recommendation, apart from how abundant the
/// raw material is.
public struct LocalCraft: Sendable, Equatable, Codable {
    public var region: RegionCode
    /// The catalogue skill the craft is, e.g. `anyaman-purun`.
    public var skill: String
    /// About how many households make it (0 when unknown).
    public var producers: Int
    /// Someone in the region can train others.
    public var hasTrainers: Bool
    /// Buyers (pengepul, shops, an offtaker) come to the region for it.
    public var hasBuyers: Bool
    public var notes: String
    public var source: String

    public init(
        region: RegionCode, skill: String, producers: Int = 0, hasTrainers: Bool = false, hasBuyers: Bool = false,
        notes: String = "", source: String = ""
    ) {
        self.region = region
        self.skill = skill
        self.producers = producers
        self.hasTrainers = hasTrainers
        self.hasBuyers = hasBuyers
        self.notes = notes
        self.source = source
    }

    public static let maximumProducers = 1_000_000

    /// 0.6 for a recorded craft, up to 1 with producers, trainers and buyers all known.
    public var strength: Double {
        0.6 + (producers >= 10 ? 0.1 : 0) + (hasTrainers ? 0.15 : 0) + (hasBuyers ? 0.15 : 0)
    }
}

/// How far from the person a piece of evidence was recorded.
public enum EvidenceLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// The person's own desa.
    case desa
    /// Another desa of the same kecamatan.
    case desaTetangga = "desa-tetangga"
    case kecamatan
    case kabupatenKota = "kabkota"
    case provinsi

    /// How much evidence at this level counts against the same evidence in the person's desa.
    public var factor: Double {
        switch self {
        case .desa: 1.0
        case .kecamatan: 0.8
        case .desaTetangga: 0.7
        case .kabupatenKota: 0.6
        case .provinsi: 0.5
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.desa, .id): "desa"
        case (.desaTetangga, .id): "desa tetangga"
        case (.kecamatan, .id): "kecamatan"
        case (.kabupatenKota, .id): "kab/kota"
        case (.provinsi, .id): "provinsi"
        case (.desa, .en): "village"
        case (.desaTetangga, .en): "neighbouring village"
        case (.kecamatan, .en): "district"
        case (.kabupatenKota, .en): "regency/city"
        case (.provinsi, .en): "province"
        }
    }

    public static func < (lhs: EvidenceLevel, rhs: EvidenceLevel) -> Bool { lhs.factor > rhs.factor }

    /// The level of a record on `recorded` seen from a person in `desa` (`recorded` is in the
    /// desa's lineage, or another desa of its kecamatan).
    public static func of(_ recorded: RegionCode, from desa: RegionCode) -> EvidenceLevel {
        if recorded == desa { return .desa }
        switch recorded.level {
        case .desaKelurahan: return .desaTetangga
        case .kecamatan: return .kecamatan
        case .kabupatenKota: return .kabupatenKota
        case .provinsi: return .provinsi
        }
    }
}
