import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Someone who chose English sees the rules of groups, coaching, plans and skills in English,
/// on the pages and from the API — not the Indonesian text of the domain.
@Suite("The English interface")
struct EnglishInterfaceTests {
    static func english(_ user: TestUser) -> TestUser {
        var user = user
        user.cookie += "; lang=en"
        return user
    }

    @Test("Pages show English rule messages for groups, sessions, programmes, plans and skills")
    func pages() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let people = try await app.makeWeavers(6)
            let op = Self.english(try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02"))
            let admin = Self.english(try await app.makeUser("admin", role: .adminProvinsi, region: nil))

            let nameless = try await app.testing().submit("/groups", as: op, ["name": "", "skill": "anyaman-purun", "desa": "16.02.03.2007"])
            #expect(nameless.status == .unprocessableEntity)
            #expect(nameless.text.contains("The group needs a name."))
            #expect(!nameless.text.contains("wajib diisi"))

            let created = try await app.testing().submit(
                "/groups", as: op, ["name": "KUBE Purun Maju", "skill": "anyaman-purun", "desa": "16.02.03.2007"])
            #expect(created.status == .seeOther)
            let group = try #require(try await FluentGroupRepository(database: app.db).list(within: nil, pendamping: nil).first)
            for (index, person) in people.enumerated() {
                let added = try await app.testing().submit(
                    "/groups/\(group.id)", as: op, ["action": "add", "nik": person.details.nik, "version": "\(index + 1)"])
                #expect(added.status == .seeOther)
            }
            var roles = ["action": "roles", "version": "7"]
            for person in people { roles["role_\(person.id.uuidString)"] = "anggota" }
            roles["role_\(people[0].id.uuidString)"] = "ketua"
            roles["role_\(people[1].id.uuidString)"] = "ketua"
            let twoChairs = try await app.testing().submit("/groups/\(group.id)", as: op, roles)
            #expect(twoChairs.status == .unprocessableEntity)
            #expect(twoChairs.text.contains("There may be only one chair"))
            #expect(!twoChairs.text.contains("hanya boleh satu"))

            let activate = try await app.testing().submit("/groups/\(group.id)", as: op, ["action": "activate", "version": "7"])
            #expect(activate.status == .unprocessableEntity)
            #expect(activate.text.contains("No chair among the active members yet."))

            let session = try await app.testing().submit(
                "/sessions", as: op,
                [
                    "type": "pelatihan", "date": "2026-11-27", "time": "09:00", "hours": "30", "place": "", "topic": "Anyaman",
                    "groups[]": group.id.uuidString,
                ])
            #expect(session.status == .unprocessableEntity)
            #expect(session.text.contains("A session lasts 0.5–24 hours."))
            #expect(session.text.contains("The place is required."))

            let programme = try await app.testing().submit(
                "/programmes", as: op,
                ["name": "", "kabkota": "16.02", "year": "2026", "starts": "2026-12-31", "ends": "2026-01-01", "skills": "tenun-x"])
            #expect(programme.status == .unprocessableEntity)
            #expect(programme.text.contains("The programme needs a name."))
            #expect(programme.text.contains("The end date must come after the start date."))
            #expect(!programme.text.contains("wajib diisi"))

            let plan = try await app.testing().submit("/plans", as: op, ["region": "16.01"])
            #expect(plan.status == .forbidden)
            #expect(plan.text.contains("is outside your region"))

            let skill = try await app.testing().submit(
                "/skills", as: admin, ["code": "Tas Purun", "name": "", "trainingHours": "x", "starterKitCost": "", "products": ""])
            #expect(skill.status == .unprocessableEntity)
            #expect(skill.text.contains("The skill needs a name."))
            #expect(!skill.text.contains("Nama keterampilan"))
        }
    }

    @Test("The API answers in English with ?lang=en and in Indonesian by default")
    func api() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let people = try await app.makeWeavers(6)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            func send(_ path: String, _ body: [String: AnyEncodable], method: HTTPMethod = .POST) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(method, path, headers: op.bearer, beforeRequest: { try $0.content.encode(body, as: .json) })
            }
            let created = try await send(
                "/api/v1/groups",
                [
                    "name": AnyEncodable("KUBE Purun Maju"), "skill": AnyEncodable("anyaman-purun"), "desa": AnyEncodable("16.02.03.2007"),
                    "members": AnyEncodable(people.map(\.details.nik)),
                ])
            let id = try #require(try created.jsonObject()["id"] as? String)
            let roles = ["version": AnyEncodable(1), "roles": AnyEncodable([people[0].id.uuidString: "ketua", people[1].id.uuidString: "ketua"])]
            let english = try await send("/api/v1/groups/\(id)/roles?lang=en", roles, method: .PUT)
            #expect(english.status == .unprocessableEntity)
            #expect(english.text.contains("There may be only one chair"))
            let indonesian = try await send("/api/v1/groups/\(id)/roles", roles, method: .PUT)
            #expect(indonesian.text.contains("Ketua hanya boleh satu"))
            let activate = try await send("/api/v1/groups/\(id)/activate?lang=en", ["version": AnyEncodable(1)])
            #expect(activate.status == .unprocessableEntity)
            #expect(activate.text.contains("No chair among the active members yet."))
        }
    }
}
