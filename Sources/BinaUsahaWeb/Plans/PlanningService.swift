import BinaUsahaDomain
import Fluent
import Foundation
import Vapor

/// Creating and deciding plans, shared by the pages and the API.
struct PlanningService {
    let req: Request

    /// The region a user asks to plan for, checked: it exists and lies inside their region.
    func scope(_ text: String?, principal: Principal) async throws -> RegionCode? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return principal.region }
        guard let code = try? RegionCode(validating: trimmed), try await req.services.regions(req.db).find(code) != nil else {
            throw PlanRequestError(status: .unprocessableEntity, code: "bad_region", message: req.t(.planBadRegion, trimmed))
        }
        guard principal.covers(code) else {
            throw PlanRequestError(status: .forbidden, code: "outside_region", message: req.t(.planOutside, trimmed))
        }
        return code
    }

    func rules(targetSize: Int?) throws -> PlanningRules {
        let rules = PlanningRules(targetSize: targetSize ?? 10)
        guard rules.problem == nil else {
            throw PlanRequestError(status: .unprocessableEntity, code: "bad_target_size", message: req.t(.planBadTarget))
        }
        return rules
    }

    /// Runs the planner on the register and stores the result as a draft (audited).
    func propose(scope: RegionCode?, rules: PlanningRules, overrides: [UUID: String], principal: Principal) async throws -> GroupPlan {
        let services = req.services
        let people = try await services.planningPeople(req.db).planningPeople(within: scope)
        let taken = try await services.plans(req.db).peopleInAcceptedPlans(within: scope)
            .union(try await services.groups(req.db).activeMembers(within: scope))
        let recommender = try await services.recommender(req.db, within: scope)
        let result = PlanGroups(recommender: recommender, rules: rules, today: CivilDate(services.clock.now()))(
            people, excluding: taken, overrides: overrides)
        let plan = GroupPlan(scope: scope, rules: rules, createdBy: principal.username, createdAt: services.clock.now(),
                             groups: result.groups, leftOut: result.leftOut)
        try await services.plans(req.db).insert(plan)
        try await services.audit(req.db).record(.create, by: AuditActor(principal), at: services.clock.now(), entity: "group_plan",
                                                entityID: plan.id.uuidString, region: scope, changes: [
            FieldChange(field: "groups", before: nil, after: String(plan.groups.count)),
            FieldChange(field: "members", before: nil, after: String(plan.memberCount)),
            FieldChange(field: "left_out", before: nil, after: String(plan.leftOut.count)),
            FieldChange(field: "target_size", before: nil, after: String(rules.targetSize)),
        ], note: overrides.isEmpty ? nil : "\(overrides.count) pengecualian syarat")
        return plan
    }

    /// The plan named in the path, if its scope lies inside the user's region; 404 otherwise.
    func load(principal: Principal) async throws -> GroupPlan {
        guard let id = req.parameters.get("id", as: UUID.self), let plan = try await req.services.plans(req.db).find(id: id),
              principal.covers(plan.scope) || principal.region == nil else { throw Abort(.notFound) }
        return plan
    }

    func skillNames() async throws -> [String: String] {
        Dictionary(try await req.services.skills(req.db).all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// Saves an edited plan; false when someone else saved first. Audited with `action`.
    func save(_ plan: GroupPlan, expectedVersion: Int, action: AuditAction, note: String, principal: Principal) async throws -> Bool {
        guard try await req.services.plans(req.db).update(plan, expectedVersion: expectedVersion) else { return false }
        try await req.services.audit(req.db).record(action, by: AuditActor(principal), at: req.services.clock.now(), entity: "group_plan",
                                                    entityID: plan.id.uuidString, region: plan.scope, changes: [
            FieldChange(field: "status", before: nil, after: plan.status.rawValue),
            FieldChange(field: "groups", before: nil, after: String(plan.groups.count)),
            FieldChange(field: "members", before: nil, after: String(plan.memberCount)),
        ], note: note)
        return true
    }
}

/// A planning request the user must correct, with the status and code the API answers.
struct PlanRequestError: Error {
    var status: HTTPResponseStatus
    var code: String
    var message: String
}
