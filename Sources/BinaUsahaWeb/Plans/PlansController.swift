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
        struct Form: Content {
            var region: String?
            var target_size: String?
        }
        let form = try req.content.decode(Form.self)
        let propose = req.services.proposePlan(req.db)
        do {
            let rules = try ProposePlan.rules(targetSize: form.target_size)
            let scope = try await propose.scope(form.region, within: principal.region)
            let plan = try await propose(scope: scope, rules: rules, by: AuditActor(principal))
            return req.redirect(to: Site.plan(plan.id))
        } catch let problem as PlanRequestProblem {
            return try await list(req, errors: [problem.message(req.lang)], status: problem.status)
        }
    }

    func show(req: Request) async throws -> Response {
        let plan = try await Self.load(req)
        let notice: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
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
        let plan = try await Self.load(req)
        let form = try req.content.decode(EditForm.self)
        let version = form.version ?? -1
        let decisions = req.services.planDecisions(req.db)
        let action = form.action ?? ""
        let members = form.members ?? []
        do {
            func target() throws(PlanEditError) -> UUID {
                guard let number = form.target, plan.groups.indices.contains(number - 1) else {
                    throw PlanEditError(.badTarget(groups: plan.groups.count))
                }
                return plan.groups[number - 1].id
            }
            func group() throws(PlanEditError) -> UUID {
                guard let id = form.group else { throw PlanEditError(.badChoice("")) }
                return id
            }
            switch action {
            case "move", "remove":
                guard !members.isEmpty else {
                    return try await page(req, plan, notice: nil, errors: [req.t(.planChooseMembers)], status: .unprocessableEntity)
                }
                let edit: PlanDecisions.Edit =
                    action == "move"
                    ? .move(people: members, toGroup: try target(), overrideReason: form.reason)
                    : .remove(people: members)
                _ = try await decisions.edit(plan.id, edit, version: version, by: principal)
            case "drop": _ = try await decisions.edit(plan.id, .drop(group: try group()), version: version, by: principal)
            case "merge": _ = try await decisions.edit(plan.id, .merge(group: try group(), into: try target()), version: version, by: principal)
            case "accept": _ = try await decisions.accept(plan.id, version: version, by: principal)
            case "discard": _ = try await decisions.discard(plan.id, version: version, by: principal)
            default: throw PlanEditError(.badChoice(action))
            }
        } catch let error as PlanEditError {
            return try await page(req, plan, notice: nil, errors: [error.message(req.lang)], status: .unprocessableEntity)
        } catch let refused as PlanDecisions.PeopleRefused {
            // Nothing is saved when any part of the edit breaks a rule.
            let names = try await req.services.planningPeople(req.db).names(of: refused.refusals.map(\.person))
            let errors = refused.refusals.map { "\(names[$0.person] ?? "—"): \($0.problem.message(req.lang))" }
            return try await page(req, plan, notice: nil, errors: errors, status: .unprocessableEntity)
        } catch let broken as PlanRuleError {
            return try await page(
                req, plan, notice: nil, errors: [req.t(.planProblems)] + broken.problems.map { $0.message(req.lang) },
                status: .unprocessableEntity)
        } catch GroupWriteError.stale {
            return try await page(req, try await Self.load(req), notice: nil, errors: [req.t(.planStale)], status: .conflict)
        } catch GroupWriteError.notFound {
            throw Abort(.notFound)
        }
        let done = action == "accept" ? "accepted" : action == "discard" ? "discarded" : "saved"
        return req.redirect(to: Site.plan(plan.id) + "?done=\(done)")
    }

    /// The plan named in the path, if its scope lies inside the user's region; 404 otherwise.
    static func load(_ req: Request) async throws -> GroupPlan {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let plan = try await req.services.plans(req.db).find(id: id),
            PlanDecisions.reaches(principal, plan)
        else { throw Abort(.notFound) }
        return plan
    }

    static func skillNames(_ req: Request) async throws -> [String: String] {
        Dictionary(try await req.services.skills(req.db).all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: - Pages

    private func list(_ req: Request, errors: [String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try req.requirePrincipal()
        let plans = try await req.services.plans(req.db).list(within: principal.region, limit: 50)
        let names = try await req.services.regions(req.db).existing(Set(plans.compactMap(\.scope)))
        return PlanPages.list(
            plans, regionNames: names, canPlan: principal.may(.planGroups), errors: errors,
            regionOptions: try await RegionChoices.options(
                selected: try? req.query.get(String.self, at: "region"), principal: principal, regions: req.services.regions(req.db), t: req.t),
            context: req.page(path: Site.plans)
        ).response(status: status)
    }

    private func page(
        _ req: Request, _ plan: GroupPlan, notice: String?, errors: [String], status: HTTPResponseStatus = .ok
    ) async throws
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
        let model = PlanPages.Model(
            plan: plan, names: people, regions: regions, skills: try await Self.skillNames(req),
            groupOffset: groupOffset, shownGroups: shownGroups, groupPage: groupPage, groupPages: groupPages,
            shownLeftOut: shownLeftOut, leftPage: leftPage, leftPages: leftPages,
            canEdit: principal.may(.planGroups) && plan.status == .draft, notice: notice, errors: errors)
        return PlanPages.detail(model, context: req.page(path: Site.plan(plan.id))).response(status: status)
    }
}
