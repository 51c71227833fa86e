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
        /// Where the record is, seen from the region asked about.
        public var level: EvidenceLevel

        /// Abundance factor, reduced the further from the desa the record is: a potential recorded
        /// on the desa counts more than one inherited from its kecamatan, which counts more than
        /// one from the kab/kota (`EvidenceLevel.factor`).
        public var factor: Double { potential.abundance.factor * level.factor }
    }

    private var byRegion: [RegionCode: [String: Potential]] = [:]
    /// For each kecamatan and resource, the most abundant record among its desa.
    private var bestDesaInKecamatan: [RegionCode: [String: Potential]] = [:]

    /// Established crafts by region, then skill.
    private var craftsByRegion: [RegionCode: [String: LocalCraft]] = [:]
    /// For each kecamatan and skill, the crafts recorded on its desa.
    private var craftsInKecamatan: [RegionCode: [String: [LocalCraft]]] = [:]

    public init(_ potentials: [Potential], crafts: [LocalCraft] = []) {
        for craft in crafts {
            craftsByRegion[craft.region, default: [:]][craft.skill] = craft
            if craft.region.level == .desaKelurahan, let kecamatan = craft.region.parent {
                craftsInKecamatan[kecamatan, default: [:]][craft.skill, default: []].append(craft)
            }
        }
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
            if let found = byRegion[code]?[resource] {
                return Availability(potential: found, relation: index == 0 ? .own : .inherited, level: .of(code, from: region))
            }
        }
        if region.level == .desaKelurahan, let kecamatan = region.parent, let nearby = bestDesaInKecamatan[kecamatan]?[resource] {
            return Availability(potential: nearby, relation: .nearby, level: .desaTetangga)
        }
        return nil
    }

    /// The established craft of `skill` that counts most for a person in `desa`: one in the desa
    /// itself, else in a neighbouring desa, the kecamatan or the kab/kota, each at its level's
    /// weight; `nil` when none is recorded around.
    public func craft(of skill: String, at desa: RegionCode) -> (craft: LocalCraft, level: EvidenceLevel)? {
        var candidates: [(craft: LocalCraft, level: EvidenceLevel)] = []
        for code in desa.lineage {
            if let craft = craftsByRegion[code]?[skill] { candidates.append((craft, .of(code, from: desa))) }
        }
        if desa.level == .desaKelurahan, let kecamatan = desa.parent {
            for craft in craftsInKecamatan[kecamatan]?[skill] ?? [] where craft.region != desa {
                candidates.append((craft, .desaTetangga))
            }
        }
        return candidates.max { a, b in
            let x = a.craft.strength * a.level.factor
            let y = b.craft.strength * b.level.factor
            return x != y ? x < y : a.craft.region > b.craft.region
        }
    }

    /// Every resource available at `region` through its own records or inheritance, by resource code.
    public func effective(at region: RegionCode) -> [Availability] {
        var seen = Set<String>()
        var result: [Availability] = []
        for (index, code) in region.lineage.reversed().enumerated() {
            for potential in (byRegion[code] ?? [:]).values.sorted(by: { $0.resource < $1.resource }) where seen.insert(potential.resource).inserted {
                result.append(Availability(potential: potential, relation: index == 0 ? .own : .inherited, level: .of(code, from: region)))
            }
        }
        return result.sorted { $0.potential.resource < $1.potential.resource }
    }
}
