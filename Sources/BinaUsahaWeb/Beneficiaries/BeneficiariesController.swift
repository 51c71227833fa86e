import BinaUsahaDomain
import Fluent
import Vapor

/// The register pages. Every record is checked against the user's region
/// (`RegionContainmentPolicy`); a record outside it answers 404 so its existence does not leak.
struct BeneficiariesController {
    static let perPage = 50

    func index(req: Request) async throws -> Response {
        let filters = try req.query.decode(BeneficiaryList.Filters.self)
        return try await list(req, filters: filters, name: nil, notice: nil)
    }

    /// `POST /beneficiaries/search`: by name, or by NIK: a whole NIK goes straight to the
    /// profile, the first digits list everyone whose NIK starts with them (only for users who see
    /// NIKs whole, so that a masked NIK cannot be guessed digit by digit).
    func search(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        struct Form: Content {
            var name: String?
            var nik: String?
        }
        let form = try req.content.decode(Form.self)
        let typed = (form.nik ?? "").filter { !$0.isWhitespace }
        guard !typed.isEmpty else {
            return try await list(req, filters: .init(), name: form.name?.trimmingCharacters(in: .whitespaces), notice: nil)
        }
        let search = BeneficiaryList.NIKSearch(typed: typed, error: Self.nikSearchError(typed, principal: principal, t: req.t))
        guard search.error == nil else { return try await list(req, filters: .init(), name: nil, nik: search, notice: nil, status: .badRequest) }
        if typed.count == 16 {
            if let found = try await req.services.beneficiaries(req.db).find(nik: typed), principal.covers(found.details.desa) {
                return req.redirect(to: Site.beneficiary(found.id))
            }
            return try await list(req, filters: .init(), name: nil, notice: req.t(.benNIKNotFound, PersonalDataMask.identityNumber(typed)))
        }
        return try await list(req, filters: .init(), name: nil, nik: search, notice: nil)
    }

    /// Why `typed` cannot be searched for, in the user's language; nil when it can.
    static func nikSearchError(_ typed: String, principal: Principal, t: Messages) -> String? {
        guard typed.count <= 16, typed.allSatisfy(\.isASCIIDigit) else { return t(.benNIKSearchDigits) }
        guard typed.count == 16 || principal.may(.readPersonalData) else { return t(.benNIKSearchWhole) }
        return nil
    }

    func show(req: Request) async throws -> Response {
        let person = try await load(req)
        return try await profile(req, person, notice: nil)
    }

    func new(req: Request) async throws -> Response {
        try await formPage(req, id: nil, version: nil, input: .init(form: .init(fields: ["kepala_keluarga": "tidak"])))
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try FormInput(req)
        guard !input.refresh else { return try await formPage(req, id: nil, version: nil, input: input) }
        let register = try await req.services.registerBeneficiary(req.db, for: principal)
        do {
            let created = try await register(input.form, by: AuditActor(principal))
            return try await profile(req, created, notice: req.t(.benSaved, created.details.name))
        } catch let error as BeneficiaryError {
            return try await formPage(req, id: nil, version: nil, input: input, error: error)
        }
    }

    func edit(req: Request) async throws -> Response {
        let person = try await load(req)
        return try await formPage(req, id: person.id, version: person.version, input: .init(form: BeneficiaryForm(person)))
    }

    func update(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let person = try await load(req)
        let input = try FormInput(req)
        let version = (try? req.content.get(Int.self, at: "version")) ?? -1
        guard !input.refresh else { return try await formPage(req, id: person.id, version: version, input: input) }
        let update = try await req.services.updateBeneficiary(req.db, for: principal)
        do {
            let saved = try await update(person.id, input.form, version: version, by: AuditActor(principal))
            return try await profile(req, saved, notice: req.t(.benSaved, saved.details.name))
        } catch let error as BeneficiaryError {
            return try await formPage(req, id: person.id, version: version, input: input, error: error)
        }
    }

    /// The form page: empty, the record's values, or what was sent back with its problems next
    /// to their fields (422, or 409 for a conflict).
    func formPage(_ req: Request, id: UUID?, version: Int?, input: FormInput, error: BeneficiaryError? = nil) async throws -> Response {
        let principal = try req.requirePrincipal()
        let picker = try await RegionPicker.load(
            desa: input.form.fields["kode_desa"], kabkota: input.kabkota, kecamatan: input.kecamatan, search: input.search,
            principal: principal, regions: req.services.regions(req.db))
        var view = BeneficiaryFormPage.View(
            id: id?.uuidString, version: version, form: input.form, picker: picker,
            interests: try await req.services.interests(req.db).all(), context: req.page())
        var status = HTTPResponseStatus.ok
        if let error {
            status = error.isConflict ? .conflict : .unprocessableEntity
            if case let .invalid(problems) = error {
                for problem in problems {
                    guard let column = problem.column, BeneficiaryFormPage.labels[column] != nil else {
                        view.errors.append(problem.message(req.lang))
                        continue
                    }
                    // Next to its field a problem needs no column name: "wajib diisi", not "kolom kategori_ppks wajib diisi".
                    let message = if case .required = problem.reason { req.t(.formRequired) } else { problem.reason.message(req.lang) }
                    view.fieldErrors[column] = [view.fieldErrors[column], message].compactMap { $0 }.joined(separator: " ")
                }
            } else {
                view.errors = [error.message(req.lang)]
            }
        }
        return view.document().response(status: status)
    }

    // MARK: - Helpers

    /// The record named in the path, if the user's region contains it; 404 otherwise.
    func load(_ req: Request) async throws -> Beneficiary {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self),
            let person = try await req.services.beneficiaries(req.db).find(id: id),
            RegionContainmentPolicy().decide(for: principal, recordRegion: person.details.desa) == .allow
        else { throw Abort(.notFound) }
        return person
    }

    func list(
        _ req: Request, filters: BeneficiaryList.Filters, name: String?, nik: BeneficiaryList.NIKSearch? = nil, notice: String?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.requirePrincipal()
        var query = try Self.query(filters, name: name, principal: principal, perPage: Self.perPage, lang: req.lang)
        query.nikPrefix = nik.map { $0.error == nil ? $0.typed : "" }
        let services = req.services
        let page = try await services.beneficiaries(req.db).search(query)
        let names = try await services.desaNames(page.items, db: req.db)
        let today = CivilDate(services.clock.now())
        var model = BeneficiaryList.Model(
            filters: filters, searchedName: name, searchedNIK: nik,
            rows: page.items.map { PersonSummary($0, principal: principal, regionNames: names, today: today, t: req.t) },
            total: page.total, page: query.page, pageCount: Paging.pageCount(total: page.total, perPage: query.perPage),
            interests: try await services.interests(req.db).all(), notice: notice, canWrite: principal.may(.writeRegistry))
        model.regionOptions = try await RegionChoices.options(
            selected: filters.region, principal: principal, regions: services.regions(req.db), t: req.t)
        return BeneficiaryList.View(model: model, context: req.page(path: Site.beneficiaries)).document().response(status: status)
    }

    /// Filters as a repository query, narrowed to the user's region. A region outside it is 403;
    /// a value the filter cannot have (`status=bogus`, `desil=11`, `minat=%`) is 400 with the reason.
    static func query(
        _ filters: BeneficiaryList.Filters, name: String?, principal: Principal, perPage: Int, lang: Lang
    ) throws
        -> BeneficiaryQuery
    {
        let t = Messages(lang)
        var region: RegionCode?
        if let text = filters.region?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let code = try? RegionCode(validating: text) else {
                throw Abort(.badRequest, reason: t(.apiBadRegionCode, text))
            }
            guard principal.covers(code) || code.contains(principal.region ?? code) else { throw Abort(.forbidden) }
            region = code
        }
        if let ppks = filters.ppks, !(1...PPKS.all.count).contains(ppks) {
            throw Abort(.badRequest, reason: t(.benBadFilter, t(.benFilterPPKS), String(ppks)))
        }
        if let decile = filters.desil, !(1...10).contains(decile) {
            throw Abort(.badRequest, reason: t(.benBadFilter, t(.benFilterDecile), String(decile)))
        }
        var status: BeneficiaryStatus?
        if let text = filters.status?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let known = BeneficiaryStatus(rawValue: text) else {
                throw Abort(.badRequest, reason: t(.benBadFilter, t(.benFilterStatus), text))
            }
            status = known
        }
        var interest: String?
        if let text = filters.minat, !text.isEmpty {
            // Interest tags are folded words: letters, digits, spaces and hyphens; nothing a
            // LIKE pattern would read as a wildcard.
            let tag = TextFolding.fold(text)
            guard !tag.isEmpty, tag.count <= 60, tag.allSatisfy({ $0.isLetter || $0.isASCIIDigit || $0 == " " || $0 == "-" }) else {
                throw Abort(.badRequest, reason: t(.benBadFilter, t(.benFilterInterest), text))
            }
            interest = tag
        }
        return BeneficiaryQuery(
            scope: principal.region, name: name, region: region, ppks: filters.ppks, decile: filters.desil,
            status: status, interest: interest, page: filters.page ?? 1, perPage: perPage)
    }

    func profile(
        _ req: Request, _ person: Beneficiary, notice: String?, errors: [String] = [], status: HTTPResponseStatus = .ok
    )
        async throws -> Response
    {
        let principal = try req.requirePrincipal()
        let services = req.services
        let family = try await services.beneficiaries(req.db).family(noKK: person.details.noKK)
            .filter { $0.id != person.id && principal.covers($0.details.desa) }
        let names = try await services.desaNames([person] + family, db: req.db)
        let today = CivilDate(services.clock.now())
        let history = try await services.audit(req.db).search(.init(entity: "beneficiary", entityID: person.id.uuidString, perPage: 20))
        let recommender = try await services.recommender(req.db, forDesa: person.details.desa)
        let recommended = recommender.recommend(RecommendationSubject(person.details, today: today))
        var model = BeneficiaryProfile.Model(
            person: PersonSummary(person, principal: principal, regionNames: names, today: today, t: req.t),
            version: person.version, notes: person.notes,
            family: family.map { PersonSummary($0, principal: principal, regionNames: names, today: today, t: req.t) },
            eligibility: KUBEEligibility.checks(person.details, today: today),
            history: history.entries.map {
                AuditController.row($0, req.t, maskingPersonalData: !principal.seesPersonalData(in: person.details.desa))
            },
            canWrite: principal.may(.writeRegistry), notice: notice, errors: errors)
        model.recommendations = recommended.ranked
        model.weights = recommender.weights
        model.excluded = recommended.excluded
        model.groups = try await services.groups(req.db).groups(of: person.id)
        return BeneficiaryProfile.View(model: model, context: req.page(path: Site.beneficiary(person.id))).document().response(status: status)
    }
}
