import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Every registered route × every role (and no one) × a record inside / outside the user's
/// region, against an explicit table of what each should get. A new route without a policy,
/// or without a line in this table, fails here.
@Suite("Route access")
struct RouteAccessTests {
    enum Expect: Equatable {
        /// Reaches the handler: not 401/403, not sent to log-in, no server error.
        case allowed
        /// 401 on the API, a redirect to the log-in page on the site.
        case unauthenticated
        case forbidden
        /// 404: the record is outside the user's region, and saying so would leak that it exists.
        case hidden
    }

    typealias Rule = @Sendable (_ role: Role?, _ inside: Bool) -> Expect

    static let everyone: Rule = { _, _ in .allowed }
    /// `/metrics` answers this machine or a token, never a role: in memory (no peer
    /// address) every request is refused (MetricsTests has the allowed cases).
    static let machineOnly: Rule = { _, _ in .forbidden }
    static let signedIn: Rule = { role, _ in role == nil ? .unauthenticated : .allowed }
    static let adminOnly: Rule = { role, _ in role == nil ? .unauthenticated : role == .adminProvinsi ? .allowed : .forbidden }
    /// The audit trail: admin everywhere, pimpinan inside their region, nobody else.
    static let auditReaders: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?: .allowed
        case .pimpinan?: inside ? .allowed : .forbidden
        default: .forbidden
        }
    }

    static let registryRead: Rule = { role, _ in
        role == nil ? .unauthenticated : role == .mitra ? .forbidden : .allowed
    }
    static let registryWrite: Rule = { role, _ in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?, .operatorKabkota?: .allowed
        default: .forbidden
        }
    }
    /// One person: readers inside their region; a record outside it is not found.
    static let personRead: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .mitra?: .forbidden
        case .adminProvinsi?: .allowed
        default: inside ? .allowed : .hidden
        }
    }
    static let personWrite: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?: .allowed
        case .operatorKabkota?: inside ? .allowed : .hidden
        default: .forbidden
        }
    }
    /// Restoring a person who is not in the "Dihapus" list: 404 once the user may write.
    static let notDeleted: Rule = { role, _ in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?, .operatorKabkota?: .hidden
        default: .forbidden
        }
    }
    /// An import job started by the admin: other writers do not see it.
    static let importJob: Rule = { role, _ in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?: .allowed
        case .operatorKabkota?: .hidden
        default: .forbidden
        }
    }

    /// Potentials: admin anywhere, an operator inside their kab/kota (403 outside: regions are public).
    static let potentialWrite: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?: .allowed
        case .operatorKabkota?: inside ? .allowed : .forbidden
        default: .forbidden
        }
    }
    /// Removing a potential that is not recorded: 404 once the user may edit there.
    static let potentialRemove: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?: .hidden
        case .operatorKabkota?: inside ? .hidden : .forbidden
        default: .forbidden
        }
    }

    /// Attendance: admin anywhere; an operator in their region; a pendamping only for groups
    /// assigned to them (the fixture's group is not), and nothing outside.
    static let attendanceWrite: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?: .allowed
        case .operatorKabkota?: inside ? .allowed : .hidden
        case .pendamping?: inside ? .forbidden : .hidden
        default: .forbidden
        }
    }
    /// A group no partner of the reader supports: not found to every signed-in user.
    static let notSupported: Rule = { role, _ in role == nil ? .unauthenticated : .hidden }
    /// A follow-up of a person: field staff inside their region, hidden outside.
    static let fieldworkInside: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?: .allowed
        case .operatorKabkota?, .pendamping?: inside ? .allowed : .hidden
        default: .forbidden
        }
    }
    /// The fixture's partner (one per region): readers inside their region, hidden outside.
    static let partnerRead: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .mitra?: .forbidden
        case .adminProvinsi?: .allowed
        default: inside ? .allowed : .hidden
        }
    }
    /// Commitments and realisations: partner managers inside their region.
    static let partnerWrite: Rule = { role, inside in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?: .allowed
        case .operatorKabkota?: inside ? .allowed : .hidden
        default: .forbidden
        }
    }
    /// A month the fixture's group has not recorded: 404 to everyone who may read the group.
    static let monthNotRecorded: Rule = { role, _ in
        switch role {
        case nil: .unauthenticated
        case .mitra?: .forbidden
        default: .hidden
        }
    }
    static let fieldwork: Rule = { role, _ in
        switch role {
        case nil: .unauthenticated
        case .adminProvinsi?, .operatorKabkota?, .pendamping?: .allowed
        default: .forbidden
        }
    }

    static let table: [String: Rule] = [
        "GET /groups": registryRead,
        "GET /groups/new": registryWrite,
        "POST /groups": registryWrite,
        "GET /groups/:id": personRead,
        "POST /groups/:id": personWrite,
        "POST /groups/:id/assistance": personWrite,
        "GET /programmes": registryRead,
        "POST /programmes": registryWrite,
        "GET /programmes/:id": personRead,
        "POST /programmes/:id/groups": personWrite,
        "GET /sessions/new": registryWrite,
        "POST /sessions": registryWrite,
        "GET /sessions/:id": personRead,
        "POST /sessions/:id/attendance": attendanceWrite,
        "GET /pendamping": fieldwork,
        "GET /groups/:id/ledger": personRead,
        "GET /beneficiaries/:id/outcomes": personRead,
        "POST /beneficiaries/:id/outcomes": fieldworkInside,
        "POST /beneficiaries/:id/graduate": personWrite,
        "GET /outcomes": registryRead,
        "GET /api/v1/beneficiaries/:id/assessments": personRead,
        "POST /api/v1/beneficiaries/:id/assessments": fieldworkInside,
        "POST /api/v1/beneficiaries/:id/graduation": personWrite,
        "GET /api/v1/outcomes/cohorts": registryRead,
        "POST /outcomes/rule": adminOnly,
        "GET /partners": registryRead,
        "POST /partners": registryWrite,
        "GET /partners/:id": partnerRead,
        "POST /partners/:id/commitments": partnerWrite,
        "POST /partners/:id/commitments/:commitment/realisations": partnerWrite,
        "POST /partners/:id/accounts": adminOnly,
        "GET /mitra": signedIn,
        "GET /mitra/groups/:id": notSupported,
        "GET /api/v1/partners": registryRead,
        "POST /api/v1/partners": registryWrite,
        "GET /api/v1/partners/:id": partnerRead,
        "POST /api/v1/partners/:id/commitments": partnerWrite,
        "POST /api/v1/commitments/:id/realisations": partnerWrite,
        "POST /groups/:id/ledger": attendanceWrite,
        "GET /ledger": registryRead,
        "POST /ledger/close": registryWrite,
        "GET /api/v1/groups/:id/ledger": personRead,
        "GET /api/v1/groups/:id/ledger/:month": monthNotRecorded,
        "PUT /api/v1/groups/:id/ledger/:month": attendanceWrite,
        "GET /api/v1/ledger/summary": registryRead,
        "POST /api/v1/ledger/closures": registryWrite,
        "GET /api/v1/groups": registryRead,
        "POST /api/v1/groups": registryWrite,
        "GET /api/v1/groups/:id": personRead,
        "PUT /api/v1/groups/:id/roles": personWrite,
        "POST /api/v1/groups/:id/activate": personWrite,
        "POST /api/v1/groups/:id/stage": personWrite,
        "GET /api/v1/groups/:id/assistance": personRead,
        "POST /api/v1/groups/:id/assistance": personWrite,
        "GET /api/v1/programmes": registryRead,
        "POST /api/v1/programmes": registryWrite,
        "POST /api/v1/sessions": registryWrite,
        "GET /api/v1/sessions/:id": personRead,
        "PUT /api/v1/sessions/:id/attendance": attendanceWrite,
        "GET /skills": everyone,
        "GET /skills/:code": everyone,
        "GET /skills/new": adminOnly,
        "POST /skills": adminOnly,
        "POST /skills/resources": adminOnly,
        "POST /skills/weights": adminOnly,
        "GET /skills/:code/edit": adminOnly,
        "POST /skills/:code": adminOnly,
        "POST /regions/:code/potentials": potentialWrite,
        "POST /regions/:code/potentials/:resource/delete": potentialRemove,
        "POST /regions/:code/crafts": potentialWrite,
        "POST /regions/:code/crafts/:skill/delete": potentialRemove,
        "GET /plans": registryRead,
        "POST /plans": registryWrite,
        "GET /plans/:id": personRead,
        "POST /plans/:id/edit": personWrite,
        "GET /api/v1/beneficiaries/:id/recommendations": personRead,
        "GET /api/v1/skills": signedIn,
        "GET /api/v1/resources": signedIn,
        "GET /api/v1/regions/:code/potentials": signedIn,
        "GET /api/v1/regions/:code/crafts": signedIn,
        "POST /api/v1/group-plans": registryWrite,
        "GET /api/v1/group-plans/:id": personRead,
        "POST /api/v1/group-plans/:id/accept": personWrite,
        "GET /": everyone,
        "GET /regions": everyone,
        "GET /regions/:code": everyone,
        "GET /regions/options": everyone,
        "GET /regions/search": everyone,
        "GET /login": everyone,
        "POST /login": everyone,
        "POST /logout": signedIn,
        "GET /account/password": signedIn,
        "POST /account/password": signedIn,
        "GET /admin/users": adminOnly,
        "GET /admin/users/new": adminOnly,
        "POST /admin/users": adminOnly,
        "GET /admin/users/:id": adminOnly,
        "POST /admin/users/:id": adminOnly,
        "GET /audit": auditReaders,
        "GET /health": everyone,
        "GET /metrics": machineOnly,
        "GET /api/openapi.json": everyone,
        "GET /api/v1/me": signedIn,
        "GET /api/v1/regions": signedIn,
        "GET /api/v1/regions/:code": signedIn,
        "GET /api/v1/audit": auditReaders,
        "GET /admin/interests": adminOnly,
        "POST /admin/interests": adminOnly,
        "GET /beneficiaries": registryRead,
        "POST /beneficiaries/search": registryRead,
        "GET /beneficiaries/export.csv": registryRead,
        "GET /beneficiaries/duplicates": registryRead,
        "GET /beneficiaries/new": registryWrite,
        "POST /beneficiaries": registryWrite,
        "GET /beneficiaries/import": registryWrite,
        "POST /beneficiaries/import": registryWrite,
        "GET /beneficiaries/:id": personRead,
        "GET /beneficiaries/:id/edit": personWrite,
        "POST /beneficiaries/:id": personWrite,
        "GET /beneficiaries/:id/delete": personWrite,
        "POST /beneficiaries/:id/delete": personWrite,
        "GET /beneficiaries/deleted": registryWrite,
        "POST /beneficiaries/deleted/:id/restore": notDeleted,
        "GET /imports/:id": importJob,
        "GET /imports/:id/problems.csv": importJob,
        "POST /imports/:id/commit": importJob,
        "GET /api/v1/beneficiaries": registryRead,
        "POST /api/v1/beneficiaries/search": registryRead,
        "POST /api/v1/beneficiaries/lookup": registryRead,
        "POST /api/v1/beneficiaries": registryWrite,
        "POST /api/v1/beneficiaries/import": registryWrite,
        "GET /api/v1/beneficiaries/:id": personRead,
        "PUT /api/v1/beneficiaries/:id": personWrite,
        "DELETE /api/v1/beneficiaries/:id": personWrite,
        "POST /api/v1/beneficiaries/deleted/:id/restore": notDeleted,
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test("Every route declares its access policy")
    func everyRouteHasPolicy() async throws {
        try await withTestApp { app in
            let missing = app.routes.all.filter { $0.userInfo["policy"] == nil }.map(Self.key)
            #expect(missing.isEmpty, "routes without a policy: \(missing)")
        }
    }

    @Test("Every route has a line in the access table, and every line is a route")
    func tableCoversRoutes() async throws {
        try await withTestApp { app in
            let routed = Set(app.routes.all.map(Self.key))
            #expect(routed.subtracting(Self.table.keys).isEmpty, "routes missing from the table: \(routed.subtracting(Self.table.keys))")
            #expect(Set(Self.table.keys).subtracting(routed).isEmpty)
        }
    }

    @Test("Every route × role × inside/outside region gets the expected answer")
    func enumerate() async throws {
        try await withTestApp { app in
            // given: one user per role attached to OKI (16.02) or the province, and records in OKI and OKU
            var users: [Role: TestUser] = [:]
            for role in Role.allCases {
                let region: String? =
                    switch role {
                    case .adminProvinsi, .mitra: nil
                    case .operatorKabkota, .pendamping, .pimpinan: "16.02"
                    }
                users[role] = try await app.makeUser("u.\(role.rawValue)", role: role, region: region)
            }
            let target = [
                true: try await app.makeUser("target.oki", role: .operatorKabkota, region: "16.02"),
                false: try await app.makeUser("target.oku", role: .operatorKabkota, region: "16.01"),
            ]
            let people = [true: try await app.makePerson(desa: "16.02.03.2007"), false: try await app.makePerson(desa: "16.01.20.2001")]
            let job = try await app.makeImportJob(owner: users[.adminProvinsi]!.user.id)
            let plans = [true: try await app.makePlan(scope: "16.02"), false: try await app.makePlan(scope: "16.01")]
            let groups = [true: try await app.makeGroup(desa: "16.02.03.2007"), false: try await app.makeGroup(desa: "16.01.20.2001")]
            let coaching = [
                true: try await app.makeProgrammeAndSession(kabkota: "16.02", group: groups[true]!),
                false: try await app.makeProgrammeAndSession(kabkota: "16.01", group: groups[false]!),
            ]
            var partners: [Bool: (Partner, Commitment)] = [:]
            for (inside, kabkota) in [(true, "16.02"), (false, "16.01")] {
                let partner = Partner(name: "Mitra \(kabkota)", kind: .lsm, regions: [RegionCode(trusted: kabkota)])
                let commitment = Commitment(
                    partner: partner.id, type: .dana, description: "Dana", value: Rupiah(1_000_000),
                    startsOn: CivilDate(year: 2026, month: 1, day: 1)!,
                    endsOn: CivilDate(year: 2026, month: 12, day: 31)!, kabupatenKota: RegionCode(trusted: kabkota), groups: [])
                try await FluentPartnerRepository(database: app.db).insert(partner)
                try await FluentPartnerRepository(database: app.db).insert(commitment)
                partners[inside] = (partner, commitment)
            }
            let ids: [Bool: [String: String]] = [
                true: [
                    "users": target[true]!.user.id.uuidString, "people": people[true]!.id.uuidString,
                    "imports": job.uuidString, "plans": plans[true]!.id.uuidString,
                    "groups": groups[true]!.id.uuidString, "programmes": coaching[true]!.0.id.uuidString,
                    "sessions": coaching[true]!.1.id.uuidString, "partners": partners[true]!.0.id.uuidString,
                    "commitments": partners[true]!.1.id.uuidString,
                ],
                false: [
                    "users": target[false]!.user.id.uuidString, "people": people[false]!.id.uuidString,
                    "imports": job.uuidString, "plans": plans[false]!.id.uuidString,
                    "groups": groups[false]!.id.uuidString, "programmes": coaching[false]!.0.id.uuidString,
                    "sessions": coaching[false]!.1.id.uuidString, "partners": partners[false]!.0.id.uuidString,
                    "commitments": partners[false]!.1.id.uuidString,
                ],
            ]

            var failures: [String] = []
            var checked = 0
            for route in app.routes.all.sorted(by: { Self.key($0) < Self.key($1) }) {
                let key = Self.key(route)
                guard let rule = Self.table[key] else { continue }
                for inside in [true, false] {
                    let path = Self.concretePath(route, inside: inside, ids: ids[inside]!)
                    for role in [nil] + Role.allCases.map(Optional.some) {
                        var actor = role.flatMap { users[$0] }
                        if key == "POST /logout", let current = actor {
                            // Signing out ends the session: use a fresh one for this check.
                            let (cookie, csrf) = try await app.signIn(current.user.username, password: testPassword)
                            actor?.cookie = cookie
                            actor?.csrf = csrf
                        }
                        let response = try await Self.send(route.method, path, as: actor, app: app)
                        let got = Self.classify(response, api: path.hasPrefix("/api/v1"))
                        let expected = rule(role, inside)
                        checked += 1
                        if got != expected {
                            failures.append(
                                "\(key) as \(role?.rawValue ?? "anonymous") \(inside ? "inside" : "outside"): "
                                    + "expected \(expected), got \(response.status.code)")
                        }
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(checked == Self.table.count * 2 * (Role.allCases.count + 1))
        }
    }

    /// The path with its parameters filled in with a record inside or outside OKI.
    static func concretePath(_ route: Route, inside: Bool, ids: [String: String]) -> String {
        let region = inside ? "16.02" : "16.01"
        let raw = route.path.map(\.description).joined(separator: "/")
        let kind =
            raw.contains("partners")
            ? "partners"
            : raw.contains("commitments")
                ? "commitments"
                : raw.contains("beneficiaries")
                    ? "people"
                    : raw.hasPrefix("imports")
                        ? "imports"
                        : raw.contains("plans")
                            ? "plans"
                            : raw.contains("programmes")
                                ? "programmes" : raw.contains("sessions") ? "sessions" : raw.contains("groups") ? "groups" : "users"
        var path =
            "/"
            + route.path.map { component -> String in
                switch component.description {
                case ":code": raw.hasPrefix("skills") ? "anyaman-purun" : region
                case ":resource", ":skill": "tidak-ada"
                case ":month": "2026-11"
                case ":commitment": ids["commitments"]!
                case ":id": ids[kind]!
                default: component.description
                }
            }.joined(separator: "/")
        if path == "/audit" || path == "/api/v1/audit" { path += "?region=\(region)" }
        return path
    }

    static func send(_ method: HTTPMethod, _ path: String, as user: TestUser?, app: Application) async throws -> TestingHTTPResponse {
        let api = path.hasPrefix("/api/v1")
        var headers: HTTPHeaders = user.map { api ? $0.bearer : $0.browser } ?? [:]
        var fields: [String: String] = [:]
        if method == .POST {
            // A visitor gets the anonymous CSRF cookie a browser would have.
            let csrf = user?.csrf ?? "anonym-csrf-token"
            if user == nil { headers.replaceOrAdd(name: "Cookie", value: "bu_csrf=\(csrf)") }
            fields["_csrf"] = csrf
        }
        return try await app.testing().sendRequest(
            method, path, headers: headers,
            beforeRequest: { req in
                if method == .POST { try req.content.encode(fields, as: .urlEncodedForm) }
            })
    }

    static func classify(_ response: TestingHTTPResponse, api: Bool) -> Expect? {
        let status = response.status.code
        if status == 401 { return .unauthenticated }
        if status == 303, response.headers.first(name: .location)?.hasPrefix("/login") == true { return .unauthenticated }
        if status == 403 { return .forbidden }
        if status == 404 { return .hidden }
        if status >= 500 { return nil }
        return .allowed
    }
}
