import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Issue 15 end to end: what the person says (interests, talents, health) and what the region
/// shows (craft centres, KUBE track records) reach the profile, the API and the planner.
@Suite("Recommendation evidence")
struct RecommendationEvidenceTests {
    static let person: [String: String] = [
        "nik": "1606014204850001", "no_kk": "1606011504120001", "nama": "Rahma", "jenis_kelamin": "P", "kode_desa": "16.06.01.2002",
        "kategori_ppks": "24", "kepala_keluarga": "ya", "tanggal_lahir": "1985-04-02", "minat": "olahan pangan",
    ]

    @Test("Talents and health conditions are saved from the form; a breathing problem rules ikan salai out, with the reason")
    func personFields() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let op = try await app.makeUser("op.muba", role: .operatorKabkota, region: "16.06")
            let saved = try await app.testing().submit(
                "/beneficiaries", as: op, Self.person.merging(["keahlian": "olahan ikan", "kendala_kesehatan": "pernapasan"]) { $1 })
            #expect(saved.status == .ok && saved.text.contains("Data Rahma disimpan."))
            let stored = try #require(try await FluentBeneficiaryRepository(database: app.db).find(nik: "1606014204850001"))
            #expect(stored.details.talents == ["olahan ikan"] && stored.details.health == ["pernapasan"])
            let page = try await app.testing().get("/beneficiaries/\(stored.id)", headers: op.browser)
            #expect(page.text.contains("<dt>Keahlian (sudah bisa membuat)</dt><dd>olahan ikan</dd>"))
            #expect(page.text.contains("<dt>Kendala kesehatan</dt><dd>gangguan pernapasan</dd>"))
            #expect(page.text.contains("Ikan salai: tidak cocok untuk gangguan pernapasan: bekerja lama di dekat asap pengasapan"))
            #expect(page.text.contains("sudah bisa: olahan ikan"))
            // The edit form keeps them ticked.
            let edit = try await app.testing().get("/beneficiaries/\(stored.id)/edit", headers: op.browser)
            #expect(edit.text.contains("name=\"keahlian[]\" value=\"olahan ikan\" checked"))
            #expect(edit.text.contains("name=\"kendala_kesehatan[]\" value=\"pernapasan\" checked"))
            // An unknown condition is refused next to its field, with what was typed kept.
            let bad = try await app.testing().submit(
                "/beneficiaries", as: op,
                Self.person.merging(["nik": "1606014204850002", "kendala_kesehatan": "batuk <b>"]) { $1 })
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"kendala_kesehatan-error\"") && bad.text.contains("tidak dikenal; pilih pernapasan, angkat-berat"))
            #expect(bad.text.contains("value=\"batuk &lt;b&gt;\""))
            // The API shows the health condition only to those who see personal data.
            let api = try await app.testing().get("/api/v1/beneficiaries/\(stored.id)", headers: op.bearer)
            #expect(try api.jsonObject()["kendala_kesehatan"] as? [String] == ["pernapasan"])
            #expect(try api.jsonObject()["keahlian"] as? [String] == ["olahan ikan"])
            // A pendamping does not see personal data: the condition is not named anywhere.
            let pendamping = try await app.makeUser("pend.muba", role: .pendamping, region: "16.06.01")
            let masked = try await app.testing().get("/beneficiaries/\(stored.id)", headers: pendamping.browser)
            #expect(masked.status == .ok)
            #expect(
                !masked.text.contains("pernapasan") && !masked.text.contains("asap pengasapan"),
                "\(masked.text.components(separatedBy: "pernapasan").dropLast().map { $0.suffix(300) })")
            #expect(masked.text.contains("Ikan salai: tidak cocok untuk kondisi kesehatan yang tercatat"))
            // Nor in the history of changes, where the NIK is masked as on the rest of the page.
            #expect(masked.text.contains("Kendala kesehatan: – → •••") && !masked.text.contains("1606014204850001"))
            let maskedAPI = try await app.testing().get("/api/v1/beneficiaries/\(stored.id)/recommendations", headers: pendamping.bearer)
            #expect(maskedAPI.status == .ok && !maskedAPI.text.contains("pernapasan") && !maskedAPI.text.contains("asap"))
            let maskedPerson = try await app.testing().get("/api/v1/beneficiaries/\(stored.id)", headers: pendamping.bearer)
            #expect(try maskedPerson.jsonObject()["kendala_kesehatan"] == nil)
        }
    }

    @Test("An operator records a craft centre in their kab/kota: the region page and the recommendation cite it; elsewhere 403; audited")
    func craftCentre() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let person = try await app.makeWeavers(1, desa: "16.02.05.1006", interests: ["olahan pangan"])[0]
            let before = try await app.testing().get("/api/v1/beneficiaries/\(person.id)/recommendations", headers: op.bearer)
            #expect((try before.jsonObject()["recommendations"] as? [[String: Any]])?.first?["skill"] as? String == "kemplang")

            let saved = try await app.testing().submit(
                "/regions/16.02.05.1006/crafts", as: op,
                ["skill": "pempek", "producers": "40", "trainers": "on", "buyers": "on", "notes": "Pempek \"Paku\" <b>", "source": "Survei 2026"])
            #expect(saved.status == .seeOther)
            let region = try await app.testing().get("/regions/16.02.05.1006", headers: op.browser)
            #expect(region.text.contains("Sentra kerajinan") && region.text.contains("±40 perajin, ada pelatih, ada pembeli"))
            #expect(region.text.contains("Pempek &quot;Paku&quot; &lt;b&gt;"))
            let after = try await app.testing().get("/api/v1/beneficiaries/\(person.id)/recommendations", headers: op.bearer)
            let first = try #require((try after.jsonObject()["recommendations"] as? [[String: Any]])?.first)
            #expect(first["skill"] as? String == "pempek")
            #expect((first["reasons"] as? [String])?.contains("sudah ada sentra di Kel. Paku (desa): ±40 perajin, ada pelatih, ada pembeli") == true)
            let api = try await app.testing().get("/api/v1/regions/16.02.05.1006/crafts", headers: op.bearer)
            #expect(api.text.contains("\"skill\":\"pempek\"") && api.text.contains("\"producers\":40"))

            // Outside the operator's kab/kota: 403; bad numbers and unknown skills: 422; removing: audited.
            let outside = try await app.testing().submit("/regions/16.06.01.2002/crafts", as: op, ["skill": "pempek"])
            #expect(outside.status == .forbidden)
            #expect(
                try await app.testing().submit("/regions/16.02.05.1006/crafts", as: op, ["skill": "pempek", "producers": "-3"]).status
                    == .unprocessableEntity)
            #expect(try await app.testing().submit("/regions/16.02.05.1006/crafts", as: op, ["skill": "tidak-ada"]).status == .unprocessableEntity)
            let removed = try await app.testing().submit("/regions/16.02.05.1006/crafts/pempek/delete", as: op, [:])
            #expect(removed.status == .seeOther)
            let audit = try await FluentAuditLog(database: app.db).search(.init(entity: "local_craft"))
            #expect(audit.entries.count == 2)
            #expect(audit.entries.allSatisfy { $0.region?.rawValue == "16.02.05.1006" })
        }
    }

    @Test("KUBE of a skill nearby are cited as proof, with survival and realised value added")
    func trackRecord() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let members = try await app.makeWeavers(10)
            let pendamping = try await app.makeUser("pend.oki", role: .pendamping, region: "16.02.03")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: members, active: true, pendamping: pendamping.user.id)
            let month = try await app.testing().submit("/groups/\(group.id)/ledger", as: pendamping, LedgerTests.month("2026-11", version: 0))
            #expect(month.status == .seeOther)
            let candidate = try await app.makeWeavers(1, first: 50)[0]
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let api = try await app.testing().get("/api/v1/beneficiaries/\(candidate.id)/recommendations", headers: op.bearer)
            let first = try #require((try api.jsonObject()["recommendations"] as? [[String: Any]])?.first)
            #expect(first["skill"] as? String == "anyaman-purun")
            // 30 mats at Rp 35.000 over Rp 400.000 of purun: 2,6×
            #expect((first["reasons"] as? [String])?.contains("1 KUBE di Kec. Pedamaran (kecamatan), 1 masih aktif, nilai tambah 2,6×") == true)
            #expect((first["track_record"] as? Double).map { $0 > 0.5 } == true)
        }
    }

    @Test("The planner follows the same ranking: in Tanjung Sejaro, rattan people and bamboo people get their own crafts")
    func plannerFollowsRanking() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            try await app.makeWeavers(6, desa: "16.10.04.2008", interests: ["kerajinan rotan"], first: 1)
            try await app.makeWeavers(6, desa: "16.10.04.2008", interests: ["kerajinan bambu"], first: 20)
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let created = try await app.testing().submit("/plans", as: admin, ["region": "16.10.04", "target_size": "10"])
            let location = try #require(created.headers.first(name: .location))
            let id = try #require(UUID(uuidString: String(location.dropFirst("/plans/".count))))
            let plan = try #require(try await FluentGroupPlanRepository(database: app.db).find(id: id))
            #expect(Set(plan.groups.map(\.skill)) == ["anyaman-rotan", "kerajinan-bambu"])
            #expect(plan.groups.allSatisfy { $0.members.count == 6 })
        }
    }
}
