import BinaUsahaDomain
import Vapor

/// `/skills`: the skills catalogue, the resource catalogue and the recommendation weights.
/// Everyone signed in reads them; the provincial admin edits them (every edit audited).
struct SkillsController {
    func index(req: Request) async throws -> Response {
        try await list(req, notice: nil, errors: [])
    }

    func show(req: Request) async throws -> Response {
        let skill = try await load(req)
        return try await detail(req, skill, notice: nil)
    }

    func new(req: Request) async throws -> Response {
        try await formPage(req, SkillForm(), version: nil, errors: [:])
    }

    func edit(req: Request) async throws -> Response {
        let skill = try await load(req)
        return try await formPage(req, SkillForm(skill), version: skill.version, errors: [:])
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try Self.form(req)
        let repository = req.services.skills(req.db)
        switch try await validate(req, form, version: 1) {
        case let .failure(errors):
            return try await formPage(req, form, version: nil, errors: errors, status: .unprocessableEntity)
        case let .success(skill):
            guard try await repository.find(code: skill.code) == nil else {
                return try await formPage(req, form, version: nil, errors: ["code": req.t(.skCodeTaken, skill.code)], status: .conflict)
            }
            try await repository.insert(skill)
            try await audit(req, principal, .create, skill: skill, before: nil)
            return try await detail(req, skill, notice: req.t(.skSaved, skill.name))
        }
    }

    func update(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let current = try await load(req)
        var form = try Self.form(req)
        form.code = current.code
        let version = (try? req.content.get(Int.self, at: "version")) ?? -1
        switch try await validate(req, form, version: version) {
        case let .failure(errors):
            return try await formPage(req, form, version: version, errors: errors, status: .unprocessableEntity)
        case let .success(skill):
            guard version == current.version, try await req.services.skills(req.db).update(skill, expectedVersion: version) else {
                return try await formPage(req, form, version: version, errors: ["form": req.t(.skConflict)], status: .conflict)
            }
            try await audit(req, principal, .update, skill: skill, before: current)
            var saved = skill
            saved.version = version + 1
            return try await detail(req, saved, notice: req.t(.skSaved, skill.name))
        }
    }

    func saveResource(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        struct Form: Content { var code: String?; var name: String?; var notes: String? }
        let form = try req.content.decode(Form.self)
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        guard Resource.isValidCode(code), !name.isEmpty else {
            return try await list(req, notice: nil, errors: [req.t(.skResourceBadCode)], status: .unprocessableEntity)
        }
        let resource = Resource(code: code, name: name, notes: (form.notes ?? "").trimmingCharacters(in: .whitespaces))
        let previous = try await req.services.potentials(req.db).saveResource(resource)
        try await req.services.audit(req.db).record(previous == nil ? .create : .update, by: AuditActor(principal), at: req.services.clock.now(),
                                                    entity: "resource", entityID: code, region: nil, changes: [
            FieldChange(field: "name", before: previous?.name, after: resource.name),
            FieldChange(field: "notes", before: previous?.notes, after: resource.notes),
        ].filter { $0.before != $0.after })
        return try await list(req, notice: req.t(.skResourceSaved, name), errors: [])
    }

    func saveWeights(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let fields = try req.content.decode([String: String].self)
        func number(_ key: String) -> Double? { fields[key].flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) } }
        guard let resource = number("resource"), let interest = number("interest"), let valueAdded = number("valueAdded") else {
            return try await list(req, notice: nil, errors: [req.t(.skWeightsInvalid)], status: .unprocessableEntity)
        }
        let weights = RecommendationWeights(resource: resource, interest: interest, valueAdded: valueAdded)
        guard weights.isValid else { return try await list(req, notice: nil, errors: [req.t(.skWeightsInvalid)], status: .unprocessableEntity) }
        let settings = req.services.skills(req.db)
        let before = try await settings.recommendationWeights()
        try await settings.save(weights)
        try await req.services.audit(req.db).record(.update, by: AuditActor(principal), at: req.services.clock.now(), entity: "setting",
                                                    entityID: "recommendation_weights", region: nil, changes: [
            FieldChange(field: "resource", before: String(before.resource), after: String(weights.resource)),
            FieldChange(field: "interest", before: String(before.interest), after: String(weights.interest)),
            FieldChange(field: "value_added", before: String(before.valueAdded), after: String(weights.valueAdded)),
        ].filter { $0.before != $0.after })
        return try await list(req, notice: req.t(.skWeightsSaved), errors: [])
    }

    // MARK: - Helpers

    private func load(_ req: Request) async throws -> Skill {
        guard let code = req.parameters.get("code"), let skill = try await req.services.skills(req.db).find(code: code) else {
            throw Abort(.notFound)
        }
        return skill
    }

    private func validate(_ req: Request, _ form: SkillForm, version: Int) async throws -> Result<Skill, FormErrors> {
        let resources = try await req.services.potentials(req.db).resources()
        let interests = try await req.services.interests(req.db).all()
        return form.validate(resources: Set(resources.map(\.code)), interestTags: Set(interests), version: version)
    }

    private func audit(_ req: Request, _ principal: Principal, _ action: AuditAction, skill: Skill, before: Skill?) async throws {
        let after = SkillForm(skill)
        let old = before.map(SkillForm.init)
        let changes = [
            ("name", old?.name, after.name), ("description", old?.description, after.description), ("needs", old?.needs, after.needs),
            ("interests", old?.interests, after.interests), ("training_hours", old?.trainingHours, after.trainingHours),
            ("starter_kit_cost", old?.starterKitCost, after.starterKitCost), ("products", old?.products, after.products),
            ("suitability", old?.suitability, after.suitability), ("source", old?.source, after.source),
            ("figures_estimated", old.map { String($0.figuresEstimated) }, String(after.figuresEstimated)),
        ].filter { $0.1 != $0.2 }.map { FieldChange(field: $0.0, before: $0.1, after: $0.2) }
        try await req.services.audit(req.db).record(action, by: AuditActor(principal), at: req.services.clock.now(), entity: "skill",
                                                    entityID: skill.code, region: nil, changes: changes)
    }

    static func form(_ req: Request) throws -> SkillForm {
        let f = try req.content.decode([String: String].self)
        return SkillForm(code: f["code"] ?? "", name: f["name"] ?? "", description: f["description"] ?? "", needs: f["needs"] ?? "",
                         interests: f["interests"] ?? "", trainingHours: f["trainingHours"] ?? "", starterKitCost: f["starterKitCost"] ?? "",
                         products: f["products"] ?? "", suitability: f["suitability"] ?? "", figuresEstimated: f["figuresEstimated"] != nil,
                         source: f["source"] ?? "")
    }

    private func list(_ req: Request, notice: String?, errors: [String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let services = req.services
        let page = SkillPages.list(skills: try await services.skills(req.db).all(), resources: try await services.potentials(req.db).resources(),
                                   weights: try await services.skills(req.db).recommendationWeights(),
                                   canEdit: req.principal?.may(.manageCatalogues) == true, notice: notice, errors: errors,
                                   context: req.page(path: "/skills"))
        return page.response(status: status)
    }

    private func detail(_ req: Request, _ skill: Skill, notice: String?) async throws -> Response {
        SkillPages.detail(skill, resources: try await req.services.potentials(req.db).resources(),
                          canEdit: req.principal?.may(.manageCatalogues) == true, notice: notice,
                          context: req.page(path: "/skills/\(skill.code)")).response()
    }

    private func formPage(_ req: Request, _ form: SkillForm, version: Int?, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        SkillPages.form(form, version: version, errors: errors, resources: try await req.services.potentials(req.db).resources(),
                        interests: try await req.services.interests(req.db).all(), context: req.page()).response(status: status)
    }
}
