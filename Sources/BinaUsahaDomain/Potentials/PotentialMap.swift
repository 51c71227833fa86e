/// The potentials of a set of regions, answering "how available is this resource in this desa?".
///
/// A desa inherits, resource by resource, what its kecamatan and kab/kota record unless it
/// records that resource itself (the most specific record wins). A resource recorded only in
/// another desa of the same kecamatan counts as *nearby*, at a reduced weight. A resource found
/// nowhere in the desa's lineage or kecamatan is absent.
public struct PotentialMap: Sendable {
    public enum Relation: Sendable, Equatable {
        /// Recorded on the region asked about.
        case own
        /// Recorded on a region above it (kecamatan, kab/kota).
        case inherited
        /// Recorded on another desa of the same kecamatan.
        case nearby
    }

    public struct Availability: Sendable, Equatable {
        public var potential: Potential
        public var relation: Relation

        /// Abundance factor, reduced for a resource that must be brought from a neighbouring desa.
        public var factor: Double { potential.abundance.factor * (relation == .nearby ? PotentialMap.nearbyDiscount : 1) }
    }

    public static let nearbyDiscount = 0.7

    private var byRegion: [RegionCode: [String: Potential]] = [:]
    /// For each kecamatan and resource, the most abundant record among its desa.
    private var bestDesaInKecamatan: [RegionCode: [String: Potential]] = [:]

    public init(_ potentials: [Potential]) {
        for potential in potentials {
            byRegion[potential.region, default: [:]][potential.resource] = potential
            if potential.region.level == .desaKelurahan, let kecamatan = potential.region.parent {
                let current = bestDesaInKecamatan[kecamatan]?[potential.resource]
                if current == nil || Self.better(potential, than: current!) {
                    bestDesaInKecamatan[kecamatan, default: [:]][potential.resource] = potential
                }
            }
        }
    }

    private static func better(_ a: Potential, than b: Potential) -> Bool {
        a.abundance != b.abundance ? a.abundance > b.abundance : a.region < b.region
    }

    /// The resource where `region` is, or `nil` when it is absent.
    public func availability(of resource: String, at region: RegionCode) -> Availability? {
        for (index, code) in region.lineage.reversed().enumerated() {
            if let found = byRegion[code]?[resource] { return Availability(potential: found, relation: index == 0 ? .own : .inherited) }
        }
        if region.level == .desaKelurahan, let kecamatan = region.parent, let nearby = bestDesaInKecamatan[kecamatan]?[resource] {
            return Availability(potential: nearby, relation: .nearby)
        }
        return nil
    }

    /// Every resource available at `region` through its own records or inheritance, by resource code.
    public func effective(at region: RegionCode) -> [Availability] {
        var seen = Set<String>()
        var result: [Availability] = []
        for (index, code) in region.lineage.reversed().enumerated() {
            for potential in (byRegion[code] ?? [:]).values.sorted(by: { $0.resource < $1.resource }) where seen.insert(potential.resource).inserted {
                result.append(Availability(potential: potential, relation: index == 0 ? .own : .inherited))
            }
        }
        return result.sorted { $0.potential.resource < $1.potential.resource }
    }
}
