import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

@Suite("KUBE groups, sessions, attendance and assistance")
struct GroupsTests {
    @Test("In the browser: accept a plan, set officers, activate, schedule, record attendance for ten in one submit, pay, move to berkembang")
    func browserScenario() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            try await app.makeWeavers(10)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let planned = try await app.testing().submit("/plans", as: op, ["region": "16.02.03"])
            let planID = try #require(planned.headers.first(name: .location)).replacingOccurrences(of: "/plans/", with: "")
            #expect(try await app.testing().submit("/plans/\(planID)/edit", as: op, ["action": "accept", "version": "1"]).status == .seeOther)

            let groups = try await FluentGroupRepository(database: app.db).list(within: nil, pendamping: nil)
            var group = try #require(groups.first)
            #expect(groups.count == 1 && group.status == .draft && group.activeMembers.count == 10)
            let list = try await app.testing().get("/groups", headers: op.browser)
            #expect(list.text.contains(group.name))

            // officers, then activation
            var roles = ["action": "roles", "version": "1"]
            for (index, member) in group.activeMembers.enumerated() {
                roles["role_\(member.beneficiary.uuidString)"] =
                    ["ketua", "sekretaris", "bendahara"].indices.contains(index)
                    ? ["ketua", "sekretaris", "bendahara"][index] : "anggota"
            }
            #expect(try await app.testing().submit("/groups/\(group.id)", as: op, roles).status == .seeOther)
            let stale = try await app.testing().submit("/groups/\(group.id)", as: op, ["action": "activate", "version": "1"])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("sudah diubah orang lain"))
            #expect(try await app.testing().submit("/groups/\(group.id)", as: op, ["action": "activate", "version": "2"]).status == .seeOther)

            // schedule a training and record attendance for all ten in one submit
            let scheduled = try await app.testing().submit(
                "/sessions", as: op,
                [
                    "type": "pelatihan", "date": "2026-11-27", "time": "09:00", "hours": "3", "place": "Balai Desa Pedamaran I",
                    "facilitator": "Pendamping", "topic": "Anyaman purun dasar", "groups[]": group.id.uuidString,
                ])
            #expect(scheduled.status == .seeOther)
            let sessionPath = try #require(scheduled.headers.first(name: .location))
            let sessionPage = try await app.testing().get(sessionPath, headers: op.browser)
            #expect(sessionPage.text.contains("Jumat, 27 November 2026 09.00 WIB"))
            group = try #require(try await FluentGroupRepository(database: app.db).find(id: group.id))
            var roster = ["version": "1"]
            for (index, member) in group.activeMembers.enumerated() {
                roster["att_\(member.beneficiary.uuidString)"] = index == 0 ? "sakit" : "hadir"
            }
            #expect(try await app.testing().submit("\(sessionPath)/attendance", as: op, roster).status == .seeOther)
            let again = try await app.testing().submit("\(sessionPath)/attendance", as: op, roster)
            #expect(again.status == .conflict)
            #expect(again.text.contains("Daftar hadir ini sudah diubah orang lain"))
            let shown = try await app.testing().get(sessionPath, headers: op.browser)
            #expect(shown.text.contains("Kehadiran 90 %"))

            // assistance, then the stage
            let bad = try await app.testing().submit(
                "/groups/\(group.id)/assistance", as: op,
                [
                    "date": "2026-11-28", "amount": "0", "form": "barang",
                    "source": "apbd_provinsi", "receipt": "",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Bantuan barang harus mencantumkan item RAB."))
            #expect(
                try await app.testing().submit(
                    "/groups/\(group.id)/assistance", as: op,
                    [
                        "date": "2026-11-28", "amount": "Rp 20.000.000", "form": "tunai", "source": "apbn_kemensos", "receipt": "BT-2026-001",
                    ]
                ).status == .seeOther)
            var stage = ["action": "stage", "version": "3", "stage": "berkembang", "reason": "Papan nama terpasang, pelatihan selesai"]
            for indicator in KUBEStage.tumbuh.indicators { stage["ind_\(indicator.rawValue)"] = "1" }
            #expect(try await app.testing().submit("/groups/\(group.id)", as: op, stage).status == .seeOther)
            // the page shows one part at a time, each reached from its tab
            let page = try await app.testing().get("/groups/\(group.id)", headers: op.browser)
            #expect(page.text.contains("tahap Berkembang"))
            #expect(page.text.contains("?bagian=bantuan") && !page.text.contains("Jumlah bantuan diterima"))
            let money = try await app.testing().get("/groups/\(group.id)?bagian=bantuan", headers: op.browser)
            #expect(money.text.contains("Jumlah bantuan diterima: Rp 20.000.000") && !money.text.contains("id=\"anggota\""))
            let stages = try await app.testing().get("/groups/\(group.id)?bagian=tahap", headers: op.browser)
            #expect(stages.text.contains("Tumbuh → Berkembang oleh op.oki — Papan nama terpasang"))
            let audit = try await FluentAuditLog(database: app.db).search(.init())
            #expect(Set(audit.entries.map(\.entity)).isSuperset(of: ["kube_group", "coaching_session", "attendance", "assistance", "group_plan"]))
            let profile = try await app.testing().get("/beneficiaries/\(group.activeMembers[0].beneficiary)", headers: op.browser)
            #expect(profile.text.contains(group.name) && profile.text.contains("Ketua · Aktif · sejak"))
            let programmes = try await app.testing().get("/programmes", headers: op.browser)
            #expect(programmes.text.contains("Bantuan stimulan per kabupaten/kota"))
            #expect(programmes.text.contains("Kab. Ogan Komering Ilir") && programmes.text.contains("APBN Kemensos Rp 20.000.000"))
        }
    }

    @Test("Over the API: roles, activation, a session, the roster as one PUT (409 when stale), assistance and the stage")
    func apiScenario() async throws {
        try await withTestApp { app in
            let people = try await app.makeWeavers(6)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            func send(_ method: HTTPMethod, _ path: String, _ body: [String: AnyEncodable]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(method, path, headers: op.bearer, beforeRequest: { try $0.content.encode(body, as: .json) })
            }
            let created = try await send(
                .POST, "/api/v1/groups",
                [
                    "name": AnyEncodable("KUBE Purun Maju"), "skill": AnyEncodable("anyaman-purun"),
                    "desa": AnyEncodable("16.02.03.2007"), "members": AnyEncodable(people.map(\.details.nik)),
                ])
            #expect(created.status == .created)
            let id = try #require(try created.jsonObject()["id"] as? String)
            let roles = Dictionary(
                uniqueKeysWithValues: people.enumerated().map {
                    (
                        $0.element.id.uuidString,
                        ["ketua", "sekretaris", "bendahara"].indices
                            .contains($0.offset) ? ["ketua", "sekretaris", "bendahara"][$0.offset] : "anggota"
                    )
                })
            let twoChairs = try await send(
                .PUT, "/api/v1/groups/\(id)/roles",
                [
                    "version": AnyEncodable(1),
                    "roles": AnyEncodable(
                        roles.mapValues { $0 == "sekretaris" ? "ketua" : $0 }),
                ])
            #expect(twoChairs.status == .unprocessableEntity)
            #expect(twoChairs.text.contains("Ketua hanya boleh satu."))
            #expect(try await send(.PUT, "/api/v1/groups/\(id)/roles", ["version": AnyEncodable(1), "roles": AnyEncodable(roles)]).status == .ok)
            #expect(try await send(.POST, "/api/v1/groups/\(id)/activate", ["version": AnyEncodable(2)]).status == .ok)
            let session = try await send(
                .POST, "/api/v1/sessions",
                [
                    "type": AnyEncodable("pelatihan"), "date": AnyEncodable("2026-11-26"), "time": AnyEncodable("13:30"), "hours": AnyEncodable(2.5),
                    "place": AnyEncodable("Balai desa"), "topic": AnyEncodable("Motif tikar"), "groups": AnyEncodable([id]),
                ])
            #expect(session.status == .created)
            let sessionID = try #require(try session.jsonObject()["id"] as? String)
            var roster = Dictionary(uniqueKeysWithValues: people.map { ($0.id.uuidString, "hadir") })
            roster[people[1].id.uuidString] = "izin"
            let put = try await send(
                .PUT, "/api/v1/sessions/\(sessionID)/attendance", ["version": AnyEncodable(1), "attendance": AnyEncodable(roster)])
            #expect(put.status == .ok)
            #expect(try put.jsonObject()["version"] as? Int == 2)
            let stale = try await send(
                .PUT, "/api/v1/sessions/\(sessionID)/attendance", ["version": AnyEncodable(1), "attendance": AnyEncodable(roster)])
            #expect(stale.status == .conflict)
            #expect(try stale.jsonObject()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "stale_version")
            let paid = try await send(
                .POST, "/api/v1/groups/\(id)/assistance",
                [
                    "date": AnyEncodable("2026-11-29"), "amount": AnyEncodable(12_000_000), "form": AnyEncodable("barang"),
                    "source": AnyEncodable("csr"),
                    "rab_items": AnyEncodable("Alat anyam 10 set"), "receipt": AnyEncodable("CSR-77"),
                ])
            #expect(paid.status == .created)
            #expect(try paid.jsonObject()["total"] as? Int == 12_000_000)
            let stage = try await send(
                .POST, "/api/v1/groups/\(id)/stage",
                [
                    "version": AnyEncodable(3), "stage": AnyEncodable("berkembang"), "reason": AnyEncodable("Indikator tumbuh lengkap"),
                    "checklist": AnyEncodable(KUBEStage.tumbuh.indicators.map(\.rawValue)),
                ])
            #expect(stage.status == .ok)
            #expect(try stage.jsonObject()["stage"] as? String == "berkembang")
            // another operator's kab/kota does not see the group
            let oku = try await app.makeUser("op.oku", role: .operatorKabkota, region: "16.01")
            #expect(try await app.testing().get("/api/v1/groups/\(id)", headers: oku.bearer).status == .notFound)
        }
    }

    @Test("A pendamping records attendance only for the groups assigned to them and sees a load warning above ten groups")
    func pendamping() async throws {
        try await withTestApp { app in
            let people = try await app.makeWeavers(5)
            let pendamping = try await app.makeUser("pdm.pedamaran", role: .pendamping, region: "16.02.03")
            let other = try await app.makeUser("pdm.lain", role: .pendamping, region: "16.02.03")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: people, active: true, pendamping: pendamping.user.id)
            let (_, session) = try await app.makeProgrammeAndSession(kabkota: "16.02", group: group)
            var roster = ["version": "1"]
            for person in people { roster["att_\(person.id.uuidString)"] = "hadir" }
            #expect(try await app.testing().submit("/sessions/\(session.id)/attendance", as: other, roster).status == .forbidden)
            #expect(try await app.testing().submit("/sessions/\(session.id)/attendance", as: pendamping, roster).status == .seeOther)
            let page = try await app.testing().get("/pendamping", headers: pendamping.browser)
            #expect(page.text.contains("Kelompok dampingan (1)"))
            #expect(!page.text.contains("pedoman menyarankan"))
            // the page is in the pendamping's navigation, marked as the current one; a mitra has no such entry
            #expect(page.text.contains("<a href=\"/pendamping\" aria-current=\"page\">Tugas lapangan</a>"))
            let mitra = try await app.makeUser("mitra.csr", role: .mitra, region: nil)
            #expect(!(try await app.testing().get("/", headers: mitra.browser).text.contains("href=\"/pendamping\"")))
            for index in 0..<10 {
                try await app.makeGroup(desa: "16.02.03.20\(String(format: "%02d", index + 10))", pendamping: pendamping.user.id)
            }
            let busy = try await app.testing().get("/pendamping", headers: pendamping.browser)
            #expect(busy.text.contains("Anda mendampingi 11 kelompok; pedoman menyarankan paling banyak 10 kelompok per pendamping."))
        }
    }
}

/// Wraps any encodable value for heterogeneous JSON bodies in tests.
struct AnyEncodable: Encodable {
    let encodeValue: (any Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
