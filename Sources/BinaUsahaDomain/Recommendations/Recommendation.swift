/// How much each part counts in a recommendation's score. Edited by the admin.
public struct RecommendationWeights: Sendable, Equatable, Codable {
    /// Raw materials around the person, weighted by how local the record is.
    public var resource: Double
    /// An established craft (sentra) of the skill around the person.
    public var localCraft: Double
    public var interest: Double
    /// What the person already knows how to make; counts more than an interest.
    public var talent: Double
    /// The catalogue's selling value over material cost.
    public var valueAdded: Double
    /// What KUBE of the skill nearby achieved: still active, realised value added.
    public var trackRecord: Double

    public init(
        resource: Double = 0.25, localCraft: Double = 0.25, interest: Double = 0.2, talent: Double = 0.3, valueAdded: Double = 0.1,
        trackRecord: Double = 0.15
    ) {
        self.resource = resource
        self.localCraft = localCraft
        self.interest = interest
        self.talent = talent
        self.valueAdded = valueAdded
        self.trackRecord = trackRecord
    }

    public static let standard = RecommendationWeights()

    /// In the order of `fieldNames`.
    public var all: [Double] { [resource, localCraft, interest, talent, valueAdded, trackRecord] }
    /// The form and audit names of the weights.
    public static let fieldNames = ["resource", "local_craft", "interest", "talent", "value_added", "track_record"]

    /// Each weight 0–10 and at least one above zero.
    public var isValid: Bool { all.allSatisfy { (0...10).contains($0) } && all.reduce(0, +) > 0 }

    enum CodingKeys: String, CodingKey { case resource, localCraft, interest, talent, valueAdded, trackRecord }

    /// Weights saved before a part existed read it at its standard value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let standard = RecommendationWeights.standard
        func value(_ key: CodingKeys, _ fallback: Double) throws -> Double { try container.decodeIfPresent(Double.self, forKey: key) ?? fallback }
        self.init(
            resource: try value(.resource, standard.resource), localCraft: try value(.localCraft, standard.localCraft),
            interest: try value(.interest, standard.interest), talent: try value(.talent, standard.talent),
            valueAdded: try value(.valueAdded, standard.valueAdded), trackRecord: try value(.trackRecord, standard.trackRecord))
    }
}

/// Who a recommendation is for: where they live, what they want to do and already know, and
/// what limits them.
public struct RecommendationSubject: Sendable, Equatable {
    public var desa: RegionCode
    public var interests: [String]
    public var talents: [String]
    public var limitations: Set<Limitation>

    public init(desa: RegionCode, interests: [String] = [], talents: [String] = [], limitations: Set<Limitation> = []) {
        self.desa = desa
        self.interests = interests
        self.talents = talents
        self.limitations = limitations
    }

    public init(_ details: BeneficiaryDetails, today: CivilDate) {
        self.init(
            desa: details.desa, interests: details.interests, talents: details.talents,
            limitations: Limitation.of(disability: details.disability, health: details.health, age: details.birthDate.years(until: today)))
    }

    /// Interests or talents are recorded: then a skill matching none of them is only an alternative.
    public var statedAny: Bool { !interests.isEmpty || !talents.isEmpty }
}

/// Each part of a score, 0–1, as the weights combine them.
public struct ScoreParts: Sendable, Equatable, Codable {
    public var resource: Double
    public var localCraft: Double
    public var interest: Double
    public var talent: Double
    public var valueAdded: Double
    public var trackRecord: Double
    /// 1, or `SuitabilityRule.lessSuitedFactor` for a skill "kurang cocok" for the person.
    public var suitability: Double
}

/// One skill recommended to one person, with its score (0–100) and the reasons behind it.
public struct Recommendation: Sendable, Equatable {
    public var skill: String
    public var skillName: String
    public var score: Double
    public var parts: ScoreParts
    /// Matches none of the person's recorded interests and talents: shown as an alternative,
    /// after every skill that matches one.
    public var isAlternative: Bool
    public var reasons: [RecommendationReason]
}

/// A skill ruled out for a person, and why.
public struct SkillExclusion: Sendable, Equatable {
    public enum Cause: Sendable, Equatable {
        /// Essential resources missing within the kecamatan (their names).
        case missing([String], kecamatanName: String)
        /// The catalogue says the skill is unsuitable for a limitation of the person.
        case unsuitable(Limitation, reason: String)
    }

    public var skill: String
    public var skillName: String
    public var cause: Cause

    /// With `hidingHealth`, a health condition is not named (for readers who do not see the
    /// person's personal data).
    public func text(_ lang: Lang, hidingHealth: Bool = false) -> String {
        if hidingHealth, case let .unsuitable(limitation, _) = cause, Limitation.health.contains(limitation) {
            return lang == .id ? "tidak cocok untuk kondisi kesehatan yang tercatat" : "unsuitable for a recorded health condition"
        }
        return switch (cause, lang) {
        case let (.missing(names, place), .id): "\(names.joined(separator: ", ")) tidak ada di \(place)"
        case let (.missing(names, place), .en): "\(names.joined(separator: ", ")) not available in \(place)"
        case let (.unsuitable(limitation, reason), .id): "tidak cocok untuk \(limitation.label(.id))\(reason.isEmpty ? "" : ": \(reason)")"
        case let (.unsuitable(limitation, reason), .en): "unsuitable for \(limitation.label(.en))\(reason.isEmpty ? "" : ": \(reason)")"
        }
    }
}

public enum RecommendationReason: Sendable, Equatable {
    /// "Purun melimpah di Desa Pedamaran I (desa)".
    case resource(name: String, abundance: Abundance, place: String, level: EvidenceLevel)
    /// The skill needs no local resource (materials are bought).
    case materialsBought
    /// "sentra anyaman purun di Desa Pedamaran I (desa): ±300 perajin, ada pelatih, ada pembeli".
    case localCraft(place: String, level: EvidenceLevel, producers: Int, trainers: Bool, buyers: Bool)
    case interests([String])
    case talents([String])
    case noInterestMatch
    case interestsUnknown
    case valueAdded(Double)
    /// "4 KUBE di Kec. Dempo Selatan, 3 masih aktif, nilai tambah 2,8×".
    case trackRecord(groups: Int, active: Int, place: String, level: EvidenceLevel, valueAdded: Double?)
    case lessSuited(Limitation, reason: String)

    /// With `hidingHealth`, a health condition is not named (for readers who do not see the
    /// person's personal data).
    public func text(_ lang: Lang, hidingHealth: Bool = false) -> String {
        let id = lang == .id
        if hidingHealth, case let .lessSuited(limitation, _) = self, Limitation.health.contains(limitation) {
            return id ? "kurang cocok untuk kondisi kesehatan yang tercatat" : "less suitable for a recorded health condition"
        }
        switch self {
        case let .resource(name, abundance, place, level):
            return "\(name) \(abundance.label(lang)) \(id ? "di" : "in") \(place) (\(level.label(lang)))"
        case .materialsBought: return id ? "bahan baku dibeli di pasar" : "materials bought at the market"
        case let .localCraft(place, level, producers, trainers, buyers):
            var facts: [String] = []
            if producers > 0 { facts.append(id ? "±\(formatCount(producers)) perajin" : "about \(producers) makers") }
            if trainers { facts.append(id ? "ada pelatih" : "trainers there") }
            if buyers { facts.append(id ? "ada pembeli" : "buyers come") }
            return (id ? "sudah ada sentra di \(place)" : "an established craft centre in \(place)") + " (\(level.label(lang)))"
                + (facts.isEmpty ? "" : ": " + facts.joined(separator: ", "))
        case let .interests(tags): return (id ? "minat: " : "interest: ") + tags.joined(separator: ", ")
        case let .talents(tags): return (id ? "sudah bisa: " : "already knows: ") + tags.joined(separator: ", ")
        case .noInterestMatch: return id ? "alternatif: belum sesuai minat yang tercatat" : "alternative: does not match the recorded interests"
        case .interestsUnknown: return id ? "minat belum diisi" : "interests not recorded"
        case let .valueAdded(ratio):
            return id ? "nilai jual \(formatRatio(ratio, .id))× bahan baku" : "sells at \(formatRatio(ratio, .en))× material cost"
        case let .trackRecord(groups, active, place, level, valueAdded):
            let value = valueAdded.map { id ? ", nilai tambah \(formatRatio($0, .id))×" : ", value added \(formatRatio($0, .en))×" } ?? ""
            return id
                ? "\(groups) KUBE di \(place) (\(level.label(lang))), \(active) masih aktif\(value)"
                : "\(groups) KUBE in \(place) (\(level.label(lang))), \(active) still active\(value)"
        case let .lessSuited(limitation, reason):
            return (id ? "kurang cocok untuk \(limitation.label(.id))" : "less suitable for \(limitation.label(.en))")
                + (reason.isEmpty ? "" : ": \(reason)")
        }
    }
}
