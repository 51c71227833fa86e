/// A raw material or commodity (bahan baku / komoditas) in the admin-edited catalogue:
/// `purun`, `rotan`, `kopi`… The code is a short lowercase slug that never changes.
public struct Resource: Sendable, Equatable, Hashable, Codable {
    public var code: String
    public var name: String
    public var notes: String

    public init(code: String, name: String, notes: String = "") {
        self.code = code
        self.name = name
        self.notes = notes
    }

    /// `purun`, `ikan-sungai`: lowercase letters, digits and dashes, 2–40 characters.
    public static func isValidCode(_ code: String) -> Bool {
        (2...40).contains(code.count) && code.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && code.first != "-" && code.last != "-"
    }
}

/// How much of a resource a region has.
public enum Abundance: String, Sendable, Codable, CaseIterable, Comparable {
    case melimpah, cukup, terbatas

    /// Weight in the recommendation's resource part.
    public var factor: Double {
        switch self {
        case .melimpah: 1.0
        case .cukup: 0.6
        case .terbatas: 0.3
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.melimpah, .id): "melimpah"
        case (.cukup, .id): "cukup"
        case (.terbatas, .id): "terbatas"
        case (.melimpah, .en): "abundant"
        case (.cukup, .en): "sufficient"
        case (.terbatas, .en): "limited"
        }
    }

    public static func < (lhs: Abundance, rhs: Abundance) -> Bool { lhs.factor < rhs.factor }
}

/// A resource recorded on a region of any level (kab/kota, kecamatan, desa).
public struct Potential: Sendable, Equatable, Codable {
    public var region: RegionCode
    public var resource: String
    public var abundance: Abundance
    /// When it is available, e.g. "sepanjang tahun", "Mei–Agustus".
    public var season: String
    public var notes: String
    /// Where the fact comes from (a report, BPS, a field visit).
    public var source: String

    public init(region: RegionCode, resource: String, abundance: Abundance, season: String = "", notes: String = "", source: String = "") {
        self.region = region
        self.resource = resource
        self.abundance = abundance
        self.season = season
        self.notes = notes
        self.source = source
    }
}

/// Where potentials and the resource catalogue are stored.
public protocol PotentialRepository: Sendable {
    func resources() async throws -> [Resource]
    /// Adds a resource, or renames it when the code exists. Returns the previous value.
    func saveResource(_ resource: Resource) async throws -> Resource?
    /// Potentials recorded on any of `regions`.
    func potentials(on regions: [RegionCode]) async throws -> [Potential]
    /// Potentials recorded on `region` or any region below it.
    func potentials(within region: RegionCode?) async throws -> [Potential]
    /// Adds or replaces the potential of `potential.resource` on `potential.region`; returns the previous one.
    func save(_ potential: Potential) async throws -> Potential?
    func remove(resource: String, on region: RegionCode) async throws -> Potential?
    /// Established crafts recorded on `region` or any region below it (everywhere when `nil`).
    func localCrafts(within region: RegionCode?) async throws -> [LocalCraft]
    /// Established crafts recorded on any of `regions`.
    func localCrafts(on regions: [RegionCode]) async throws -> [LocalCraft]
    /// Adds or replaces the craft of `craft.skill` on `craft.region`; returns the previous one.
    func save(_ craft: LocalCraft) async throws -> LocalCraft?
    func removeCraft(skill: String, on region: RegionCode) async throws -> LocalCraft?
    /// Records each potential and local craft of the starting catalogue once, when its region first exists;
    /// returns how many were added.
    @discardableResult
    func applyStartingPotentials() async throws -> Int
}
