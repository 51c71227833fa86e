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
        try await save(req, form: try Self.form(req), version: nil)
    }

    func update(req: Request) async throws -> Response {
        let current = try await load(req)
        var form = try Self.form(req)
        form.code = current.code
        return try await save(req, form: form, version: (try? req.content.get(Int.self, at: "version")) ?? -1)
    }

    private func save(_ req: Request, form: SkillForm, version: Int?) async throws -> Response {
        let principal = try req.requirePrincipal()
        do {
            let skill = try await req.services.catalogueWrites(req.db).saveSkill(form, version: version, by: principal)
            return try await detail(req, skill, notice: req.t(.skSaved, skill.name))
        } catch let CatalogueError.invalid(errors) {
            return try await formPage(req, form, version: version, errors: errors, status: .unprocessableEntity)
        } catch let CatalogueError.conflict(errors) {
            return try await formPage(req, form, version: version, errors: errors, status: .conflict)
        }
    }

    func saveResource(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        struct Form: Content {
            var code: String?
            var name: String?
            var notes: String?
        }
        let form = try req.content.decode(Form.self)
        do {
            let resource = try await req.services.catalogueWrites(req.db).saveResource(
                code: form.code ?? "", name: form.name ?? "",
                notes: form.notes ?? "", by: principal)
            return try await list(req, notice: req.t(.skResourceSaved, resource.name), errors: [])
        } catch CatalogueError.badResource {
            return try await list(req, notice: nil, errors: [req.t(.skResourceBadCode)], status: .unprocessableEntity)
        }
    }

    /// The weights form: "Pratinjau" shows what the typed weights would change (people whose
    /// first recommendation changes, agreement with the labelled set) with a button to save them;
    /// only that button (`simpan`) saves.
    func saveWeights(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let fields = try req.content.decode([String: String].self)
        let typed = RecommendationWeights.fieldNames.map { fields[$0] ?? "" }
        func number(_ text: String) -> Double? { Double(TextFolding.trim(text).replacingOccurrences(of: ",", with: ".")) }
        let numbers = typed.compactMap(number)
        guard numbers.count == typed.count, numbers.allSatisfy(\.isFinite) else {
            return try await list(req, notice: nil, errors: [req.t(.skWeightsInvalid)], typed: typed, status: .unprocessableEntity)
        }
        let weights = RecommendationWeights(
            resource: numbers[0], localCraft: numbers[1], interest: numbers[2], talent: numbers[3], valueAdded: numbers[4],
            trackRecord: numbers[5])
        guard weights.isValid else {
            return try await list(req, notice: nil, errors: [req.t(.skWeightsInvalid)], typed: typed, status: .unprocessableEntity)
        }
        guard fields["simpan"] != nil else {
            let services = req.services
            let labelled = try LabelledSet.load(skills: Set(try await services.skills(req.db).all().map(\.code)))
            let preview = try await PreviewWeights(repositories: services.repositories(req.db), clock: services.clock)(weights, labelled: labelled)
            return try await list(req, notice: nil, errors: [], typed: typed, preview: preview)
        }
        try await req.services.catalogueWrites(req.db).saveWeights(weights, by: principal)
        return try await list(req, notice: req.t(.skWeightsSaved), errors: [])
    }

    // MARK: - Helpers

    private func load(_ req: Request) async throws -> Skill {
        guard let code = req.parameters.get("code"), let skill = try await req.services.skills(req.db).find(code: code) else {
            throw Abort(.notFound)
        }
        return skill
    }

    static func form(_ req: Request) throws -> SkillForm {
        let f = try req.content.decode([String: String].self)
        return SkillForm(
            code: f["code"] ?? "", name: f["name"] ?? "", description: f["description"] ?? "", needs: f["needs"] ?? "",
            interests: f["interests"] ?? "", trainingHours: f["trainingHours"] ?? "", starterKitCost: f["starterKitCost"] ?? "",
            products: f["products"] ?? "", suitability: f["suitability"] ?? "", unsuitable: f["unsuitable"] ?? "",
            figuresEstimated: f["figuresEstimated"] != nil,
            source: f["source"] ?? "")
    }

    private func list(
        _ req: Request, notice: String?, errors: [String], typed: [String]? = nil, preview: WeightsPreview? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let services = req.services
        let page = SkillPages.list(
            skills: try await services.skills(req.db).all(), resources: try await services.potentials(req.db).resources(),
            weights: try await services.skills(req.db).recommendationWeights(), typed: typed, preview: preview,
            canEdit: req.principal?.may(.manageCatalogues) == true, notice: notice, errors: errors,
            context: req.page(path: Site.skills))
        return page.response(status: status)
    }

    private func detail(_ req: Request, _ skill: Skill, notice: String?) async throws -> Response {
        SkillPages.detail(
            skill, resources: try await req.services.potentials(req.db).resources(),
            canEdit: req.principal?.may(.manageCatalogues) == true, notice: notice,
            context: req.page(path: Site.skill(skill.code))
        ).response()
    }

    private func formPage(
        _ req: Request, _ form: SkillForm, version: Int?, errors: FormErrors, status: HTTPResponseStatus = .ok
    ) async throws
        -> Response
    {
        SkillPages.form(
            form, version: version, errors: errors, resources: try await req.services.potentials(req.db).resources(),
            interests: try await req.services.interests(req.db).all(), context: req.page()
        ).response(status: status)
    }
}
