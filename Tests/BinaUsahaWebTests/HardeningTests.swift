import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import SQLKit
import Testing
import VaporTesting

/// What a prober and a careless user tried: numbers and dates nobody expected, another
/// region's records, files of real size, hostile values. Each test names the defect it keeps out.
@Suite("Hardening: inputs nobody expected")
struct HardeningTests {
    func json(
        _ app: Application, _ method: HTTPMethod, _ path: String, as user: TestUser, _ body: [String: AnyEncodable]
    ) async throws
        -> TestingHTTPResponse
    {
        try await app.testing().sendRequest(method, path, headers: user.bearer, beforeRequest: { try $0.content.encode(body, as: .json) })
    }

    func errorCode(_ response: TestingHTTPResponse) -> String? {
        (try? response.jsonObject())?["error"].flatMap { ($0 as? [String: Any])?["code"] as? String }
    }

    @Test("Page numbers up to Int.max answer an empty page; negative ones page 1; numbers beyond Int are 400 — never a crash")
    func hugePageNumbers() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            try await app.makeWeavers(3)
            for path in [
                "/api/v1/beneficiaries?page=9223372036854775807", "/api/v1/audit?page=9223372036854775807",
                "/api/v1/beneficiaries?page=-9223372036854775808",
            ] {
                let response = try await app.testing().get(path, headers: admin.bearer)
                #expect(response.status == .ok, "\(path)")
            }
            let last = try await app.testing().get("/api/v1/beneficiaries?page=9223372036854775807", headers: admin.bearer)
            #expect((try last.jsonObject()["items"] as? [Any])?.isEmpty == true)
            #expect(try last.jsonObject()["total"] as? Int == 3)
            let first = try await app.testing().get("/api/v1/beneficiaries?page=-3", headers: admin.bearer)
            #expect((try first.jsonObject()["items"] as? [Any])?.count == 3)
            let search = try await json(app, .POST, "/api/v1/beneficiaries/search", as: admin, ["page": AnyEncodable(Int.max)])
            #expect(search.status == .ok)
            for path in ["/beneficiaries?page=9223372036854775807", "/audit?page=9223372036854775807"] {
                #expect(try await app.testing().get(path, headers: admin.browser).status == .ok, "\(path)")
            }
            let beyond = try await app.testing().get("/api/v1/beneficiaries?page=99999999999999999999", headers: admin.bearer)
            #expect(beyond.status == .badRequest)
        }
    }

    @Test("Every person appears exactly once when a list is walked page by page and in the export")
    func pageBoundaries() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let people = try await app.makeWeavers(120)
            var seen: [String] = []
            for page in 1...4 {
                let response = try await app.testing().get("/api/v1/beneficiaries?page=\(page)", headers: admin.bearer)
                let items = try #require(try response.jsonObject()["items"] as? [[String: Any]])
                #expect(items.count == [50, 50, 20, 0][page - 1])
                seen += items.compactMap { $0["id"] as? String }
            }
            #expect(seen.count == 120 && Set(seen) == Set(people.map(\.id.uuidString.localizedUppercase)))
            let html = try await app.testing().get("/beneficiaries?page=2", headers: admin.browser)
            #expect(html.text.components(separatedBy: "<tr").count - 2 == 50)
            let export = try await app.testing().get("/beneficiaries/export.csv", headers: admin.browser)
            let lines = export.text.split(separator: "\r\n").dropFirst()
            #expect(lines.count == 120)
            #expect(Set(lines.map { $0.split(separator: ",")[0] }).count == 120)
        }
    }

    @Test("Dates with digits of another script or numbers too large are a clear 422 or row error, through the API, imports and forms")
    func hostileDates() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007")
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            for date in ["01-99999999999999999999-1990", "١٩٩٠-٠١-٠١", "１９９０-01-01", "1990-1-", "-1-1990", "0001-01-01", "99999-01-01"] {
                let created = try await json(
                    app, .POST, "/api/v1/beneficiaries", as: admin,
                    [
                        "nik": AnyEncodable("1602035204850001"), "no_kk": AnyEncodable("1602031504120001"), "nama": AnyEncodable("Siti"),
                        "kode_desa": AnyEncodable("16.02.03.2007"), "kategori_ppks": AnyEncodable("24"), "tanggal_lahir": AnyEncodable(date),
                    ])
                #expect(created.status == .unprocessableEntity, "\(date)")
                #expect(created.text.contains("tanggal_lahir"), "\(date)")
                let csv = ImportBeneficiariesHeader.text + "1602035204850001,1602031504120001,Siti,P,,\(date),16.02.03.2007,,,,,24,,,,,\n"
                let preview = try await app.testing().sendRequest(
                    .POST, "/api/v1/beneficiaries/import?dry_run=true", headers: admin.bearer,
                    beforeRequest: { $0.body = ByteBuffer(string: csv) })
                #expect(preview.status == .ok)
                #expect(try preview.jsonObject()["rejected"] as? Int == 1, "\(date)")
                let programme = try await json(
                    app, .POST, "/api/v1/programmes", as: admin,
                    [
                        "name": AnyEncodable("Program"), "kabkota": AnyEncodable("16.02"), "year": AnyEncodable(2026), "budget": AnyEncodable(1),
                        "starts_on": AnyEncodable(date), "ends_on": AnyEncodable("2026-12-31"),
                    ])
                #expect(programme.status == .unprocessableEntity, "\(date)")
                let page = try await app.testing().submit(
                    "/programmes", as: admin, ["name": "P", "kabkota": "16.02", "starts": date, "ends": "2026-12-31"])
                #expect(page.status == .unprocessableEntity, "\(date)")
            }
        }
    }

    @Test("An existing NIK gets the same 409 whether its record is in the caller's region or another's")
    func nikTakenRevealsNothing() async throws {
        try await withTestApp { app in
            let oki = try await app.makePerson(desa: "16.02.03.2007", nik: "1602035204850001")
            let palembang = try await app.makePerson(desa: "16.71.01.1001", nik: "1671015204850001")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            var bodies: [String] = []
            var objects: [NSDictionary] = []
            for nik in [oki.details.nik, palembang.details.nik] {
                let response = try await json(
                    app, .POST, "/api/v1/beneficiaries", as: op,
                    [
                        "nik": AnyEncodable(nik), "no_kk": AnyEncodable("1602031504120009"), "nama": AnyEncodable("Orang Baru"),
                        "kode_desa": AnyEncodable("16.02.03.2007"), "kategori_ppks": AnyEncodable("24"),
                    ])
                #expect(response.status == .conflict)
                bodies.append(response.text)
                objects.append(try response.jsonObject() as NSDictionary)
            }
            #expect(objects[0] == objects[1])
            #expect(!bodies[1].contains("16.71") && !bodies[1].contains(palembang.details.name))
        }
    }

    @Test("The duplicates page pairs only people of the reader's region")
    func duplicatesStayInRegion() async throws {
        try await withTestApp { app in
            try await app.makePerson(desa: "16.02.03.2007", name: "Siti Aminah", nik: "1602035204850001", noKK: "1602031504120001")
            try await app.makePerson(desa: "16.02.03.2007", name: "Siti Aminah", nik: "1602035204850002", noKK: "1602031504120002")
            try await app.makePerson(desa: "16.71.01.1001", name: "Siti Aminah", nik: "1671015204850003", noKK: "1671011504120003")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let page = try await app.testing().get("/beneficiaries/duplicates", headers: op.browser)
            #expect(page.status == .ok)
            #expect(page.text.components(separatedBy: " ↔ ").count == 2)
            #expect(!page.text.contains("1671"))
        }
    }

    @Test("Exports and problem lists neutralise spreadsheet formulas")
    func formulasNeutralised() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            try await app.makePerson(desa: "16.02.03.2007", name: "=HYPERLINK(\"https://x.example\",\"klik\")")
            let export = try await app.testing().get("/beneficiaries/export.csv", headers: admin.browser)
            #expect(export.text.contains(",\"'=HYPERLINK(\"\"https://x.example\"\",\"\"klik\"\")\","))
            #expect(!export.text.split(separator: "\r\n").contains { $0.split(separator: ",").contains { "=+-@".contains($0.first ?? " ") } })
            #expect(CSVText.spreadsheetLine(["+62812", "-1", "@x", " =1", "biasa"]) == "'+62812,'-1,'@x,' =1,biasa\r\n")
        }
    }

    @Test(
        "After sign-in only a path of this site is followed",
        arguments: [
            ("/\t/evil.example", "/"), ("//evil.example", "/"), ("/\\evil.example", "/"), ("https://evil.example", "/"), ("/ /evil", "/"),
            ("/beneficiaries?page=2", "/beneficiaries?page=2"), ("/groups", "/groups"),
        ])
    func safeNext(next: String, expected: String) async throws {
        try await withTestApp { app in
            _ = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let response = try await app.testing().sendRequest(
                .POST, "/login",
                beforeRequest: { req in
                    req.headers.replaceOrAdd(name: "Cookie", value: "bu_csrf=t0ken")
                    try req.content.encode(["username": "admin", "password": testPassword, "next": next, "_csrf": "t0ken"], as: .urlEncodedForm)
                })
            #expect(response.headers.first(name: .location) == expected)
        }
    }

    @Test("Answers with personal data are not stored by caches; static files may be")
    func noStore() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            for path in ["/beneficiaries", "/", "/login"] {
                #expect(try await app.testing().get(path, headers: admin.browser).headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
            #expect(try await app.testing().get("/api/v1/beneficiaries", headers: admin.bearer).headers.first(name: .cacheControl) == "no-store")
            #expect(try await app.testing().get("/css/app.css").headers.first(name: .cacheControl) != "no-store")
        }
    }

    @Test(
        "Weak, blank and over-long passwords are refused with the reason",
        arguments: [
            ("1234567890", "terlalu mudah"), ("          ", "terlalu mudah"), ("aaaaaaaaaaaa", "terlalu mudah"), ("9876543210", "terlalu mudah"),
            (String(repeating: "kata-sandi-", count: 7), "72 byte"), ("pendek", "minimal 10"), ("bismillah123", "terlalu mudah"),
        ])
    func weakPasswords(password: String, reason: String) async throws {
        #expect(throws: UserRuleError.self) { try UserRules.validatePassword(password, username: "ani") }
        do { try UserRules.validatePassword(password, username: "ani") } catch { #expect(error.message(.id).contains(reason)) }
        #expect(throws: Never.self) { try UserRules.validatePassword("kopi-purun-sungai", username: "ani") }
    }

    @Test("Changing a password ends the user's other sessions and keeps the one it was changed from")
    func passwordChangeEndsOtherSessions() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let (otherCookie, _) = try await app.signIn("op.oki", password: testPassword)
            let changed = try await app.testing().submit(
                "/account/password", as: op,
                [
                    "current": testPassword, "new": "purun-tikar-pedamaran", "confirm": "purun-tikar-pedamaran",
                ])
            #expect(changed.status == .ok)
            #expect(try await app.testing().get("/beneficiaries", headers: op.browser).status == .ok)
            let other = try await app.testing().get("/beneficiaries", headers: ["Cookie": otherCookie])
            #expect(other.status == .seeOther || other.status == .found)
            let weak = try await app.testing().submit(
                "/account/password", as: op,
                [
                    "current": "purun-tikar-pedamaran", "new": "1234567890", "confirm": "1234567890",
                ])
            #expect(weak.status == .unprocessableEntity)
        }
    }

    @Test("API tokens expire and can be revoked")
    func tokensExpireAndRevoke() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let issue = IssueToken(transactor: app.transactor, secrets: .sha256, clock: .fixed(testNow.addingTimeInterval(-31 * 86_400)))
            let (_, expired) = try await issue(username: "op.oki", label: "lama", days: 30, by: .commandLine)
            #expect(try await app.testing().get("/api/v1/me", headers: ["Authorization": "Bearer \(expired)"]).status == .unauthorized)
            #expect(try await app.testing().get("/api/v1/me", headers: op.bearer).status == .ok)
            let revoked = try await RevokeTokens(transactor: app.transactor, clock: .fixed(testNow))(username: "op.oki", ids: nil, by: .commandLine)
            #expect(revoked.count == 2)
            #expect(try await app.testing().get("/api/v1/me", headers: op.bearer).status == .unauthorized)
            await #expect(throws: UserRuleError.tokenLifetime(400)) { try await issue(username: "op.oki", label: "x", days: 400, by: .commandLine) }
            let audit = try await FluentAuditLog(database: app.db).search(.init(entity: "api_token"))
            #expect(Set(audit.entries.map(\.action)) == [.tokenCreate, .tokenRevoke])
        }
    }

    @Test("Forty wrong passwords at once: only five are checked, the rest are throttled")
    func parallelGuesses() async throws {
        try await withTestApp(onDisk: true) { app in
            _ = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await app.testing().sendRequest(
                            .POST, "/login",
                            beforeRequest: { req in
                                req.headers.replaceOrAdd(name: "Cookie", value: "bu_csrf=t0ken")
                                try req.content.encode(
                                    ["username": "op.oki", "password": "salah-\(index)-tebakan", "_csrf": "t0ken"], as: .urlEncodedForm)
                            }
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == LoginThrottle.maximumFailures, "\(statuses.map(\.code).sorted())")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 40 - LoginThrottle.maximumFailures)
        }
    }

    @Test("Text fields refuse what only looks like digits: RT ½, a phone in full-width digits")
    func digitsOnly() throws {
        let context = BeneficiaryRowValidator.Context(
            today: CivilDate(year: 2026, month: 11, day: 30)!, isKnownDesa: { _ in true },
            isKnownPrefix: { _ in true }, interests: [], scope: nil)
        let validator = BeneficiaryRowValidator(context: context)
        let base = ["nik": "1602035204850001", "no_kk": "1602031504120001", "nama": "Siti", "kode_desa": "16.02.03.2007", "kategori_ppks": "24"]
        for (column, value) in [("rt", "½"), ("rw", "١٢"), ("telepon", "０８１２３４５６７８９"), ("telepon", "0812-abc-4567"), ("desil", "３")] {
            var row = base
            row[column] = value
            guard case let .failure(failure) = validator.validate(line: 2, row) else {
                Issue.record("\(column)=\(value) was accepted")
                continue
            }
            #expect(failure.problems.map(\.column) == [column])
        }
    }

    @Test("List filters the page does not offer are a 400 with the reason, not silently ignored")
    func badFilters() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            for query in ["status=bogus", "minat=%25", "minat=_", "desil=11", "ppks=0", "ppks=27"] {
                let api = try await app.testing().get("/api/v1/beneficiaries?\(query)", headers: admin.bearer)
                #expect(api.status == .badRequest, "\(query)")
                #expect(errorCode(api) == "bad_filter", "\(query)")
                #expect(try await app.testing().get("/beneficiaries?\(query)", headers: admin.browser).status == .badRequest, "\(query)")
            }
            #expect(try await app.testing().get("/api/v1/beneficiaries?status=calon&minat=anyaman", headers: admin.bearer).status == .ok)
        }
    }
}

enum ImportBeneficiariesHeader {
    static let text =
        "nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,kode_desa,alamat,rt,rw,telepon,kategori_ppks,desil,kepala_keluarga,disabilitas,minat,bantuan_sebelumnya\n"
}

@Suite("Stored values that do not read")
struct StoredValueTests {
    @Test("A corrupt stored value is an error that names the column, logged and shown — never a silent default")
    func corruptValues() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let person = try await app.makePerson(desa: "16.02.03.2007")
            let sql = app.db as! any SQLDatabase
            try await sql.update("beneficiaries").set("status", to: SQLBind("hilang")).where("id", .equal, SQLBind(person.id)).run()
            let api = try await app.testing().get("/api/v1/beneficiaries/\(person.id)", headers: admin.bearer)
            #expect(api.status == .internalServerError)
            let error = try #require(try api.jsonObject()["error"] as? [String: Any])
            #expect(error["code"] as? String == "stored_value")
            #expect((error["message"] as? String)?.contains("beneficiaries.status") == true)
            let page = try await app.testing().get("/beneficiaries/\(person.id)", headers: admin.browser)
            #expect(page.status == .internalServerError && page.text.contains("beneficiaries.status"))
            try await sql.update("audit_log").set("changes", to: SQLBind("bukan json")).run()
            let audit = try await app.testing().get("/api/v1/audit", headers: admin.bearer)
            #expect(audit.status == .internalServerError && audit.text.contains("audit_log.changes"))
        }
    }
}
