import BinaUsahaDomain
import Vapor

/// `/plans`: propose KUBE groups for a region, review and edit the draft, accept or discard it.
struct PlansController {
    static let groupsPerPage = 5
    static let leftOutPerPage = 25

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

    /// What the plan page's forms send. `target` is a group's number on the page (1-based).
    struct EditForm: Content {
        var version: Int?
        var action: String?
        var group: UUID?
        var members: [UUID]?
        var target: Int?
        var reason: String?
    }

    /// One edit of the draft: `action` is move, remove, drop, merge, accept or discard.
    func edit(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let service = PlanningService(req: req)
        var plan = try await service.load(principal: principal)
        let form = try req.content.decode(EditForm.self)
        let version = form.version ?? -1
        let skills = try await service.skillNames()
        let skillName = { (code: String) in skills[code] ?? code }
        guard version == plan.version else {
            return try await page(req, plan, notice: nil, errors: [req.t(.planStale)], status: .conflict)
        }
        let action = form.action ?? ""
        var auditAction = AuditAction.update
        let members = form.members ?? []
        do {
            func target() throws(PlanEditError) -> UUID {
                guard let number = form.target, plan.groups.indices.contains(number - 1) else {
                    throw PlanEditError(req.t(.planBadTargetNumber, String(plan.groups.count)))
                }
                return plan.groups[number - 1].id
            }
            func group() throws(PlanEditError) -> UUID {
                guard let id = form.group else { throw PlanEditError(req.t(.errorBadRequestTitle)) }
                return id
            }
            func eachMember(_ body: (UUID) throws(PlanEditError) -> Void) async throws -> [String] {
                guard !members.isEmpty else { return [req.t(.planChooseMembers)] }
                var problems: [(UUID, String)] = []
                for member in members {
                    do { try body(member) } catch { problems.append((member, error.message)) }
                }
                guard !problems.isEmpty else { return [] }
                let names = try await req.services.planningPeople(req.db).names(of: problems.map(\.0))
                return problems.map { "\(names[$0.0] ?? "—"): \($0.1)" }
            }
            var problems: [String] = []
            switch action {
            case "move":
                let destination = try target()
                problems = try await eachMember { person throws(PlanEditError) in
                    try plan.move(person: person, to: destination, overrideReason: form.reason, skillName: skillName)
                }
            case "remove": problems = try await eachMember { person throws(PlanEditError) in try plan.remove(person: person) }
            case "drop": try plan.drop(group: try group())
            case "merge": try plan.merge(try group(), into: try target())
            case "accept":
                guard plan.status == .draft else { throw PlanEditError(req.t(.planStale)) }
                let broken = plan.acceptanceProblems(skillName: skillName)
                guard broken.isEmpty else {
                    return try await page(req, plan, notice: nil, errors: [req.t(.planProblems)] + broken, status: .unprocessableEntity)
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
            if !problems.isEmpty {
                // Nothing is saved when any part of the edit breaks a rule.
                let unchanged = try await service.load(principal: principal)
                return try await page(req, unchanged, notice: nil, errors: problems, status: .unprocessableEntity)
            }
        } catch let error as PlanEditError {
            let unchanged = try await service.load(principal: principal)
            return try await page(req, unchanged, notice: nil, errors: [error.message], status: .unprocessableEntity)
        }
        guard try await service.save(plan, expectedVersion: version, action: auditAction, note: action, principal: principal) else {
            let latest = try await service.load(principal: principal)
            return try await page(req, latest, notice: nil, errors: [req.t(.planStale)], status: .conflict)
        }
        if action == "accept" { _ = try await GroupService(req: req).createGroups(from: plan, principal: principal) }
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
        let groupPages = max(1, (plan.groups.count + Self.groupsPerPage - 1) / Self.groupsPerPage)
        let leftPages = max(1, (plan.leftOut.count + Self.leftOutPerPage - 1) / Self.leftOutPerPage)
        let groupPage = min(max(1, (try? req.query.get(Int.self, at: "g")) ?? 1), groupPages)
        let leftPage = min(max(1, (try? req.query.get(Int.self, at: "l")) ?? 1), leftPages)
        let groupOffset = (groupPage - 1) * Self.groupsPerPage
        let shownGroups = Array(plan.groups.dropFirst(groupOffset).prefix(Self.groupsPerPage))
        let shownLeftOut = Array(plan.leftOut.dropFirst((leftPage - 1) * Self.leftOutPerPage).prefix(Self.leftOutPerPage))
        let people = try await services.planningPeople(req.db).names(of: shownGroups.flatMap { $0.members.map(\.id) } + shownLeftOut.map(\.id))
        var codes = Set(shownGroups.flatMap { [$0.kecamatan] + $0.members.map(\.desa) } + shownLeftOut.map(\.desa))
        if let scope = plan.scope { codes.insert(scope) }
        for left in shownLeftOut { if case let .tooFew(_, _, place) = left.reason { codes.insert(place) } }
        let regions = try await services.regions(req.db).existing(codes)
        let model = PlanPages.Model(plan: plan, names: people, regions: regions, skills: try await PlanningService(req: req).skillNames(),
                                    groupOffset: groupOffset, shownGroups: shownGroups, groupPage: groupPage, groupPages: groupPages,
                                    shownLeftOut: shownLeftOut, leftPage: leftPage, leftPages: leftPages,
                                    canEdit: principal.may(.planGroups) && plan.status == .draft, notice: notice, errors: errors)
        return PlanPages.detail(model, context: req.page(path: "/plans/\(plan.id)")).response(status: status)
    }
}

