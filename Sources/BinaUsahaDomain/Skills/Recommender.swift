/// How much each part counts in a recommendation's score. Edited by the admin.
public struct RecommendationWeights: Sendable, Equatable, Codable {
    public var resource: Double
    public var interest: Double
    public var valueAdded: Double

    public init(resource: Double = 0.5, interest: Double = 0.3, valueAdded: Double = 0.2) {
        self.resource = resource
        self.interest = interest
        self.valueAdded = valueAdded
    }

    public static let standard = RecommendationWeights()

    /// Each weight 0–10 and at least one above zero.
    public var isValid: Bool {
        [resource, interest, valueAdded].allSatisfy { (0...10).contains($0) } && resource + interest + valueAdded > 0
    }
}

/// One skill recommended to one person, with its score (0–100) and the reasons behind it.
public struct Recommendation: Sendable, Equatable {
    public var skill: String
    public var skillName: String
    public var score: Double
    public var resourceScore: Double
    public var interestScore: Double
    public var valueAddedScore: Double
    public var reasons: [RecommendationReason]
}

/// A skill ruled out for a person, and why.
public struct SkillExclusion: Sendable, Equatable {
    public var skill: String
    public var skillName: String
    /// Names of the essential resources missing within the kecamatan.
    public var missing: [String]
    public var kecamatanName: String

    public func text(_ lang: Lang) -> String {
        lang == .id
            ? "\(missing.joined(separator: ", ")) tidak ada di \(kecamatanName)"
            : "\(missing.joined(separator: ", ")) not available in \(kecamatanName)"
    }
}

public enum RecommendationReason: Sendable, Equatable {
    /// "Purun melimpah di Kec. Pedamaran" (or "di desa tetangga …").
    case resource(name: String, abundance: Abundance, place: String, nearby: Bool)
    /// The skill needs no local resource (materials are bought).
    case materialsBought
    case interests([String])
    case noInterestMatch
    case interestsUnknown
    case valueAdded(Double)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.resource(name, abundance, place, nearby), .id):
            "\(name) \(abundance.label(.id)) \(nearby ? "di desa tetangga, " : "di ")\(place)"
        case let (.resource(name, abundance, place, nearby), .en):
            "\(name) \(abundance.label(.en)) \(nearby ? "in a neighbouring village, " : "in ")\(place)"
        case (.materialsBought, .id): "bahan baku dibeli di pasar"
        case (.materialsBought, .en): "materials bought at the market"
        case let (.interests(tags), .id): "minat: \(tags.joined(separator: ", "))"
        case let (.interests(tags), .en): "interest: \(tags.joined(separator: ", "))"
        case (.noInterestMatch, .id): "belum sesuai minat yang tercatat"
        case (.noInterestMatch, .en): "does not match the recorded interests"
        case (.interestsUnknown, .id): "minat belum diisi"
        case (.interestsUnknown, .en): "interests not recorded"
        case let (.valueAdded(ratio), .id): "nilai jual \(formatRatio(ratio, .id))× bahan baku"
        case let (.valueAdded(ratio), .en): "sells at \(formatRatio(ratio, .en))× material cost"
        }
    }
}

/// Ranks skills for a person from where they live, their interests and the value the skill adds.
/// Pure and deterministic: the same catalogue, potentials and person give the same ranking.
public struct Recommender: Sendable {
    public let skills: [Skill]
    public let potentials: PotentialMap
    public let weights: RecommendationWeights
    private let resourceNames: [String: String]
    private let regionNames: [RegionCode: Region]

    /// A value-added ratio of this much (or more) earns the full value-added part.
    public static let fullValueAddedRatio = 5.0

    public init(skills: [Skill], resources: [Resource], potentials: PotentialMap, regions: [Region], weights: RecommendationWeights = .standard) {
        self.skills = skills.sorted { $0.code < $1.code }
        self.potentials = potentials
        self.weights = weights.isValid ? weights : .standard
        resourceNames = Dictionary(resources.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        regionNames = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The part of a skill's score that depends only on the desa: resource availability and value added.
    public struct PlaceFit: Sendable {
        public var skill: Skill
        public var resourceScore: Double
        public var resourceReasons: [RecommendationReason]
        public var valueAddedScore: Double
        public var exclusion: SkillExclusion?
    }

    /// Every skill's place fit for `desa`, in catalogue order. Callers scoring many people of one
    /// desa compute this once.
    public func placeFits(at desa: RegionCode) -> [PlaceFit] {
        skills.map { placeFit($0, at: desa) }
    }

    func placeFit(_ skill: Skill, at desa: RegionCode) -> PlaceFit {
        var weighted = 0.0
        var totalWeight = 0
        var reasons: [RecommendationReason] = []
        var missing: [String] = []
        for need in skill.needs {
            totalWeight += need.weight
            let name = resourceNames[need.resource] ?? need.resource
            if let found = potentials.availability(of: need.resource, at: desa) {
                weighted += Double(need.weight) * found.factor
                reasons.append(
                    .resource(
                        name: name, abundance: found.potential.abundance, place: placeName(found.potential.region),
                        nearby: found.relation == .nearby))
            } else if need.essential {
                missing.append(name)
            }
        }
        let resourceScore: Double
        if skill.needs.allSatisfy({ !$0.essential }) && reasons.isEmpty {
            resourceScore = 0.5
            reasons = [.materialsBought]
        } else {
            resourceScore = totalWeight == 0 ? 0.5 : weighted / Double(totalWeight)
        }
        let ratio = skill.valueAddedRatio ?? 1
        let valueAdded = min(1, max(0, (ratio - 1) / (Self.fullValueAddedRatio - 1)))
        let exclusion =
            missing.isEmpty
            ? nil
            : SkillExclusion(skill: skill.code, skillName: skill.name, missing: missing, kecamatanName: placeName(desa.parent ?? desa))
        return PlaceFit(skill: skill, resourceScore: resourceScore, resourceReasons: reasons, valueAddedScore: valueAdded, exclusion: exclusion)
    }

    /// Recommendations for a person living in `desa` with `interests`, best first, and the skills ruled out.
    public func recommend(interests: [String], desa: RegionCode, limit: Int = 5) -> (ranked: [Recommendation], excluded: [SkillExclusion]) {
        let fits = placeFits(at: desa)
        return rank(fits, interests: interests, limit: limit)
    }

    public func rank(_ fits: [PlaceFit], interests: [String], limit: Int) -> (ranked: [Recommendation], excluded: [SkillExclusion]) {
        var ranked: [Recommendation] = []
        var excluded: [SkillExclusion] = []
        let personal = Set(interests)
        let total = weights.resource + weights.interest + weights.valueAdded
        for fit in fits {
            if let exclusion = fit.exclusion {
                excluded.append(exclusion)
                continue
            }
            let (interestScore, interestReason) = Self.interestFit(personal, fit.skill)
            let score =
                100
                * (weights.resource * fit.resourceScore + weights.interest * interestScore
                    + weights.valueAdded * fit.valueAddedScore) / total
            var reasons = fit.resourceReasons
            reasons.append(interestReason)
            if let ratio = fit.skill.valueAddedRatio { reasons.append(.valueAdded(ratio)) }
            ranked.append(
                Recommendation(
                    skill: fit.skill.code, skillName: fit.skill.name, score: (score * 10).rounded() / 10,
                    resourceScore: fit.resourceScore, interestScore: interestScore,
                    valueAddedScore: fit.valueAddedScore, reasons: reasons))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.skill < $1.skill }
        return (Array(ranked.prefix(limit)), excluded)
    }

    /// The best `limit` skills' scores only, without reasons: what the planner needs for a
    /// million people. Same scores and order as `rank`.
    public func scores(_ fits: [PlaceFit], interests: [String], limit: Int) -> [SkillScore] {
        let personal = Set(interests)
        let total = weights.resource + weights.interest + weights.valueAdded
        var result: [SkillScore] = []
        result.reserveCapacity(fits.count)
        for fit in fits where fit.exclusion == nil {
            let interest = Self.interestFit(personal, fit.skill).0
            let score = 100 * (weights.resource * fit.resourceScore + weights.interest * interest + weights.valueAdded * fit.valueAddedScore) / total
            result.append(SkillScore(skill: fit.skill.code, score: (score * 10).rounded() / 10))
        }
        result.sort { $0.score != $1.score ? $0.score > $1.score : $0.skill < $1.skill }
        return Array(result.prefix(limit))
    }

    /// 1 when every interest the skill asks for that the person could have matches; 0.5 when the
    /// person's interests are unknown; 0 when none match.
    static func interestFit(_ personal: Set<String>, _ skill: Skill) -> (Double, RecommendationReason) {
        guard !personal.isEmpty else { return (0.5, .interestsUnknown) }
        let matched = skill.interests.filter(personal.contains)
        guard !matched.isEmpty else { return (0, .noInterestMatch) }
        return (Double(matched.count) / Double(min(personal.count, skill.interests.count)), .interests(matched))
    }

    /// "Kec. Pedamaran", "Desa Lumpatan", "Kab. Ogan Komering Ilir".
    public func placeName(_ code: RegionCode) -> String {
        guard let region = regionNames[code] else { return code.rawValue }
        return Self.placeName(region)
    }

    public static func placeName(_ region: Region) -> String {
        switch region.kind {
        case .provinsi: "Prov. \(region.name)"
        case .kabupaten: region.name.hasPrefix("Kabupaten ") ? "Kab. " + region.name.dropFirst("Kabupaten ".count) : "Kab. \(region.name)"
        case .kota: region.name.hasPrefix("Kota ") ? region.name : "Kota \(region.name)"
        case .kecamatan: "Kec. \(region.name)"
        case .desa, .desaAdat: "Desa \(region.name)"
        case .kelurahan: "Kel. \(region.name)"
        }
    }
}
