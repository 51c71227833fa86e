import BinaUsahaCLI
import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

@Suite("Registry over the API")
struct RegistryAPITests {
    /// A few thousand generated people in two OKI desa, every tenth row broken in one of ten ways.
    static func fileWithBadRows(count: Int) -> (csv: String, bad: [Int]) {
        var generator = PeopleGenerator(
            villages: [
                .init(code: RegionCode(trusted: "16.02.03.2007"), interests: ["anyaman"]),
                .init(code: RegionCode(trusted: "16.02.03.2005"), interests: ["anyaman"]),
            ],
            today: CivilDate(testNow), seed: 7)
        var csv = PeopleGenerator.header
        var bad: [Int] = []
        let breakages: [(inout [String]) -> Void] = [
            { $0[0] = String($0[0].prefix(15)) },  // NIK too short
            { $0[0] = String($0[0].prefix(6)) + "32" + $0[0].dropFirst(8) },  // impossible day
            { $0[1] = "" },  // no KK
            { $0[2] = "" },  // no name
            { $0[5] = "31-02-1980" },  // impossible date
            { $0[6] = "16.02.03.2999" },  // unknown desa
            { $0[11] = "99" },  // unknown PPKS
            { $0[12] = "11" },  // decile out of range
            { $0[15] = "bernyanyi" },  // interest not in the vocabulary
            { $0[10] = "12ab" },  // phone
        ]
        for index in 0..<count {
            var row = generator.nextRow()
            if index % 10 == 9 {
                breakages[(index / 10) % breakages.count](&row)
                bad.append(index + 2)
            }
            csv += CSVText.line(row)
        }
        return (csv, bad)
    }

    func post(_ app: Application, _ csv: String, dryRun: Bool, as user: TestUser) async throws -> [String: Any] {
        let response = try await app.testing().sendRequest(
            .POST, "/api/v1/beneficiaries/import?dry_run=\(dryRun)", headers: user.bearer,
            beforeRequest: { req in
                req.headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                req.body = ByteBuffer(string: csv)
            })
        #expect(response.status == .ok, "\(response.body.string.prefix(300))")
        return try response.jsonObject()
    }

    @Test("A file of 3,000 rows with 10 % bad: every good row in, every bad row reported, again changes nothing")
    func bulkImport() async throws {
        try await withTestApp { app in
            // given
            try await app.addDesa("16.02.03.2007")
            try await app.addDesa("16.02.03.2005")
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let (csv, bad) = Self.fileWithBadRows(count: 3_000)
            // when: dry run, then commit, then the same again
            let preview = try await post(app, csv, dryRun: true, as: admin)
            let first = try await post(app, csv, dryRun: false, as: admin)
            let second = try await post(app, csv, dryRun: false, as: admin)
            // then
            #expect(preview["inserted"] as? Int == 2_700)
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 2_700)
            #expect(first["total"] as? Int == 3_000)
            #expect(first["inserted"] as? Int == 2_700)
            #expect(first["rejected"] as? Int == 300)
            let errors = try #require(first["errors"] as? [[String: Any]])
            #expect(Set(errors.compactMap { $0["line"] as? Int }) == Set(bad))
            #expect(errors.allSatisfy { !(($0["message"] as? String) ?? "").isEmpty && $0["column"] is String })
            #expect(second["inserted"] as? Int == 0 && second["updated"] as? Int == 0 && second["unchanged"] as? Int == 2_700)
            // one audit record per committed import, with its counts
            let imports = try await FluentAuditLog(database: app.db).search(.init(entity: "beneficiary", action: .import)).entries
            #expect(imports.count == 2)
            #expect(imports.contains { $0.note?.contains("baru 2700") == true })
            #expect(imports.contains { $0.note?.contains("tidak berubah 2700") == true })
        }
    }

    @Test("An operator's rows outside their kab/kota are refused with the reason")
    func operatorScope() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007")
            try await app.addDesa("16.01.20.2001")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let csv =
                "nik,no_kk,nama,kode_desa,kategori_ppks\n1602035204850001,1602031504120001,Siti,16.02.03.2007,24\n"
                + "1601205204850001,1601201504120001,Rina,16.01.20.2001,24\n"
            let report = try await post(app, csv, dryRun: false, as: op)
            #expect(report["inserted"] as? Int == 1)
            let error = try #require((report["errors"] as? [[String: Any]])?.first)
            #expect(error["line"] as? Int == 3)
            #expect(error["message"] as? String == "desa 16.01.20.2001 di luar wilayah kerja Anda (16.02)")
        }
    }

    @Test("Another kab/kota's record is not found for an operator; a filter on it is forbidden")
    func otherRegion() async throws {
        try await withTestApp { app in
            let oku = try await app.makePerson(desa: "16.01.20.2001")
            let mine = try await app.makePerson(desa: "16.02.03.2007", name: "Rina Wati")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            #expect(try await app.testing().get("/api/v1/beneficiaries/\(oku.id)", headers: op.bearer).status == .notFound)
            #expect(try await app.testing().get("/api/v1/beneficiaries/\(mine.id)", headers: op.bearer).status == .ok)
            #expect(try await app.testing().get("/api/v1/beneficiaries?region=16.01", headers: op.bearer).status == .forbidden)
            let list = try await app.testing().get("/api/v1/beneficiaries", headers: op.bearer).jsonObject()
            #expect(list["total"] as? Int == 1)
            let lookup = try await app.testing().sendRequest(.POST, "/api/v1/beneficiaries/lookup", headers: op.bearer) { req in
                try req.content.encode(["nik": oku.details.nik])
            }
            #expect(lookup.status == .notFound)
        }
    }

    @Test("A pendamping sees masked NIK, KK and phone; an operator sees them whole")
    func masking() async throws {
        try await withTestApp { app in
            let person = try await app.makePerson(desa: "16.02.03.2007")
            let pendamping = try await app.makeUser("pend", role: .pendamping, region: "16.02.03")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let masked = try await app.testing().get("/api/v1/beneficiaries/\(person.id)", headers: pendamping.bearer).jsonObject()
            #expect(masked["nik"] as? String == PersonalDataMask.identityNumber(person.details.nik))
            #expect((masked["nik"] as? String)?.contains("**********") == true)
            #expect(masked["telepon"] as? String == "0812******90")
            #expect(masked["alamat"] == nil || masked["alamat"] is NSNull)
            let whole = try await app.testing().get("/api/v1/beneficiaries/\(person.id)", headers: op.bearer).jsonObject()
            #expect(whole["nik"] as? String == person.details.nik)
            // pages too
            let page = try await app.testing().get("/beneficiaries/\(person.id)", headers: pendamping.browser)
            #expect(!page.text.contains(person.details.nik))
            #expect(page.text.contains(PersonalDataMask.identityNumber(person.details.nik)))
        }
    }

    @Test("Search by name ignores case and accents and matches any word's start; NIK goes in the body")
    func search() async throws {
        try await withTestApp { app in
            try await app.makePerson(desa: "16.02.03.2007", name: "Siti Aminah")
            try await app.makePerson(desa: "16.02.03.2007", name: "Nur Aisyah", birth: "1990-01-02")
            let target = try await app.makePerson(desa: "16.02.03.2007", name: "Nyayu Fātimah", birth: "1991-03-04")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            func names(_ query: String) async throws -> [String] {
                let body = try await app.testing().sendRequest(.POST, "/api/v1/beneficiaries/search", headers: op.bearer) { req in
                    try req.content.encode(["name": query])
                }.jsonObject()
                return (body["items"] as? [[String: Any]] ?? []).compactMap { $0["nama"] as? String }
            }
            #expect(try await names("SITI") == ["Siti Aminah"])
            #expect(try await names("aisy") == ["Nur Aisyah"])
            #expect(try await names("fatim") == ["Nyayu Fātimah"])
            let found = try await app.testing().sendRequest(.POST, "/api/v1/beneficiaries/lookup", headers: op.bearer) { req in
                try req.content.encode(["nik": target.details.nik])
            }.jsonObject()
            #expect(found["nama"] as? String == "Nyayu Fātimah")
        }
    }

    @Test("Two people editing one record: the second save gets 409 and a clear message")
    func staleWrite() async throws {
        try await withTestApp { app in
            let person = try await app.makePerson(desa: "16.02.03.2007")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            var input = BeneficiaryForm(person).fields
            input["nama"] = "Siti Aminah Binti Ali"
            func put(_ version: Int) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.PUT, "/api/v1/beneficiaries/\(person.id)", headers: op.bearer) { req in
                    var body: [String: String] = input
                    body["version"] = nil
                    try req.content.encode(API_Input(fields: body, version: version), as: .json)
                }
            }
            #expect(try await put(1).status == .ok)
            let stale = try await put(1)
            #expect(stale.status == .conflict)
            let error = try stale.jsonObject()["error"] as? [String: Any]
            #expect(error?["code"] as? String == "stale_version")
            #expect((error?["message"] as? String)?.hasPrefix("Data ini sudah diubah orang lain") == true)
        }
    }

    @Test("Create with validation, then delete with the version; both audited")
    func createAndDelete() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let bad = try await app.testing().sendRequest(.POST, "/api/v1/beneficiaries", headers: op.bearer) { req in
                try req.content.encode(["nik": "123", "nama": "Siti", "kode_desa": "16.02.03.2007"])
            }
            #expect(bad.status == .unprocessableEntity)
            #expect((try bad.jsonObject()["error"] as? [String: Any])?["message"] as? String != nil)
            let created = try await app.testing().sendRequest(.POST, "/api/v1/beneficiaries", headers: op.bearer) { req in
                try req.content.encode([
                    "nik": "1602035204850001", "no_kk": "1602031504120001", "nama": "Siti Aminah",
                    "kode_desa": "16.02.03.2007", "kategori_ppks": "Fakir Miskin",
                ])
            }
            #expect(created.status == .created)
            let id = try #require(try created.jsonObject()["id"] as? String)
            let again = try await app.testing().sendRequest(.POST, "/api/v1/beneficiaries", headers: op.bearer) { req in
                try req.content.encode([
                    "nik": "1602035204850001", "no_kk": "1602031504120001", "nama": "Siti Lain",
                    "kode_desa": "16.02.03.2007", "kategori_ppks": "24",
                ])
            }
            #expect(again.status == .conflict)
            #expect(try await app.testing().sendRequest(.DELETE, "/api/v1/beneficiaries/\(id)", headers: op.bearer).status == .unprocessableEntity)
            let noReason = try await app.testing().sendRequest(.DELETE, "/api/v1/beneficiaries/\(id)?version=1", headers: op.bearer)
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.text.contains("reason_required"))
            #expect(
                try await app.testing().sendRequest(.DELETE, "/api/v1/beneficiaries/\(id)?version=1&reason=salah%20input", headers: op.bearer).status
                    == .noContent)
            let actions = try await FluentAuditLog(database: app.db).search(.init(entityID: id)).entries.map(\.action)
            #expect(Set(actions) == [.create, .delete])
        }
    }
}

/// The update body: the fields plus the version that was read.
struct API_Input: Encodable {
    var fields: [String: String]
    var version: Int

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in fields { try container.encode(value, forKey: Key(key)) }
        try container.encode(version, forKey: Key("version"))
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
