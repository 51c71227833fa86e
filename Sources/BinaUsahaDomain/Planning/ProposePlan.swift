import Foundation

/// Why a plan was not proposed: the region or the target size the user asked for.
public enum PlanRequestProblem: Error, Equatable, Sendable, LocalizedMessage {
    case unknownRegion(String)
    case outsideRegion(String)
    case badTargetSize(String)

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case let .unknownRegion(text): return id ? "Kode wilayah \"\(text)\" tidak dikenal." : "Region code \"\(text)\" is not known."
        case let .outsideRegion(text): return id ? "Wilayah \(text) di luar wilayah kerja Anda." : "Region \(text) is outside your region."
        case .badTargetSize:
            return id
                ? "Target anggota per kelompok harus bilangan \(PlanningRules.permensosMinimum)–\(PlanningRules.permensosMaximum)."
                : "The target size per group must be a number \(PlanningRules.permensosMinimum)–\(PlanningRules.permensosMaximum)."
        }
    }
}

/// Proposes KUBE groups for a region from the register: everyone who is not yet in an
/// accepted plan or an active KUBE, recommended and planned. `preview` only computes;
/// `callAsFunction` also stores the proposal as a draft plan with its audit record. The
/// page, the API and `binausaha plan-groups` all come through here.
public struct ProposePlan: Sendable {
    public let transactor: any Transactor
    public let repositories: Repositories
    public let clock: Clock

    public init(transactor: any Transactor, repositories: Repositories, clock: Clock) {
        self.transactor = transactor
        self.repositories = repositories
        self.clock = clock
    }

    public struct Proposal: Sendable {
        public var scope: RegionCode?
        public var rules: PlanningRules
        public var candidates: Int
        public var result: GroupPlanner.Result
        public var skillNames: [String: String]
    }

    /// The region asked for (empty: the principal's own), checked to exist and lie inside it.
    public func scope(_ text: String?, within region: RegionCode?) async throws -> RegionCode? {
        let trimmed = TextFolding.trim(text ?? "")
        guard !trimmed.isEmpty else { return region }
        guard let code = try? RegionCode(validating: trimmed), try await repositories.regions.find(code) != nil else {
            throw PlanRequestProblem.unknownRegion(trimmed)
        }
        guard region?.contains(code) ?? true else { throw PlanRequestProblem.outsideRegion(trimmed) }
        return code
    }

    public static func rules(targetSize text: String?) throws -> PlanningRules {
        guard let text = text.map(TextFolding.trim), !text.isEmpty else { return PlanningRules() }
        guard let size = Int(text), PlanningRules(targetSize: size).problem == nil else { throw PlanRequestProblem.badTargetSize(text) }
        return PlanningRules(targetSize: size)
    }

    public func preview(scope: RegionCode?, rules: PlanningRules, overrides: [UUID: String] = [:]) async throws -> Proposal {
        let people = try await repositories.planningPeople.planningPeople(within: scope)
        let taken = try await repositories.plans.peopleInAcceptedPlans(within: scope)
            .union(try await repositories.groups.activeMembers(within: scope))
        let recommender = try await LoadRecommender(repositories)(within: scope)
        let result = PlanGroups(recommender: recommender, rules: rules, today: CivilDate(clock.now()))(people, excluding: taken, overrides: overrides)
        return Proposal(
            scope: scope, rules: rules, candidates: people.count, result: result,
            skillNames: Dictionary(recommender.skills.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Computes and stores a draft plan (audited).
    public func callAsFunction(
        scope: RegionCode?, rules: PlanningRules, overrides: [UUID: String] = [:], by actor: AuditActor
    ) async throws
        -> GroupPlan
    {
        let proposal = try await preview(scope: scope, rules: rules, overrides: overrides)
        let now = clock.now()
        let plan = GroupPlan(
            scope: scope, rules: rules, createdBy: actor.name, createdAt: now, groups: proposal.result.groups,
            leftOut: proposal.result.leftOut)
        try await transactor.run { repositories in
            try await repositories.plans.insert(plan)
            try await repositories.audit.record(
                .create, by: actor, at: now, entity: "group_plan", entityID: plan.id.uuidString, region: scope,
                changes: [
                    FieldChange(field: "groups", before: nil, after: String(plan.groups.count)),
                    FieldChange(field: "members", before: nil, after: String(plan.memberCount)),
                    FieldChange(field: "left_out", before: nil, after: String(plan.leftOut.count)),
                    FieldChange(field: "target_size", before: nil, after: String(rules.targetSize)),
                ], note: overrides.isEmpty ? nil : "\(overrides.count) pengecualian syarat")
        }
        return plan
    }
}
