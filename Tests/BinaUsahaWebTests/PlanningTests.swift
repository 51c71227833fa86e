import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

@Suite("Potentials, skills, recommendations and KUBE plans")
struct PlanningTests {
    @Test("The profile and the API recommend purun weaving to a weaver in Pedamaran, with reasons")
    func recommendations() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let person = try await app.makeWeavers(1)[0]
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let page = try await app.testing().get("/beneficiaries/\(person.id)", headers: op.browser)
            #expect(page.status == .ok)
            #expect(page.text.contains("Anyaman purun"))
            #expect(
                page.text.contains(
                    "sudah ada sentra di Desa Pedamaran I (desa): ada pembeli · Purun melimpah di Kec. Pedamaran (kecamatan) · minat: anyaman · nilai jual"
                ))
            #expect(page.text.contains("Rincian skor"))
            let api = try await app.testing().get("/api/v1/beneficiaries/\(person.id)/recommendations", headers: op.bearer)
            #expect(api.status == .ok)
            let json = try api.jsonObject()
            let first = try #require((json["recommendations"] as? [[String: Any]])?.first)
            #expect(first["skill"] as? String == "anyaman-purun")
            #expect((first["reasons"] as? [String])?.contains("Purun melimpah di Kec. Pedamaran (kecamatan)") == true)
            #expect(first["alternative"] as? Bool == false)
            #expect((first["local_craft"] as? Double).map { $0 > 0.7 } == true)
            #expect(first["interest"] as? Double == 1)
            #expect((json["excluded"] as? [[String: Any]])?.contains { $0["reason"] as? String == "Rotan tidak ada di Kec. Pedamaran" } == true)
        }
    }

    @Test("A region page shows own and inherited potentials; an operator records one in their kab/kota only, audited")
    func potentials() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let page = try await app.testing().get("/regions/16.02.03.2007")
            #expect(page.text.contains("Potensi sumber daya"))
            #expect(page.text.contains("diwarisi dari Kec. Pedamaran"))
            #expect(page.text.contains("Karet"))
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let saved = try await app.testing().submit(
                "/regions/16.02.03.2007/potentials", as: op,
                ["resource": "pandan", "abundance": "cukup", "season": "sepanjang tahun", "source": "kunjungan"])
            #expect(saved.status == .seeOther)
            let after = try await app.testing().get("/regions/16.02.03.2007?saved=pandan", headers: op.browser)
            #expect(after.text.contains("Potensi Pandan disimpan."))
            #expect(after.text.contains("wilayah ini"))
            let outside = try await app.makeUser("op.oku", role: .operatorKabkota, region: "16.01")
            let refused = try await app.testing().submit(
                "/regions/16.02.03.2007/potentials", as: outside, ["resource": "pandan", "abundance": "melimpah"])
            #expect(refused.status == .forbidden)
            let bad = try await app.testing().submit("/regions/16.02.03.2007/potentials", as: op, ["resource": "emas-hitam", "abundance": "cukup"])
            #expect(bad.status == .unprocessableEntity)
            let audit = try await FluentAuditLog(database: app.db).search(.init(entity: "potential"))
            #expect(audit.entries.map(\.entityID) == ["16.02.03.2007/pandan"])
            let api = try await app.testing().get("/api/v1/regions/16.02.03.2007/potentials", headers: op.bearer)
            let list = try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [[String: Any]]
            #expect(list?.contains { $0["resource"] as? String == "purun" && $0["relation"] as? String == "inherited" } == true)
            #expect(list?.contains { $0["resource"] as? String == "pandan" && $0["relation"] as? String == "own" } == true)
        }
    }

    @Test("The admin edits the skills catalogue: bad input explained, stale edit 409, every save audited")
    func skills() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let list = try await app.testing().get("/skills")
            #expect(list.text.contains("Anyaman purun") && list.text.contains("Rp 2.000.000"))
            let bad = try await app.testing().submit(
                "/skills", as: admin,
                [
                    "code": "Tas Purun", "name": "", "trainingHours": "x", "starterKitCost": "",
                    "products": "",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Nama keterampilan wajib diisi."))
            let good = try await app.testing().submit(
                "/skills", as: admin,
                [
                    "code": "tas-purun", "name": "Tas purun", "needs": "purun:5:wajib", "interests": "anyaman", "trainingHours": "40",
                    "starterKitCost": "Rp 1.500.000", "products": "Tas purun | buah | 10.000 | 50.000",
                ])
            #expect(good.status == .ok)
            #expect(good.text.contains("Keterampilan Tas purun disimpan.") && good.text.contains("5,0×"))
            let edit: [String: String] = [
                "name": "Tas purun bermotif", "needs": "purun:5:wajib", "interests": "anyaman", "trainingHours": "40",
                "starterKitCost": "1500000", "products": "Tas purun | buah | 10000 | 55000", "version": "1",
            ]
            #expect(try await app.testing().submit("/skills/tas-purun", as: admin, edit).status == .ok)
            let stale = try await app.testing().submit("/skills/tas-purun", as: admin, edit)
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("sudah diubah orang lain"))
            let typed = [
                "resource": "1", "local_craft": "1", "interest": "1", "talent": "1,5", "value_added": "0", "track_record": "0,5",
            ]
            // The form previews first: nothing is saved, the effect is shown with a button to save.
            let preview = try await app.testing().submit("/skills/weights", as: admin, typed)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("Pratinjau bobot baru (belum disimpan)"))
            #expect(preview.text.contains("Kesesuaian dengan kasus berlabel: top-1 "))
            #expect(try await FluentSkillRepository(database: app.db).recommendationWeights() == .standard)
            let badWeights = try await app.testing().submit("/skills/weights", as: admin, typed.merging(["talent": "sebelas"]) { $1 })
            #expect(badWeights.status == HTTPResponseStatus.unprocessableEntity)
            #expect(badWeights.text.contains("Setiap bobot 0–10") && badWeights.text.contains("value=\"sebelas\""))
            let weights = try await app.testing().submit("/skills/weights", as: admin, typed.merging(["simpan": "1"]) { $1 })
            #expect(weights.text.contains("Bobot rekomendasi disimpan."))
            #expect(
                try await FluentSkillRepository(database: app.db).recommendationWeights()
                    == RecommendationWeights(resource: 1, localCraft: 1, interest: 1, talent: 1.5, valueAdded: 0, trackRecord: 0.5))
            let audit = try await FluentAuditLog(database: app.db).search(.init())
            #expect(audit.entries.filter { $0.entity == "skill" }.count == 2)
            #expect(audit.entries.contains { $0.entity == "setting" })
        }
    }

    @Test("An operator plans, reviews and accepts groups in the browser; accepted members are not planned again")
    func planInBrowser() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            try await app.makeWeavers(12)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let created = try await app.testing().submit("/plans", as: op, ["region": "16.02.03", "target_size": "10"])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let page = try await app.testing().get(location, headers: op.browser)
            #expect(page.text.contains("Kelompok 1: Anyaman purun"))
            #expect(page.text.contains("1 kelompok · 12 anggota · 0 orang tidak masuk kelompok"))
            #expect(page.text.contains("Warga 7"))
            let id = try #require(UUID(uuidString: String(location.dropFirst("/plans/".count))))
            let plan = try #require(try await FluentGroupPlanRepository(database: app.db).find(id: id))
            // remove one member, then accept
            let removed = try await app.testing().submit(
                "/plans/\(id)/edit", as: op,
                [
                    "action": "remove", "group": plan.groups[0].id.uuidString,
                    "members[]": plan.groups[0].members[0].id.uuidString, "version": "1",
                ])
            #expect(removed.status == .seeOther)
            let stale = try await app.testing().submit("/plans/\(id)/edit", as: op, ["action": "accept", "version": "1"])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("sudah diubah orang lain"))
            let accepted = try await app.testing().submit("/plans/\(id)/edit", as: op, ["action": "accept", "version": "2"])
            #expect(accepted.status == .seeOther)
            let shown = try await app.testing().get("/plans/\(id)?done=accepted", headers: op.browser)
            #expect(shown.text.contains("Rencana diterima."))
            #expect(shown.text.contains("Dikeluarkan dari rencana oleh operator"))
            // a new plan over the API leaves the 11 accepted members out; the one removed is alone
            let again = try await app.testing().sendRequest(
                .POST, "/api/v1/group-plans", headers: op.bearer,
                beforeRequest: { req in
                    try req.content.encode(["region": "16.02.03"], as: .json)
                })
            #expect(again.status == .created)
            let json = try again.jsonObject()
            #expect((json["groups"] as? [Any])?.isEmpty == true)
            let left = try #require(json["left_out"] as? [[String: Any]])
            #expect(left.count == 1)
            #expect(left.first?["reason"] as? String == "Hanya 1 calon anggota untuk anyaman purun di Desa Pedamaran I")
            let audit = try await FluentAuditLog(database: app.db).search(.init(entity: "group_plan"))
            #expect(audit.entries.count == 4)
        }
    }

    @Test("Planning requests outside the user's region or with bad values are refused with clear messages")
    func badPlanRequests() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            func post(_ body: [String: String]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/group-plans", headers: op.bearer,
                    beforeRequest: { req in
                        try req.content.encode(body, as: .json)
                    })
            }
            let outside = try await post(["region": "16.01"])
            #expect(outside.status == .forbidden)
            #expect(outside.text.contains("di luar wilayah kerja Anda"))
            let unknown = try await post(["region": "16.99"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.text.contains("Kode wilayah \\\"16.99\\\" tidak dikenal.") || unknown.text.contains("tidak dikenal"))
            let page = try await app.testing().submit("/plans", as: op, ["region": "16.02", "target_size": "30"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("Target anggota per kelompok harus bilangan 5–20."))
        }
    }

    @Test("An ineligible person is left out with the reason and can be included with a written reason")
    func overrideInBrowser() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            try await app.makeWeavers(5)
            let notHead = try await app.makePerson(
                desa: "16.02.03.2007", name: "Bukan Kepala", nik: "1602035204850099",
                interests: ["anyaman"], head: false, noKK: "1602031504120099")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let created = try await app.testing().submit("/plans", as: op, ["region": "16.02.03"])
            let location = try #require(created.headers.first(name: .location))
            let page = try await app.testing().get(location, headers: op.browser)
            #expect(page.text.contains("Tidak memenuhi syarat: bukan kepala keluarga"))
            let id = UUID(uuidString: String(location.dropFirst("/plans/".count)))!
            let plan = try #require(try await FluentGroupPlanRepository(database: app.db).find(id: id))
            let refused = try await app.testing().submit(
                "/plans/\(id)/edit", as: op,
                [
                    "action": "move", "members[]": notHead.id.uuidString, "target": "1", "version": "1",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Bukan Kepala: Orang ini belum memenuhi syarat KUBE; tuliskan alasan"))
            let noTarget = try await app.testing().submit(
                "/plans/\(id)/edit", as: op,
                [
                    "action": "move", "members[]": notHead.id.uuidString,
                    "target": "9", "version": "1",
                ])
            #expect(noTarget.text.contains("Tulis nomor kelompok tujuan, 1–1."))
            let moved = try await app.testing().submit(
                "/plans/\(id)/edit", as: op,
                [
                    "action": "move", "members[]": notHead.id.uuidString, "target": "1", "version": "1",
                    "reason": "Pencari nafkah utama keluarga",
                ])
            #expect(moved.status == .seeOther)
            let after = try #require(try await FluentGroupPlanRepository(database: app.db).find(id: id))
            #expect(after.groups[0].members.count == 6)
            #expect(after.groups[0].members.last?.overrideReason == "Pencari nafkah utama keluarga")
        }
    }
}
