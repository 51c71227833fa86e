import Foundation

/// What the planner needs to know about a person, read in bulk.
public struct PlanningPerson: Sendable, Equatable {
    public var id: UUID
    public var noKK: String
    public var desa: RegionCode
    public var interests: [String]
    public var birthDate: CivilDate
    public var isHeadOfFamily: Bool
    public var priorKUBE: Bool
    public var talents: [String]
    public var disability: String
    public var health: [String]

    public init(
        id: UUID, noKK: String, desa: RegionCode, interests: [String], birthDate: CivilDate, isHeadOfFamily: Bool, priorKUBE: Bool,
        talents: [String] = [], disability: String = "", health: [String] = []
    ) {
        self.id = id
        self.noKK = noKK
        self.desa = desa
        self.interests = interests
        self.birthDate = birthDate
        self.isHeadOfFamily = isHeadOfFamily
        self.priorKUBE = priorKUBE
        self.talents = talents
        self.disability = disability
        self.health = health
    }

    /// What the recommender needs to know about them, as on their profile.
    public func subject(today: CivilDate) -> RecommendationSubject {
        RecommendationSubject(
            desa: desa, interests: interests, talents: talents,
            limitations: disability.isEmpty && health.isEmpty && birthDate.years(until: today) < Limitation.oldAge
                ? [] : Limitation.of(disability: disability, health: health, age: birthDate.years(until: today)))
    }

    /// Keys of the KUBE eligibility checks this person fails (see `KUBEEligibility`).
    public func failedChecks(today: CivilDate) -> [String] {
        var failed: [String] = []
        if !(KUBEEligibility.minimumAge...KUBEEligibility.maximumAge).contains(birthDate.years(until: today)) { failed.append("age") }
        if !isHeadOfFamily { failed.append("head") }
        if priorKUBE { failed.append("prior_kube") }
        return failed
    }
}

/// Reads the people a plan may consider: status calon or aktif, inside `scope`.
public protocol PlanningPeopleSource: Sendable {
    func planningPeople(within scope: RegionCode?) async throws -> [PlanningPerson]
}

/// Plans KUBE groups for a region from the register: recommends skills to every candidate
/// (scoring each desa's resources once), leaves out people already in an accepted plan, and
/// runs the planner.
public struct PlanGroups: Sendable {
    public var recommender: Recommender
    public var rules: PlanningRules
    public var today: CivilDate
    /// How many of a person's best skills travel with them into the plan (for later moves).
    public static let optionsKept = 5

    public init(recommender: Recommender, rules: PlanningRules, today: CivilDate) {
        self.recommender = recommender
        self.rules = rules
        self.today = today
    }

    public func candidates(_ people: [PlanningPerson], excluding: Set<UUID> = []) -> [PlanCandidate] {
        var fitsByDesa: [RegionCode: [Recommender.PlaceFit]] = [:]
        var candidates: [PlanCandidate] = []
        candidates.reserveCapacity(people.count)
        for person in people where !excluding.contains(person.id) {
            let fits: [Recommender.PlaceFit]
            if let cached = fitsByDesa[person.desa] {
                fits = cached
            } else {
                fits = recommender.placeFits(at: person.desa)
                fitsByDesa[person.desa] = fits
            }
            candidates.append(
                PlanCandidate(
                    id: person.id, noKK: person.noKK, desa: person.desa, failedChecks: person.failedChecks(today: today),
                    options: recommender.scores(fits, for: person.subject(today: today), limit: Self.optionsKept)))
        }
        return candidates
    }

    public func callAsFunction(_ people: [PlanningPerson], excluding: Set<UUID> = [], overrides: [UUID: String] = [:]) -> GroupPlanner.Result {
        GroupPlanner(rules: rules).plan(candidates(people, excluding: excluding), overrides: overrides)
    }
}

extension KUBEEligibility {
    /// Short Indonesian/English text of a failed check key, for lists of people left out.
    public static func failedText(_ key: String, _ lang: Lang) -> String {
        switch (key, lang) {
        case ("age", .id): "usia di luar 18–60 tahun"
        case ("age", .en): "age outside 18–60"
        case ("head", .id): "bukan kepala keluarga"
        case ("head", .en): "not head of family"
        case ("prior_kube", .id): "sudah pernah menerima KUBE"
        case ("prior_kube", .en): "received KUBE before"
        default: key
        }
    }
}

/// Names and villages of people, for showing a plan (never logged).
public protocol PersonNames: Sendable {
    func names(of ids: [UUID]) async throws -> [UUID: String]
}
