import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// The page, the API and the command line run one use case for each write, so the same
/// scenario gives the same result through each door. These were the drifts.
@Suite("One write path: page, API and command line agree")
struct OneWritePathTests {
    func json(
        _ app: Application, _ method: HTTPMethod, _ path: String, as user: TestUser, _ body: [String: AnyEncodable]
    ) async throws
        -> TestingHTTPResponse
    {
        try await app.testing().sendRequest(method, path, headers: user.bearer, beforeRequest: { try $0.content.encode(body, as: .json) })
    }

    @Test("A KUBE proposal leaves out people already active in a KUBE, on the page, over the API and with plan-groups")
    func proposalsAgree() async throws {
        try await withTestApp(onDisk: true) { app in
            try await app.addCraftCentres()
            let people = try await app.makeWeavers(12)
            try await app.makeGroup(desa: "16.02.03.2007", members: Array(people.prefix(6)), active: true)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let members = Set(people.prefix(6).map(\.id))
            // page
            let page = try await app.testing().submit("/plans", as: op, ["region": "16.02.03"])
            #expect(page.status == .seeOther)
            let pagePlanID = try #require(
                page.headers.first(name: .location).flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) })
            let pagePlan = try #require(try await FluentGroupPlanRepository(database: app.db).find(id: pagePlanID))
            // API
            let api = try await json(app, .POST, "/api/v1/group-plans", as: op, ["region": AnyEncodable("16.02.03")])
            #expect(api.status == .created)
            let apiPlanID = try #require((try api.jsonObject()["id"] as? String).flatMap(UUID.init(uuidString:)))
            let apiPlan = try #require(try await FluentGroupPlanRepository(database: app.db).find(id: apiPlanID))
            // then: the same groups, none of the active members
            let pageMembers = Set(pagePlan.groups.flatMap { $0.members.map(\.id) })
            let apiMembers = Set(apiPlan.groups.flatMap { $0.members.map(\.id) })
            #expect(pageMembers == apiMembers)
            #expect(pageMembers.isDisjoint(with: members))
            #expect(pagePlan.groups.map(\.skill) == apiPlan.groups.map(\.skill))
            // the command line, on the same database file (SQLite only: the binary is not given the test's schema)
            if case let .sqliteFile(path)? = app.testDatabaseChoice {
                let directory = try BinaryProcess.temporaryDirectory()
                defer { try? FileManager.default.removeItem(at: directory) }
                let cli = try BinaryProcess.run(["plan-groups", "--region", "16.02.03", "--db", path], in: directory)
                #expect(cli.status == 0, "\(cli.error)")
                #expect(cli.output.contains("\(pagePlan.groups.count) kelompok, \(pageMembers.count) anggota"), "\(cli.output)")
            }
        }
    }

    @Test("A programme with a skill the catalogue lacks is refused the same way on the page and over the API")
    func programmesAgree() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let page = try await app.testing().submit(
                "/programmes", as: op,
                [
                    "name": "Program Purun", "kabkota": "16.02", "year": "2026", "skills": "anyaman-purun;tidak-ada", "budget": "1000000",
                    "starts": "2026-01-01", "ends": "2026-12-31",
                ])
            let api = try await json(
                app, .POST, "/api/v1/programmes", as: op,
                [
                    "name": AnyEncodable("Program Purun"), "kabkota": AnyEncodable("16.02"), "year": AnyEncodable(2026),
                    "skills": AnyEncodable(["anyaman-purun", "tidak-ada"]), "budget": AnyEncodable(1_000_000),
                    "starts_on": AnyEncodable("2026-01-01"), "ends_on": AnyEncodable("2026-12-31"),
                ])
            let message = GroupProblem.unknownSkills(["tidak-ada"]).message(.id)
            #expect(page.status == .unprocessableEntity && page.text.contains(message))
            let apiMessage = (try api.jsonObject()["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(api.status == .unprocessableEntity && apiMessage.contains(message))
            #expect(try await FluentCoachingRepository(database: app.db).programmes(within: nil).isEmpty)
        }
    }

    @Test("A session is checked the same way on the page and over the API")
    func sessionsAgree() async throws {
        try await withTestApp { app in
            let okiGroup = try await app.makeGroup(desa: "16.02.03.2007", members: try await app.makeWeavers(5), active: true)
            let okuGroup = try await app.makeGroup(desa: "16.01.20.2001", members: try await app.makeWeavers(5, desa: "16.01.20.2001"), active: true)
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            for groups in [[okiGroup.id, okuGroup.id], [okiGroup.id, okiGroup.id]] {
                let api = try await json(
                    app, .POST, "/api/v1/sessions", as: admin,
                    [
                        "type": AnyEncodable("pelatihan"), "date": AnyEncodable("2026-11-20"), "time": AnyEncodable("09:00"),
                        "hours": AnyEncodable(2),
                        "place": AnyEncodable("Balai"), "topic": AnyEncodable("Anyaman"), "groups": AnyEncodable(groups),
                    ])
                let page = try await app.testing().sendRequest(
                    .POST, "/sessions", headers: admin.browser,
                    beforeRequest: { req in
                        var body = "_csrf=\(admin.csrf)&type=pelatihan&date=2026-11-20&time=09:00&hours=2&place=Balai&topic=Anyaman"
                        for id in groups { body += "&groups[]=\(id.uuidString)" }
                        req.headers.contentType = .urlEncodedForm
                        req.body = ByteBuffer(string: body)
                    })
                #expect(api.status == .unprocessableEntity && page.status == .unprocessableEntity)
                let message = groups[0] == groups[1] ? GroupProblem.groupTwice.message(.id) : GroupProblem.sessionTwoKabkota.message(.id)
                let apiMessage = (try api.jsonObject()["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(apiMessage.contains(message) && page.text.contains(message), "\(message)")
            }
        }
    }
}
