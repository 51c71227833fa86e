import BinaUsahaDomain
import Vapor

/// `/plans`: propose KUBE groups for a region, review and edit the draft, accept or discard it.
struct PlansController {
    static let leftOutShown = 200

    func index(req: Request) async throws -> Response {
        try await list(req, errors: [])
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        struct Form: Content { var region: String?; var target_size: String? }
        let form = try req.content.decode(Form.self)
        let service = PlanningService(req: req)
        do {
            let target = try form.target_size.map { text -> Int in
                guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                    throw PlanRequestError(status: .unprocessableEntity, code: "bad_target_size", message: req.t(.planBadTarget))
                }
                return value
            }
            let scope = try await service.scope(form.region, principal: principal)
            let plan = try await service.propose(scope: scope, rules: try service.rules(targetSize: target), overrides: [:], principal: principal)
            return req.redirect(to: "/plans/\(plan.id)")
        } catch let error as PlanRequestError {
            return try await list(req, errors: [error.message], status: error.status)
        }
    }

    func show(req: Request) async throws -> Response {
        let plan = try await PlanningService(req: req).load(principal: try req.requirePrincipal())
        let notice: String? = switch (try? req.query.get(String.self, at: "done")) ?? "" {
        case "saved": req.t(.planSaved)
        case "accepted": req.t(.planAccepted)
        case "discarded": req.t(.planDiscarded)
        default: nil
        }
        return try await page(req, plan, notice: notice, errors: [])
    }

    /// One edit of the draft: `action` is move, remove, drop, merge, accept or discard.
    func edit(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let service = PlanningService(req: req)
        var plan = try await service.load(principal: principal)
        let fields = try req.content.decode([String: String].self)
        let version = fields["version"].flatMap { Int($0) } ?? -1
        let skills = try await service.skillNames()
        let skillName = { (code: String) in skills[code] ?? code }
        guard version == plan.version else {
            return try await page(req, plan, notice: nil, errors: [req.t(.planStale)], status: .conflict)
        }
        let action = fields["action"] ?? ""
        var auditAction = AuditAction.update
        do {
            func uuid(_ key: String) throws(PlanEditError) -> UUID {
                guard let value = fields[key].flatMap(UUID.init(uuidString:)) else { throw PlanEditError(req.t(.errorBadRequestTitle)) }
                return value
            }
            switch action {
            case "move": try plan.move(person: try uuid("person"), to: try uuid("group"), overrideReason: fields["reason"], skillName: skillName)
            case "remove": try plan.remove(person: try uuid("person"))
            case "drop": try plan.drop(group: try uuid("group"))
            case "merge": try plan.merge(try uuid("group"), into: try uuid("target"))
            case "accept":
                guard plan.status == .draft else { throw PlanEditError(req.t(.planStale)) }
                let problems = plan.acceptanceProblems(skillName: skillName)
                guard problems.isEmpty else {
                    return try await page(req, plan, notice: nil, errors: [req.t(.planProblems)] + problems, status: .unprocessableEntity)
                }
                plan.status = .accepted
                plan.decidedBy = principal.username
                plan.decidedAt = req.services.clock.now()
            case "discard":
                guard plan.status == .draft else { throw PlanEditError(req.t(.planStale)) }
                plan.status = .discarded
                plan.decidedBy = principal.username
                plan.decidedAt = req.services.clock.now()
                auditAction = .delete
            default: throw PlanEditError(req.t(.errorBadRequestTitle))
            }
        } catch let error as PlanEditError {
            return try await page(req, plan, notice: nil, errors: [error.message], status: .unprocessableEntity)
        }
        guard try await service.save(plan, expectedVersion: version, action: auditAction, note: action, principal: principal) else {
            let latest = try await service.load(principal: principal)
            return try await page(req, latest, notice: nil, errors: [req.t(.planStale)], status: .conflict)
        }
        let done = action == "accept" ? "accepted" : action == "discard" ? "discarded" : "saved"
        return req.redirect(to: "/plans/\(plan.id)?done=\(done)")
    }

    // MARK: - Pages

    private func list(_ req: Request, errors: [String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try req.requirePrincipal()
        let plans = try await req.services.plans(req.db).list(within: principal.region, limit: 50)
        let names = try await req.services.regions(req.db).existing(Set(plans.compactMap(\.scope)))
        return PlanPages.list(plans, regionNames: names, canPlan: principal.may(.planGroups), errors: errors,
                              context: req.page(path: "/plans")).response(status: status)
    }

    private func page(_ req: Request, _ plan: GroupPlan, notice: String?, errors: [String], status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let principal = try req.requirePrincipal()
        let services = req.services
        let shownLeftOut = Array(plan.leftOut.prefix(Self.leftOutShown))
        let people = try await services.planningPeople(req.db).names(of: plan.groups.flatMap { $0.members.map(\.id) } + shownLeftOut.map(\.id))
        var codes = Set(plan.groups.flatMap { [$0.kecamatan] + $0.members.map(\.desa) } + shownLeftOut.map(\.desa))
        if let scope = plan.scope { codes.insert(scope) }
        for left in shownLeftOut { if case let .tooFew(_, _, place) = left.reason { codes.insert(place) } }
        let regions = try await services.regions(req.db).existing(codes)
        let model = PlanPages.Model(plan: plan, names: people, regions: regions, skills: try await PlanningService(req: req).skillNames(),
                                    shownLeftOut: shownLeftOut, canEdit: principal.may(.planGroups) && plan.status == .draft,
                                    notice: notice, errors: errors)
        return PlanPages.detail(model, context: req.page(path: "/plans/\(plan.id)")).response(status: status)
    }
}

