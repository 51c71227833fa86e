import BinaUsahaDomain
import Vapor

struct AuditController {
    func index(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let query = try req.query.decode(AuditQuery.self)
        let t = req.t
        var model = AuditTrailPage.Model(
            query: query, rows: [], total: 0, page: 1, pageCount: 1, error: nil,
            baseQuery: Self.baseQuery(query))
        model.regionOptions = try await RegionChoices.options(
            selected: query.region, principal: principal, regions: req.services.regions(req.db), t: t)
        let filter: AuditFilter
        do { filter = try query.filter(for: principal) } catch {
            if case .outsideScope = error { throw Abort(.forbidden, reason: t(.errorForbiddenBody)) }
            model.error = Self.message(error, t)
            return AuditTrailPage.View(model: model, context: req.page()).document().response(status: .badRequest)
        }
        let page = try await req.services.audit(req.db).search(filter)
        model.rows = page.entries.map { Self.row($0, t) }
        model.total = page.total
        model.page = filter.page
        model.pageCount = Paging.pageCount(total: page.total, perPage: filter.perPage)
        return AuditTrailPage.View(model: model, context: req.page()).document().response()
    }

    /// `GET /api/v1/audit`
    func api(req: Request) async throws -> API.AuditListResponse {
        let principal = try req.requirePrincipal()
        let query = try req.query.decode(AuditQuery.self)
        let filter: AuditFilter
        do { filter = try query.filter(for: principal) } catch {
            if case .outsideScope = error {
                throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
            }
            throw APIError.badRequest(Self.message(error, req.t))
        }
        let page = try await req.services.audit(req.db).search(filter)
        return .init(total: page.total, page: filter.page, items: page.entries.map(API.AuditEntryResponse.init))
    }

    static func message(_ problem: AuditQuery.Problem, _ t: Messages) -> String {
        switch problem {
        case let .badDate(text): t(.auditBadDate, text)
        case let .badRegion(text): t(.apiBadRegionCode, text)
        case .outsideScope: t(.errorForbiddenBody)
        }
    }

    /// Register fields that are personal data beyond the name: masked in a person's history for
    /// readers who do not see personal data.
    static let personalFields: Set<String> = ["nik", "no_kk", "telepon", "alamat", "rt", "rw", "kendala_kesehatan"]

    /// A value of a personal field as such a reader may see it.
    static func masked(_ field: String, _ value: String?) -> String? {
        guard let value, !value.isEmpty else { return value }
        switch field {
        case "nik", "no_kk": return PersonalDataMask.identityNumber(value)
        case "telepon": return PersonalDataMask.phone(value)
        default: return "•••"
        }
    }

    static func row(_ entry: AuditEntry, _ t: Messages, maskingPersonalData: Bool = false) -> AuditTrailPage.Row {
        let who = entry.actorRole.flatMap(Role.init(rawValue:)).map { "\(entry.actorName) (\($0.label(t.lang)))" } ?? entry.actorName
        let record = [AuditLabels.entity(entry.entity, t.lang), entry.entityID.map { String($0.prefix(8)) }, entry.region?.rawValue]
            .compactMap { $0 }.joined(separator: " · ")
        return .init(
            when: IndonesianCalendar.longDateTime(entry.at, t.lang), who: who, action: entry.action.label(t.lang),
            record: record,
            changes: entry.changes.map {
                let hide = maskingPersonalData && personalFields.contains($0.field)
                let before = hide ? masked($0.field, $0.before) : $0.before
                let after = hide ? masked($0.field, $0.after) : $0.after
                return "\(AuditLabels.field($0.field, t)): \(AuditLabels.value($0.field, before, t)) → \(AuditLabels.value($0.field, after, t))"
            },
            note: entry.note)
    }

    static func baseQuery(_ query: AuditQuery) -> String {
        let pairs: [(String, String?)] = [
            ("user", query.user), ("entity", query.entity), ("from", query.from),
            ("until", query.until), ("region", query.region),
        ]
        return pairs.compactMap { key, value in
            guard let value, !value.isEmpty else { return nil }
            return "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&"
        }.joined()
    }
}

extension API {
    struct AuditEntryResponse: Content {
        var id: UUID
        var at: Date
        var actor: String
        var actorRole: String?
        var action: String
        var entity: String
        var entityID: String?
        var region: String?
        var changes: [FieldChange]
        var note: String?

        enum CodingKeys: String, CodingKey {
            case id, at, actor, action, entity, region, changes, note
            case actorRole = "actor_role"
            case entityID = "entity_id"
        }

        init(_ entry: AuditEntry) {
            id = entry.id
            at = entry.at
            actor = entry.actorName
            actorRole = entry.actorRole
            action = entry.action.rawValue
            entity = entry.entity
            entityID = entry.entityID
            region = entry.region?.rawValue
            changes = entry.changes
            note = entry.note
        }
    }

    struct AuditListResponse: Content {
        var total: Int
        var page: Int
        var items: [AuditEntryResponse]
    }
}
