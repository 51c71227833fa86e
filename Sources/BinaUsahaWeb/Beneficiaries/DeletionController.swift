import BinaUsahaDomain
import Vapor

/// Deleting a person with a reason (a confirmation page first), the "Dihapus" list of the
/// user's region, and restoring from it within 30 days. A deleted record outside the user's
/// region answers 404, like a live one.
struct DeletionController {
    /// `GET /beneficiaries/{id}/delete`: the confirmation page, or, for a KUBE member, why not.
    func confirm(req: Request) async throws -> Response {
        let person = try await BeneficiariesController().load(req)
        return try await confirmPage(req, person, version: person.version, reason: "", reasonError: nil)
    }

    /// `POST /beneficiaries/{id}/delete` with `version` and `reason`.
    func delete(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let person = try await BeneficiariesController().load(req)
        let version = (try? req.content.get(Int.self, at: "version")) ?? -1
        let reason = (try? req.content.get(String.self, at: "reason")) ?? ""
        do {
            try await req.services.removeBeneficiary(req.db)(person.id, version: version, reason: reason, by: AuditActor(principal))
        } catch let error as BeneficiaryError {
            // A record gone since the page was read was deleted by someone else: a conflict too.
            let status: HTTPResponseStatus = error.isConflict || error == .notFound ? .conflict : .unprocessableEntity
            let reasonError = error == .reasonRequired ? error.message(req.lang) : nil
            return try await confirmPage(
                req, person, version: version, reason: reason, reasonError: reasonError,
                errors: reasonError == nil ? [error.message(req.lang)] : [], status: status)
        }
        let until = IndonesianCalendar.longDate(req.services.clock.now().addingTimeInterval(DeletedBeneficiary.keptFor), req.lang)
        return try await BeneficiariesController().list(
            req, filters: .init(), name: nil, notice: req.t(.benMovedToDeleted, person.details.name, until))
    }

    /// `GET /beneficiaries/deleted`
    func index(req: Request) async throws -> Response {
        try await listPage(req, notice: nil, errors: [], status: .ok)
    }

    /// `POST /beneficiaries/deleted/{id}/restore`
    func restore(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self),
            let deleted = try await req.services.beneficiaries(req.db).deleted(id: id),
            RegionContainmentPolicy().decide(for: principal, recordRegion: deleted.beneficiary.details.desa) == .allow
        else { throw Abort(.notFound) }
        do {
            let restored = try await req.services.restoreBeneficiary(req.db)(id, by: AuditActor(principal))
            return try await BeneficiariesController().profile(req, restored, notice: req.t(.benRestored, restored.details.name))
        } catch let error as BeneficiaryError {
            return try await listPage(
                req, notice: nil, errors: [error.message(req.lang)], status: error.isConflict ? .conflict : .unprocessableEntity)
        }
    }

    // MARK: - Pages

    private func confirmPage(
        _ req: Request, _ person: Beneficiary, version: Int, reason: String, reasonError: String?, errors: [String] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.requirePrincipal()
        let services = req.services
        let names = try await services.desaNames([person], db: req.db)
        let group = try await services.groups(req.db).groups(of: person.id).first
        let page = DeletionPages.Confirm(
            person: PersonSummary(person, principal: principal, regionNames: names, today: CivilDate(services.clock.now()), t: req.t),
            version: version, reason: reason, reasonError: reasonError, errors: errors,
            group: group.map { ($0.id, $0.name, BeneficiaryError.inGroup($0.id, name: $0.name).message(req.lang)) },
            context: req.page(path: Site.beneficiary(person.id)))
        return page.document().response(status: group == nil ? status : .conflict)
    }

    private func listPage(_ req: Request, notice: String?, errors: [String], status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.requirePrincipal()
        let services = req.services
        let now = services.clock.now()
        let entries = try await services.beneficiaries(req.db).deleted(
            in: principal.region, since: now.addingTimeInterval(-DeletedBeneficiary.keptFor), limit: 500)
        let names = try await services.desaNames(entries.map(\.beneficiary), db: req.db)
        let today = CivilDate(now)
        let rows = entries.map { entry in
            DeletionPages.Row(
                person: PersonSummary(entry.beneficiary, principal: principal, regionNames: names, today: today, t: req.t),
                reason: entry.reason, deleted: IndonesianCalendar.longDateTime(entry.deletedAt, req.lang),
                until: IndonesianCalendar.longDate(entry.restorableUntil, req.lang))
        }
        return DeletionPages.List(rows: rows, notice: notice, errors: errors, context: req.page(path: Site.beneficiariesDeleted))
            .document().response(status: status)
    }
}
