/// Ranks skills for a person: local evidence first (resources and established crafts, weighted
/// by how close to the person's desa they are recorded), the person's own interests and talents
/// as their choice, the value the skill adds, and what KUBE of the skill nearby achieved.
///
/// Order: among feasible, suitable skills, those matching a recorded interest or talent come
/// first, by score; the others follow as alternatives. With no interest or talent recorded, the
/// score alone decides. Pure and deterministic: the same inputs give the same ranking.
public struct Recommender: Sendable {
    public let skills: [Skill]
    public let potentials: PotentialMap
    public let trackRecords: TrackRecords
    public let weights: RecommendationWeights
    /// The weights' sum, computed once (scoring a million people must not add it up 20 million times).
    private let totalWeight: Double
    private let resourceNames: [String: String]
    private let regionNames: [RegionCode: Region]

    /// A value-added ratio of this much (or more) earns the full value-added part.
    public static let fullValueAddedRatio = 5.0

    public init(
        skills: [Skill], resources: [Resource], potentials: PotentialMap, regions: [Region], trackRecords: TrackRecords = TrackRecords(),
        weights: RecommendationWeights = .standard
    ) {
        self.skills = skills.sorted { $0.code < $1.code }
        self.potentials = potentials
        self.trackRecords = trackRecords
        self.weights = weights.isValid ? weights : .standard
        totalWeight = self.weights.all.reduce(0, +)
        resourceNames = Dictionary(resources.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        regionNames = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same evidence with other weights: what the admin's preview compares.
    public func with(weights: RecommendationWeights) -> Recommender {
        Recommender(
            skills: skills, resources: resourceNames.map { Resource(code: $0.key, name: $0.value) }, potentials: potentials,
            regions: Array(regionNames.values), trackRecords: trackRecords, weights: weights)
    }

    /// The part of a skill's score that depends only on the desa.
    public struct PlaceFit: Sendable {
        public var skill: Skill
        public var resourceScore: Double
        public var resourceReasons: [RecommendationReason]
        public var localCraftScore: Double
        public var localCraftReason: RecommendationReason?
        public var valueAddedScore: Double
        public var trackRecordScore: Double
        public var trackRecordReason: RecommendationReason?
        /// Essential resources missing within the kecamatan.
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
                    .resource(name: name, abundance: found.potential.abundance, place: placeName(found.potential.region), level: found.level))
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
        var craftScore = 0.0
        var craftReason: RecommendationReason?
        if let (craft, level) = potentials.craft(of: skill.code, at: desa) {
            craftScore = craft.strength * level.factor
            craftReason = .localCraft(
                place: placeName(craft.region), level: level, producers: craft.producers, trainers: craft.hasTrainers, buyers: craft.hasBuyers)
        }
        var trackScore = 0.5
        var trackReason: RecommendationReason?
        if let record = trackRecords.record(of: skill.code, at: desa) {
            trackScore = record.strength * record.level.factor + 0.5 * (1 - record.level.factor)
            trackReason = .trackRecord(
                groups: record.groups, active: record.active, place: placeName(record.place), level: record.level,
                valueAdded: record.valueAdded)
        }
        let ratio = skill.valueAddedRatio ?? 1
        return PlaceFit(
            skill: skill, resourceScore: resourceScore, resourceReasons: reasons, localCraftScore: craftScore, localCraftReason: craftReason,
            valueAddedScore: min(1, max(0, (ratio - 1) / (Self.fullValueAddedRatio - 1))), trackRecordScore: trackScore,
            trackRecordReason: trackReason,
            exclusion: missing.isEmpty
                ? nil
                : SkillExclusion(
                    skill: skill.code, skillName: skill.name, cause: .missing(missing, kecamatanName: placeName(desa.parent ?? desa))))
    }

    /// Recommendations for `subject`, best first, and the skills ruled out.
    public func recommend(_ subject: RecommendationSubject, limit: Int = 5) -> (ranked: [Recommendation], excluded: [SkillExclusion]) {
        rank(placeFits(at: subject.desa), for: subject, limit: limit)
    }

    public func rank(_ fits: [PlaceFit], for subject: RecommendationSubject, limit: Int) -> (ranked: [Recommendation], excluded: [SkillExclusion]) {
        let person = Person(subject)
        var ranked: [Recommendation] = []
        var excluded: [SkillExclusion] = []
        for fit in fits {
            if let exclusion = fit.exclusion {
                excluded.append(exclusion)
                continue
            }
            switch evaluate(fit, person, naming: true) {
            case let .unsuitable(rule):
                excluded.append(
                    SkillExclusion(skill: fit.skill.code, skillName: fit.skill.name, cause: .unsuitable(rule.limitation, reason: rule.reason)))
            case let .scored(score, parts, alternative, interests, talents, lessSuited):
                var reasons = fit.resourceReasons
                if let craft = fit.localCraftReason { reasons.insert(craft, at: 0) }
                if !talents.isEmpty { reasons.append(.talents(talents)) }
                if !interests.isEmpty { reasons.append(.interests(interests)) }
                if alternative { reasons.append(.noInterestMatch) }
                if !subject.statedAny { reasons.append(.interestsUnknown) }
                if let ratio = fit.skill.valueAddedRatio { reasons.append(.valueAdded(ratio)) }
                if let track = fit.trackRecordReason { reasons.append(track) }
                if let rule = lessSuited { reasons.append(.lessSuited(rule.limitation, reason: rule.reason)) }
                ranked.append(
                    Recommendation(
                        skill: fit.skill.code, skillName: fit.skill.name, score: score, parts: parts, isAlternative: alternative,
                        reasons: reasons))
            }
        }
        ranked.sort { Self.before(($0.isAlternative, $0.score, $0.skill), ($1.isAlternative, $1.score, $1.skill)) }
        return (Array(ranked.prefix(limit)), excluded)
    }

    /// The best `limit` skills' scores only, without reasons: what the planner needs for a
    /// million people. Same scores and order as `rank`.
    public func scores(_ fits: [PlaceFit], for subject: RecommendationSubject, limit: Int) -> [SkillScore] {
        let person = Person(subject)
        var result: [(alternative: Bool, score: SkillScore)] = []
        result.reserveCapacity(fits.count)
        for fit in fits where fit.exclusion == nil {
            if case let .scored(score, _, alternative, _, _, _) = evaluate(fit, person, naming: false) {
                result.append((alternative, SkillScore(skill: fit.skill.code, score: score)))
            }
        }
        result.sort { Self.before(($0.alternative, $0.score.score, $0.score.skill), ($1.alternative, $1.score.score, $1.score.skill)) }
        return result.prefix(limit).map(\.score)
    }

    /// Matching skills before alternatives, then the higher score, then the code.
    static func before(_ a: (Bool, Double, String), _ b: (Bool, Double, String)) -> Bool {
        if a.0 != b.0 { return !a.0 }
        if a.1 != b.1 { return a.1 > b.1 }
        return a.2 < b.2
    }

    private struct Person {
        var interests: Set<String>
        var talents: Set<String>
        var limitations: Set<Limitation>
        var statedAny: Bool

        init(_ subject: RecommendationSubject) {
            interests = Set(subject.interests)
            talents = Set(subject.talents)
            limitations = subject.limitations
            statedAny = subject.statedAny
        }
    }

    private enum Evaluation {
        case unsuitable(SuitabilityRule)
        case scored(Double, ScoreParts, alternative: Bool, interests: [String], talents: [String], lessSuited: SuitabilityRule?)
    }

    /// `naming: false` (the planner's path) counts matches without listing them.
    private func evaluate(_ fit: PlaceFit, _ person: Person, naming: Bool) -> Evaluation {
        var lessSuited: SuitabilityRule?
        if !person.limitations.isEmpty {
            for rule in fit.skill.unsuitable where person.limitations.contains(rule.limitation) {
                if rule.effect == .tidakCocok { return .unsuitable(rule) }
                if lessSuited == nil { lessSuited = rule }
            }
        }
        let (interest, interestMatches, interests) = Self.match(person.interests, fit.skill, naming: naming)
        let (talent, talentMatches, talents) = Self.match(person.talents, fit.skill, naming: naming)
        let parts = ScoreParts(
            resource: fit.resourceScore, localCraft: fit.localCraftScore, interest: interest, talent: talent,
            valueAdded: fit.valueAddedScore, trackRecord: fit.trackRecordScore,
            suitability: lessSuited == nil ? 1 : SuitabilityRule.lessSuitedFactor)
        let w = weights
        let total = totalWeight
        let sum =
            w.resource * parts.resource + w.localCraft * parts.localCraft + w.interest * parts.interest + w.talent * parts.talent
            + w.valueAdded * parts.valueAdded + w.trackRecord * parts.trackRecord
        let score = (100 * sum / total * parts.suitability * 10).rounded() / 10
        let alternative = person.statedAny && interestMatches == 0 && talentMatches == 0
        return .scored(score, parts, alternative: alternative, interests: interests, talents: talents, lessSuited: lessSuited)
    }

    /// The share of the skill's tags the person has (1 when every tag they could match does);
    /// 0.5 when they recorded none.
    static func match(_ personal: Set<String>, _ skill: Skill, naming: Bool = true) -> (score: Double, count: Int, names: [String]) {
        guard !personal.isEmpty else { return (0.5, 0, []) }
        var count = 0
        var names: [String] = []
        for tag in skill.interests where personal.contains(tag) {
            count += 1
            if naming { names.append(tag) }
        }
        guard count > 0 else { return (0, 0, []) }
        return (Double(count) / Double(min(personal.count, skill.interests.count)), count, names)
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
