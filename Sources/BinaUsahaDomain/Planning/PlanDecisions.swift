import Foundation

/// The operator's changes to a draft plan, its acceptance and its discarding. Each reads the
/// plan inside the writer's region, checks its version, and saves with the audit record in one
/// unit of work; accepting also creates the draft KUBE groups in that same unit.
public struct PlanDecisions: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    public enum Edit: Sendable {
        case move(people: [UUID], toGroup: UUID, overrideReason: String?)
        case remove(people: [UUID])
        case drop(group: UUID)
        case merge(group: UUID, into: UUID)
    }

    /// Per-person refusals of a move or removal: nothing is saved when any is refused.
    public struct PeopleRefused: Error, Sendable {
        public var refusals: [(person: UUID, problem: PlanProblem)]
    }

    /// Whether `principal` sees a plan: its scope lies in their region (the province's admin sees all).
    public static func reaches(_ principal: Principal, _ plan: GroupPlan) -> Bool {
        principal.covers(plan.scope) || principal.region == nil
    }

    public func edit(_ id: UUID, _ edit: Edit, version: Int, by principal: Principal) async throws -> GroupPlan {
        try await decide(id, version: version, by: principal, action: .update, note: Self.name(of: edit)) { plan, repositories in
            let skills = try await Self.skillNames(repositories)
            var refusals: [(UUID, PlanProblem)] = []
            func each(_ people: [UUID], _ body: (UUID) throws(PlanEditError) -> Void) {
                for person in people {
                    do { try body(person) } catch { refusals.append((person, error.problem)) }
                }
            }
            switch edit {
            case let .move(people, group, reason):
                each(people) { person throws(PlanEditError) in
                    try plan.move(person: person, to: group, overrideReason: reason, skillName: { skills[$0] ?? $0 })
                }
            case let .remove(people):
                each(people) { person throws(PlanEditError) in try plan.remove(person: person) }
            case let .drop(group):
                try plan.drop(group: group)
            case let .merge(group, target):
                try plan.merge(group, into: target)
            }
            guard refusals.isEmpty else { throw PeopleRefused(refusals: refusals) }
        }
    }

    /// Accepts a draft whose groups all keep the rules, and creates its draft KUBE groups
    /// (members as anggota; people active in another KUBE meanwhile are skipped).
    public func accept(_ id: UUID, version: Int, by principal: Principal) async throws -> (plan: GroupPlan, groups: [KUBEGroup]) {
        let now = clock.now()
        let today = CivilDate(now)
        let box = CreatedGroups()
        let plan = try await decide(id, version: version, by: principal, action: .update, note: "accept") { plan, repositories in
            let skills = try await Self.skillNames(repositories)
            let problems = plan.acceptanceProblems(skillName: { skills[$0] ?? $0 })
            guard problems.isEmpty else { throw PlanRuleError(problems: problems) }
            plan.status = .accepted
            plan.decidedBy = principal.username
            plan.decidedAt = now
            let places = try await repositories.regions.existing(Set(plan.groups.compactMap(\.mainDesa)))
            for (number, planned) in plan.groups.enumerated() {
                guard let desa = planned.mainDesa else { continue }
                var members: [Membership] = []
                for member in planned.members where try await repositories.groups.activeGroup(of: member.id) == nil {
                    members.append(Membership(beneficiary: member.id, noKK: member.noKK, desa: member.desa, joinedOn: today))
                }
                let place = places[desa]?.name ?? desa.rawValue
                let group = KUBEGroup(
                    name: "KUBE \(skills[planned.skill] ?? planned.skill) \(place) \(number + 1)", skill: planned.skill,
                    kecamatan: planned.kecamatan, desa: desa, planID: plan.id, members: members)
                try await repositories.groups.insert(group)
                try await repositories.audit.record(
                    .create, by: AuditActor(principal), at: now, entity: "kube_group", entityID: group.id.uuidString,
                    region: group.desa, changes: GroupChanges.changes(from: nil, to: group),
                    note: "dari rencana \(plan.id.uuidString.prefix(8))")
                await box.append(group)
            }
        }
        return (plan, await box.all)
    }

    public func discard(_ id: UUID, version: Int, by principal: Principal) async throws -> GroupPlan {
        let now = clock.now()
        return try await decide(id, version: version, by: principal, action: .delete, note: "discard") { plan, _ in
            plan.status = .discarded
            plan.decidedBy = principal.username
            plan.decidedAt = now
        }
    }

    private actor CreatedGroups {
        var all: [KUBEGroup] = []
        func append(_ group: KUBEGroup) { all.append(group) }
    }

    static func name(of edit: Edit) -> String {
        switch edit {
        case .move: "move"
        case .remove: "remove"
        case .drop: "drop"
        case .merge: "merge"
        }
    }

    static func skillNames(_ repositories: Repositories) async throws -> [String: String] {
        Dictionary(try await repositories.skills.all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    private func decide(
        _ id: UUID, version: Int, by principal: Principal, action: AuditAction, note: String,
        _ apply: @escaping @Sendable (inout GroupPlan, Repositories) async throws -> Void
    ) async throws -> GroupPlan {
        let now = clock.now()
        return try await transactor.run { repositories in
            guard var plan = try await repositories.plans.find(id: id), Self.reaches(principal, plan) else { throw GroupWriteError.notFound }
            guard plan.version == version, plan.status == .draft else { throw GroupWriteError.stale }
            try await apply(&plan, repositories)
            guard try await repositories.plans.update(plan, expectedVersion: version) else { throw GroupWriteError.stale }
            plan.version = version + 1
            try await repositories.audit.record(
                action, by: AuditActor(principal), at: now, entity: "group_plan", entityID: plan.id.uuidString,
                region: plan.scope,
                changes: [
                    FieldChange(field: "status", before: nil, after: plan.status.rawValue),
                    FieldChange(field: "groups", before: nil, after: String(plan.groups.count)),
                    FieldChange(field: "members", before: nil, after: String(plan.memberCount)),
                ], note: note)
            return plan
        }
    }
}

/// The rules a plan breaks, so it cannot be accepted.
public struct PlanRuleError: Error, Equatable, Sendable {
    public var problems: [PlanProblem]
}
