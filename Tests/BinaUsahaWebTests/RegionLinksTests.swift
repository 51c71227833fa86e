import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Every write that links one record to another refuses a link outside the writer's region:
/// a session to another kab/kota's programme or groups, a member from another region, an
/// enrolment, an assistance payment. And what a session shows follows the same rule.
@Suite("Links between records stay inside the writer's region")
struct RegionLinksTests {
    struct World {
        let oki: TestUser
        let oku: TestUser
        let admin: TestUser
        let okiGroup: KUBEGroup
        let okuGroup: KUBEGroup
        let okiProgramme: Programme
        let okuProgramme: Programme
        let okuPerson: Beneficiary
    }

    func world(_ app: Application) async throws -> World {
        let okiPeople = try await app.makeWeavers(5)
        let okuPeople = try await app.makeWeavers(5, desa: "16.01.20.2001")
        let okiGroup = try await app.makeGroup(desa: "16.02.03.2007", members: okiPeople, active: true)
        let okuGroup = try await app.makeGroup(desa: "16.01.20.2001", members: okuPeople, active: true)
        let (okiProgramme, _) = try await app.makeProgrammeAndSession(kabkota: "16.02", group: okiGroup)
        let (okuProgramme, _) = try await app.makeProgrammeAndSession(kabkota: "16.01", group: okuGroup)
        return World(
            oki: try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02"),
            oku: try await app.makeUser("op.oku", role: .operatorKabkota, region: "16.01"),
            admin: try await app.makeUser("admin", role: .adminProvinsi, region: nil),
            okiGroup: okiGroup, okuGroup: okuGroup, okiProgramme: okiProgramme, okuProgramme: okuProgramme, okuPerson: okuPeople[0])
    }

    func json(
        _ app: Application, _ method: HTTPMethod, _ path: String, as user: TestUser, _ body: [String: AnyEncodable]
    ) async throws
        -> TestingHTTPResponse
    {
        try await app.testing().sendRequest(method, path, headers: user.bearer, beforeRequest: { try $0.content.encode(body, as: .json) })
    }

    func session(_ programme: UUID?, groups: [UUID], date: String = "2026-11-20") -> [String: AnyEncodable] {
        [
            "programme": AnyEncodable(programme), "type": AnyEncodable("pelatihan"), "date": AnyEncodable(date), "time": AnyEncodable("09:00"),
            "hours": AnyEncodable(2), "place": AnyEncodable("Balai desa"), "topic": AnyEncodable("Anyaman"), "groups": AnyEncodable(groups),
        ]
    }

    @Test("Sessions: not for another kab/kota's programme or groups, not two kab/kota at once, not the same group twice, not outside the programme")
    func sessionLinks() async throws {
        try await withTestApp { app in
            let w = try await world(app)
            let cases: [(String, [String: AnyEncodable], TestUser)] = [
                ("another kab/kota's programme", session(w.okuProgramme.id, groups: [w.okiGroup.id]), w.oki),
                ("another kab/kota's group", session(nil, groups: [w.okuGroup.id]), w.oki),
                ("groups of two kab/kota", session(nil, groups: [w.okiGroup.id, w.okuGroup.id]), w.admin),
                ("the same group twice", session(nil, groups: [w.okiGroup.id, w.okiGroup.id]), w.oki),
                ("an unknown programme", session(UUID(), groups: [w.okiGroup.id]), w.oki),
                ("a date outside the programme", session(w.okiProgramme.id, groups: [w.okiGroup.id], date: "2027-02-01"), w.oki),
                ("no groups", session(nil, groups: []), w.oki),
            ]
            for (name, body, user) in cases {
                let response = try await json(app, .POST, "/api/v1/sessions", as: user, body)
                #expect(response.status == .unprocessableEntity, "\(name): \(response.status)")
            }
            #expect(try await json(app, .POST, "/api/v1/sessions", as: w.oki, session(w.okiProgramme.id, groups: [w.okiGroup.id])).status == .created)
            // the page answers the same, next to the form
            let page = try await app.testing().submit(
                "/sessions", as: w.oki,
                [
                    "programme": w.okuProgramme.id.uuidString, "type": "pelatihan", "date": "2026-11-20", "time": "09:00", "hours": "2",
                    "place": "Balai", "topic": "Anyaman", "groups[]": w.okiGroup.id.uuidString,
                ])
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("Program yang dipilih tidak ditemukan."))
        }
    }

    @Test("A session spanning two kab/kota shows neither operator the other's members, and only the admin records it")
    func crossRegionSession() async throws {
        try await withTestApp { app in
            let w = try await world(app)
            // stored as it could have been before the rule existed
            let mixed = CoachingSession(
                type: .pelatihan, startsAt: testNow.addingTimeInterval(-86_400), hours: 2, place: "Balai", facilitator: "",
                topic: "Campuran", groups: [w.okiGroup.id, w.okuGroup.id])
            try await FluentCoachingRepository(database: app.db).insert(mixed)
            for user in [w.oki, w.oku] {
                #expect(try await app.testing().get("/sessions/\(mixed.id)", headers: user.browser).status == .notFound)
                #expect(try await app.testing().get("/api/v1/sessions/\(mixed.id)", headers: user.bearer).status == .notFound)
                let roster = Dictionary(uniqueKeysWithValues: (w.okiGroup.members + w.okuGroup.members).map { ($0.beneficiary.uuidString, "hadir") })
                let put = try await json(
                    app, .PUT, "/api/v1/sessions/\(mixed.id)/attendance", as: user,
                    ["version": AnyEncodable(1), "attendance": AnyEncodable(roster)])
                #expect(put.status == .notFound)
            }
            #expect(try await app.testing().get("/sessions/\(mixed.id)", headers: w.admin.browser).status == .ok)
        }
    }

    @Test("Members, enrolments, assistance and programmes refuse another region's records")
    func otherLinks() async throws {
        try await withTestApp { app in
            let w = try await world(app)
            let draft = try await app.makeGroup(desa: "16.02.03.2007")
            let add = try await app.testing().submit(
                "/groups/\(draft.id)", as: w.oki, ["action": "add", "version": "1", "nik": w.okuPerson.details.nik])
            #expect(add.status == .unprocessableEntity)
            #expect(add.text.contains("NIK ini tidak ada di register wilayah Anda."))
            let enrol = try await app.testing().submit(
                "/programmes/\(w.okiProgramme.id)/groups", as: w.oki,
                ["group": w.okuGroup.id.uuidString, "version": "1"])
            #expect(enrol.status == .unprocessableEntity)
            let pay = try await json(
                app, .POST, "/api/v1/groups/\(w.okuGroup.id)/assistance", as: w.oki,
                [
                    "date": AnyEncodable("2026-11-20"), "amount": AnyEncodable(1_000_000), "form": AnyEncodable("tunai"),
                    "source": AnyEncodable("csr"),
                    "receipt": AnyEncodable("X-1"),
                ])
            #expect(pay.status == .notFound)
            let payWithOtherProgramme = try await app.testing().submit(
                "/groups/\(w.okiGroup.id)/assistance", as: w.oki,
                [
                    "date": "2026-11-20", "amount": "1000000", "form": "tunai", "source": "csr", "receipt": "X-2",
                    "programme": w.okuProgramme.id.uuidString,
                ])
            #expect(payWithOtherProgramme.status == .unprocessableEntity)
            let programme = try await json(
                app, .POST, "/api/v1/programmes", as: w.oki,
                [
                    "name": AnyEncodable("P"), "kabkota": AnyEncodable("16.01"), "year": AnyEncodable(2026), "budget": AnyEncodable(1),
                    "starts_on": AnyEncodable("2026-01-01"), "ends_on": AnyEncodable("2026-12-31"),
                ])
            #expect(programme.status == .unprocessableEntity)
            let withGroup = try await json(
                app, .POST, "/api/v1/programmes", as: w.oki,
                [
                    "name": AnyEncodable("P"), "kabkota": AnyEncodable("16.02"), "year": AnyEncodable(2026), "budget": AnyEncodable(1),
                    "starts_on": AnyEncodable("2026-01-01"), "ends_on": AnyEncodable("2026-12-31"), "groups": AnyEncodable([w.okuGroup.id]),
                    "skills": AnyEncodable(["tidak-ada"]),
                ])
            #expect(withGroup.status == .unprocessableEntity)
            let group = try await json(
                app, .POST, "/api/v1/groups", as: w.oki,
                [
                    "name": AnyEncodable("KUBE"), "skill": AnyEncodable("anyaman-purun"), "desa": AnyEncodable("16.01.20.2001"),
                ])
            #expect(group.status == .unprocessableEntity)
            // nothing was written by any of these
            #expect(try await FluentCoachingRepository(database: app.db).assistance(ofGroups: [w.okiGroup.id, w.okuGroup.id]).isEmpty)
        }
    }

    @Test("Activation makes members 'aktif' and leaving makes them 'keluar', in the register, with audit entries")
    func statusFollowsMembership() async throws {
        try await withTestApp { app in
            let people = try await app.makeWeavers(6)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: people)
            let repository = FluentBeneficiaryRepository(database: app.db)
            #expect(try await repository.find(id: people[0].id)?.status == .calon)
            #expect(try await app.testing().submit("/groups/\(group.id)", as: op, ["action": "activate", "version": "1"]).status == .seeOther)
            for person in people { #expect(try await repository.find(id: person.id)?.status == .aktif) }
            let leave = try await app.testing().submit(
                "/groups/\(group.id)", as: op,
                [
                    "action": "leave", "version": "2", "member": people[5].id.uuidString, "reason": "Pindah ke Palembang",
                ])
            #expect(leave.status == .seeOther)
            #expect(try await repository.find(id: people[5].id)?.status == .keluar)
            #expect(try await repository.find(id: people[0].id)?.status == .aktif)
            let entries = try await FluentAuditLog(database: app.db).search(.init(entity: "beneficiary", entityID: people[5].id.uuidString)).entries
            #expect(entries.compactMap { $0.changes.first }.contains(FieldChange(field: "status", before: "aktif", after: "keluar")))
            // the form cannot make someone 'aktif' by hand, nor take it away from a member
            var form = BeneficiaryForm(try #require(try await repository.find(id: people[0].id))).fields.mapValues { AnyEncodable($0) }
            form["status"] = AnyEncodable("calon")
            form["version"] = AnyEncodable(2)
            let body = form
            let api = try await app.testing().sendRequest(
                .PUT, "/api/v1/beneficiaries/\(people[0].id)", headers: op.bearer,
                beforeRequest: { req in
                    try req.content.encode(body, as: .json)
                })
            #expect(api.status == .unprocessableEntity)
            #expect(api.text.contains("status_follows_group"))
            // a member (or former member) cannot be deleted
            let delete = try await app.testing().sendRequest(
                .DELETE, "/api/v1/beneficiaries/\(people[5].id)?version=2&reason=salah%20input", headers: op.bearer)
            #expect(delete.status == .conflict)
            #expect(try await repository.find(id: people[5].id) != nil)
        }
    }

    @Test("A session that has not begun takes no attendance, and its roster starts with nothing chosen")
    func futureSession() async throws {
        try await withTestApp { app in
            let people = try await app.makeWeavers(5)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: people, active: true)
            let future = CoachingSession(
                type: .pelatihan, startsAt: testNow.addingTimeInterval(2 * 86_400), hours: 2, place: "Balai", facilitator: "",
                topic: "Nanti", groups: [group.id])
            try await FluentCoachingRepository(database: app.db).insert(future)
            var roster = ["version": "1"]
            for person in people { roster["att_\(person.id.uuidString)"] = "hadir" }
            let early = try await app.testing().submit("/sessions/\(future.id)/attendance", as: op, roster)
            #expect(early.status == .unprocessableEntity)
            #expect(early.text.contains("belum berlangsung"))
            let (_, past) = try await app.makeProgrammeAndSession(kabkota: "16.02", group: group)
            let page = try await app.testing().get("/sessions/\(past.id)", headers: op.browser)
            #expect(page.text.contains("type=\"radio\"") && !page.text.contains(" checked"))
            var partial = ["version": "1"]
            partial["att_\(people[0].id.uuidString)"] = "hadir"
            let incomplete = try await app.testing().submit("/sessions/\(past.id)/attendance", as: op, partial)
            #expect(incomplete.status == .unprocessableEntity)
            #expect(incomplete.text.contains("Kehadiran 4 anggota belum diisi."))
        }
    }
}
