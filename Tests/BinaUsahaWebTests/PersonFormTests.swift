import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// The person form as people fill it in: number pads, choices, a desa picked or found by name,
/// problems next to their fields.
@Suite("The person form")
struct PersonFormTests {
    @Test("The form offers choices, not codes: kab/kota → kecamatan → desa, 26 PPKS checkboxes, interests, number pads")
    func choices() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007", name: "Pedamaran I")
            try await app.addDesa("16.01.20.2001", name: "Desa OKU")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")

            let page = try await app.testing().sendRequest(.GET, "/beneficiaries/new", headers: op.browser)
            #expect(page.status == .ok)
            let html = page.text
            // the operator's only kab/kota is chosen and its kecamatan offered; OKU is not offered
            #expect(html.contains("<option value=\"16.02\" selected>"))
            #expect(html.contains("value=\"16.02.03\"") && !html.contains("value=\"16.01\""))
            #expect(html.contains("name=\"kode_desa\"") && html.contains("name=\"cari_desa\""))
            #expect(html.components(separatedBy: "name=\"ppks[]\"").count - 1 == 26)
            #expect(html.contains("name=\"minat[]\" value=\"anyaman\""))
            #expect(html.contains("name=\"nik\" id=\"nik\"") && html.contains("inputmode=\"numeric\""))
            #expect(html.contains("type=\"tel\"") && html.contains("type=\"date\""))
            #expect(html.contains("type=\"radio\" name=\"jenis_kelamin\""))
            #expect(!html.contains("pisahkan dengan") && !html.contains("16.02.03.2007)"))
            // an empty option sends an empty value, not its label
            #expect(html.contains("<option value=\"\">"))
        }
    }

    @Test("'Tampilkan pilihan' narrows the selects and finds a desa by a press spelling, keeping what was typed, saving nothing")
    func refreshAndSearch() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007", name: "Prahu Dipo")
            try await app.addDesa("16.02.03.2008", name: "Sukaraja")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")

            let found = try await app.testing().submit(
                "/beneficiaries", as: op, ["nama": "Siti \"Aminah\"", "nik": "1602035204850001", "cari_desa": "Perahu Dipo", "_pilih": "1"])
            #expect(found.status == .ok)
            #expect(found.text.contains("<option value=\"16.02.03.2007\" selected>Prahu Dipo"))
            #expect(found.text.contains("value=\"Siti &quot;Aminah&quot;\"") && found.text.contains("value=\"1602035204850001\""))
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 0)

            let none = try await app.testing().submit("/beneficiaries", as: op, ["cari_desa": "Zzyzx", "_pilih": "1"])
            #expect(none.text.contains("Tidak ada desa/kelurahan bernama"))

            let narrowed = try await app.testing().submit("/beneficiaries", as: op, ["kabkota": "16.02", "kecamatan": "16.02.03", "_pilih": "1"])
            #expect(narrowed.text.contains("value=\"16.02.03.2008\"") && narrowed.text.contains("Sukaraja"))

            // and: the same search as JSON for the page's script; children of a kecamatan; a bad code is 400
            let json = try await app.testing().sendRequest(.GET, "/regions/search?q=Perahu%20Dipo&within=16.02")
            let items = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [[String: String]])
            #expect(items.first?["code"] == "16.02.03.2007")
            #expect(items.first?["label"]?.hasPrefix("Prahu Dipo") == true)
            let children = try await app.testing().sendRequest(.GET, "/regions/options?parent=16.02.03")
            #expect(children.text.contains("16.02.03.2008"))
            #expect(try await app.testing().sendRequest(.GET, "/regions/options?parent=%27%3B--").status == .badRequest)
        }
    }

    @Test("Ticked checkboxes and a picked desa create the person; problems appear next to their fields with the values kept")
    func submit() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007", name: "Pedamaran I")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let body =
                "nik=1602+0352+0485+0001&no_kk=1602031504120001&nama=Siti+Aminah&jenis_kelamin=P&kepala_keluarga=ya"
                + "&kabkota=16.02&kecamatan=16.02.03&kode_desa=16.02.03.2007&ppks%5B%5D=24&ppks%5B%5D=9&minat%5B%5D=anyaman&desil=2"
                + "&telepon=0812+3456+7890&status=calon"

            // when: a bad decile and no PPKS ticked
            let bad = try await app.testing().sendRequest(.POST, "/beneficiaries", headers: op.browser) { req in
                req.headers.contentType = .urlEncodedForm
                req.body = .init(
                    string: body.replacingOccurrences(of: "&ppks%5B%5D=24&ppks%5B%5D=9", with: "").replacingOccurrences(
                        of: "desil=2", with: "desil=12") + "&_csrf=\(op.csrf)")
            }
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"desil-error\"") && bad.text.contains("id=\"kategori_ppks-error\""))
            #expect(bad.text.contains("2 isian perlu diperbaiki") && bad.text.contains(">Wajib diisi.</p>"))
            #expect(!bad.text.contains("kolom kategori_ppks"))
            #expect(bad.text.contains("value=\"1602035204850001\"") && bad.text.contains("<option value=\"16.02.03.2007\" selected>"))
            #expect(bad.text.contains("name=\"minat[]\" value=\"anyaman\" checked"))

            // when: as it should be
            let good = try await app.testing().sendRequest(.POST, "/beneficiaries", headers: op.browser) { req in
                req.headers.contentType = .urlEncodedForm
                req.body = .init(string: body + "&_csrf=\(op.csrf)")
            }
            #expect(good.status == .ok)
            let person = try #require(try await FluentBeneficiaryRepository(database: app.db).find(nik: "1602035204850001"))
            #expect(Set(person.details.ppks) == [24, 9] && person.details.interests == ["anyaman"] && person.details.isHeadOfFamily)
            #expect(person.details.phone.hasSuffix("81234567890"))

            // and: the edit form shows the same choices ticked
            let edit = try await app.testing().sendRequest(.GET, "/beneficiaries/\(person.id)/edit", headers: op.browser)
            #expect(edit.text.contains("name=\"ppks[]\" value=\"24\" checked") && edit.text.contains("name=\"ppks[]\" value=\"9\" checked"))
            #expect(edit.text.contains("name=\"jenis_kelamin\" value=\"P\" checked") && edit.text.contains("<option value=\"2\" selected>"))
        }
    }

    @Test("Region filters are selects: the kab/kota for the province, then the kecamatan of the one chosen; an operator's own kecamatan")
    func regionFilters() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007", name: "Pedamaran I")
            try await app.addDesa("16.01.20.2001", name: "Kelumpang")
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")

            let all = try await app.testing().sendRequest(.GET, "/beneficiaries", headers: admin.browser)
            #expect(all.text.contains("<select name=\"region\" id=\"region\"><option value=\"\" selected>Seluruh wilayah Anda</option>"))
            #expect(all.text.contains("<option value=\"16.02\">Kabupaten Ogan Komering Ilir</option>") && !all.text.contains("value=\"16.02.03\""))
            let oki = try await app.testing().sendRequest(.GET, "/beneficiaries?region=16.02", headers: admin.browser)
            #expect(oki.text.contains("<option value=\"16.02\" selected>") && oki.text.contains("<option value=\"16.02.03\">— Kecamatan"))
            #expect(!oki.text.contains("value=\"16.01.20\""))

            let own = try await app.testing().sendRequest(.GET, "/plans", headers: op.browser)
            #expect(own.text.contains("<option value=\"16.02.03\">") && !own.text.contains("value=\"16.01\""))
            let audit = try await app.testing().sendRequest(.GET, "/audit", headers: admin.browser)
            #expect(audit.text.contains("<select name=\"region\""))
            let account = try await app.testing().sendRequest(.GET, "/admin/users/new", headers: admin.browser)
            #expect(account.text.contains("<option value=\"\" selected>Seluruh provinsi</option>"))
            #expect(account.text.contains("<option value=\"16.02.03\">— Kecamatan"))
        }
    }

    @Test("The KUBE and programme forms pick the desa, the kab/kota and the skills instead of asking for codes")
    func groupAndProgrammeForms() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007", name: "Pedamaran I")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")

            let group = try await app.testing().sendRequest(.GET, "/groups/new", headers: op.browser)
            #expect(group.text.contains("name=\"desa\" id=\"desa\" required data-desa=\"1\"") && group.text.contains("name=\"cari_desa\""))
            let narrowed = try await app.testing().submit("/groups", as: op, ["name": "KUBE Uji", "cari_desa": "pedamaran 1", "_pilih": "1"])
            #expect(narrowed.status == .ok && narrowed.text.contains("<option value=\"16.02.03.2007\" selected>Pedamaran I"))
            #expect(narrowed.text.contains("value=\"KUBE Uji\""))

            let programmes = try await app.testing().sendRequest(.GET, "/programmes", headers: op.browser)
            #expect(programmes.text.contains("<select name=\"kabkota\" id=\"kabkota\"><option value=\"16.02\" selected>"))
            #expect(programmes.text.contains("name=\"skills[]\" value=\"anyaman-purun\""))
            let created = try await app.testing().sendRequest(.POST, "/programmes", headers: op.browser) { req in
                req.headers.contentType = .urlEncodedForm
                req.body = .init(
                    string: "name=Program+Purun&kabkota=16.02&year=2026&skills%5B%5D=anyaman-purun&target_groups=2&target_people=20"
                        + "&budget=40000000&starts=2026-01-05&ends=2026-12-20&_csrf=\(op.csrf)")
            }
            #expect(created.status == .seeOther)
            let programme = try #require(try await FluentCoachingRepository(database: app.db).programmes(within: nil).first)
            #expect(programme.skills == ["anyaman-purun"] && programme.kabupatenKota.rawValue == "16.02")
        }
    }
}
