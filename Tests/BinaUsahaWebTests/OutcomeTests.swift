import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

@Suite("Follow-up assessments and graduation")
struct OutcomeTests {
    @Test(
        "A pendamping records follow-ups; the rule proposes graduation; an operator confirms with a note; the person becomes mandiri; the cohort shows it"
    )
    func graduate() async throws {
        try await withTestApp { app in
            let members = try await app.makeWeavers(6)
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: members, active: true)
            let person = members[0]
            let pendamping = try await app.makeUser("pend.oki", role: .pendamping, region: "16.02.03")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let oku = try await app.makeUser("op.oku", role: .operatorKabkota, region: "16.01")
            let path = "/beneficiaries/\(person.id)/outcomes"

            // bad input: refused next to its field, typed values kept
            let bad = try await app.testing().submit(path, as: pendamping, ["date": "2026-12-24", "income": "dua juta", "size": "0"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("id=\"income-error\"") && bad.text.contains("value=\"dua juta\""))
            let future = try await app.testing().submit(
                path, as: pendamping, ["date": "2026-12-24", "income": "2.000.000", "size": "4", "usaha": "1"])
            #expect(future.status == .unprocessableEntity && future.text.contains("id=\"date-error\""))
            #expect(try await app.testing().submit(path, as: oku, ["date": "2026-06-01", "income": "2.400.000", "size": "4"]).status == .notFound)

            // a first follow-up above the line: not proposed yet, confirmation refused
            #expect(
                try await app.testing().submit(path, as: pendamping, ["date": "2026-06-01", "income": "2.400.000", "size": "4", "usaha": "1"]).status
                    == .seeOther)
            let early = try await app.testing().submit("/beneficiaries/\(person.id)/graduate", as: op, ["note": "Sudah mandiri menurut ketua"])
            #expect(early.status == .unprocessableEntity && early.text.contains("belum memenuhi aturan kelulusan"))

            // a second one: proposed, listed on /outcomes, confirmed by the operator
            #expect(
                try await app.testing().submit(path, as: pendamping, ["date": "2026-11-01", "income": "Rp 2.600.000", "size": "4", "usaha": "1"])
                    .status == .seeOther)
            let page = try await app.testing().sendRequest(.GET, path, headers: op.browser)
            #expect(page.text.contains("Diusulkan mandiri/lulus") && page.text.contains("Rp 600.000, Rp 650.000"))
            let list = try await app.testing().sendRequest(.GET, "/outcomes", headers: op.browser)
            #expect(list.text.contains("Diusulkan mandiri/lulus (1)") && list.text.contains(path))
            #expect(
                try await app.testing().submit("/beneficiaries/\(person.id)/graduate", as: pendamping, ["note": "Sudah mandiri"]).status == .forbidden
            )
            let noNote = try await app.testing().submit("/beneficiaries/\(person.id)/graduate", as: op, ["note": "ok"])
            #expect(noNote.status == .unprocessableEntity && noNote.text.contains("id=\"note-error\""))
            let done = try await app.testing().submit(
                "/beneficiaries/\(person.id)/graduate", as: op, ["note": "Usaha tikar berjalan, tidak lagi bergantung bansos"])
            #expect(done.status == .seeOther)

            // then: mandiri in the register, audited, not proposed again, counted in the cohort
            #expect(try await FluentBeneficiaryRepository(database: app.db).find(id: person.id)?.status == .mandiri)
            let audit = try await FluentAuditLog(database: app.db).search(.init(entityID: person.id.uuidString)).entries
            #expect(audit.contains { $0.note?.hasPrefix("lulus: Pendapatan per kapita") == true })
            #expect(
                try await app.testing().submit("/beneficiaries/\(person.id)/graduate", as: op, ["note": "Sekali lagi untuk uji"]).status
                    == .unprocessableEntity)
            let after = try await app.testing().sendRequest(.GET, "/outcomes?per=skill", headers: op.browser)
            #expect(after.text.contains("Diusulkan mandiri/lulus (0)") && after.text.contains("17 % (1)"))
            let csv = try await app.testing().sendRequest(.GET, "/outcomes?per=kabkota&format=csv", headers: op.browser)
            #expect(csv.headers.contentType?.subType == "csv" && csv.text.contains(",16.02,6,1,600000,650000,1,"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/beneficiaries/\(person.id)/assessments", headers: op.bearer)
            let json = try api.jsonObject()
            #expect((json["assessments"] as? [[String: Any]])?.count == 2 && json["graduated_on"] as? String == "2026-11-30")
            let personCSV = try await app.testing().sendRequest(.GET, "\(path)?format=csv", headers: op.browser)
            #expect(personCSV.text.contains("2026-11-01,2600000,4,650000,,tidak,ya") || personCSV.text.contains("2026-11-01,2600000,4,650000,,ya,ya"))
            _ = group
        }
    }

    @Test("The admin changes the rule; bad values are refused; nobody else may")
    func rule() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            #expect(
                try await app.testing().submit("/outcomes/rule", as: op, ["poverty_line": "600000", "consecutive": "3", "decile_above": "4"]).status
                    == .forbidden)
            let bad = try await app.testing().submit(
                "/outcomes/rule", as: admin, ["poverty_line": "600000", "consecutive": "9", "decile_above": "4"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("berturut-turut 1–6"))
            #expect(
                try await app.testing().submit("/outcomes/rule", as: admin, ["poverty_line": "600.000", "consecutive": "3", "decile_above": "5"])
                    .status == .seeOther)
            #expect(
                try await FluentOutcomeRepository(database: app.db).graduationRule()
                    == GraduationRule(povertyLine: Rupiah(600_000), consecutive: 3, decileAbove: 5))
        }
    }
}
