import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Partners, their commitments and realisations; a partner's account sees its groups'
/// figures and never a member's personal data.
@Suite("Partners and their support")
struct PartnerTests {
    @Test(
        "An operator records a partner, a commitment for two groups and its realisations; never more than promised; the mitra sees its groups without personal data"
    )
    func partnerFlow() async throws {
        try await withTestApp { app in
            // given: two active groups in OKI with a month of production, an OKI operator, the admin and a mitra account
            let first = try await app.makeGroup(
                desa: "16.02.03.2007", members: try await app.makeWeavers(6, interests: ["anyaman"]), active: true)
            let second = try await app.makeGroup(
                desa: "16.02.03.2001", members: try await app.makeWeavers(6, desa: "16.02.03.2001", first: 30), active: true)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let mitra = try await app.makeUser("bank.sumsel", role: .mitra, region: nil)
            #expect(
                try await app.testing().submit("/groups/\(first.id)/ledger", as: op, LedgerTests.month("2026-11", version: 0)).status == .seeOther)

            // when: a partner with a bad phone, then a good one outside the operator's kab/kota, then a good one
            let badPhone = try await app.testing().submit(
                "/partners", as: op, ["name": "Bank \"Sumsel\" Babel", "kind": "bank_kur", "contact_phone": "12ab", "regions[]": "16.02"])
            #expect(badPhone.status == .unprocessableEntity && badPhone.text.contains("id=\"contact_phone-error\""))
            #expect(badPhone.text.contains("value=\"Bank &quot;Sumsel&quot; Babel\""))
            let outside = try await app.testing().submit(
                "/partners", as: op, ["name": "Bank Sumsel Babel", "kind": "bank_kur", "regions[]": "16.01"])
            #expect(outside.status == .unprocessableEntity && outside.text.contains("di luar wilayah Anda"))
            let created = try await app.testing().submit(
                "/partners", as: op, ["name": "Bank Sumsel Babel", "kind": "bank_kur", "contact_phone": "0711 123456", "regions[]": "16.02"])
            #expect(created.status == .seeOther)
            let partner = try #require(try await FluentPartnerRepository(database: app.db).partners(within: nil).first)
            #expect(partner.contactPhone == "0711123456" && partner.regions == [RegionCode(trusted: "16.02")])

            // and: a commitment of Rp 10.000.000 for both groups, then realisations
            let commitment = try await app.testing().submit(
                "/partners/\(partner.id)/commitments", as: op,
                [
                    "type": "dana", "description": "Modal kerja KUBE anyaman", "value": "Rp 10.000.000", "starts": "2026-01-01", "ends": "2026-12-31",
                    "kabkota": "16.02", "groups[]": first.id.uuidString, "quantity": "20", "unit": "alat tenun",
                ])
            #expect(commitment.status == .seeOther)
            let status = try #require(try await FluentPartnerRepository(database: app.db).commitments(ofPartner: partner.id).first)
            #expect(status.commitment.quantity == 20 && status.commitment.unit == "alat tenun")
            let noUnit = try await app.testing().submit(
                "/partners/\(partner.id)/commitments", as: op,
                [
                    "type": "peralatan", "description": "Mesin jahit", "value": "5000000", "starts": "2026-01-01", "ends": "2026-12-31",
                    "kabkota": "16.02", "quantity": "3",
                ])
            #expect(noUnit.status == .unprocessableEntity && noUnit.text.contains("id=\"quantity-error\"") && noUnit.text.contains("Tulis satuannya"))
            let path = "/partners/\(partner.id)/commitments/\(status.commitment.id)/realisations"
            #expect(
                try await app.testing().submit(path, as: op, ["date": "2026-06-01", "value": "6.000.000", "note": "Tahap 1"]).status == .seeOther)
            let over = try await app.testing().submit(path, as: op, ["date": "2026-07-01", "value": "5.000.000"])
            #expect(over.status == .unprocessableEntity && over.text.contains("melebihi sisa komitmen (Rp 4.000.000)"))
            let future = try await app.testing().submit(path, as: op, ["date": "2027-01-01", "value": "1.000.000"])
            #expect(future.status == .unprocessableEntity && future.text.contains("belum tiba"))
            #expect(try await app.testing().submit(path, as: op, ["date": "2026-07-01", "value": "4.000.000"]).status == .seeOther)

            // then: committed vs realised per kab/kota and partner for the year
            let list = try await app.testing().sendRequest(.GET, "/partners?tahun=2026", headers: op.browser)
            #expect(list.text.contains("Rp 10.000.000") && list.text.contains("100 %"))
            let csv = try await app.testing().sendRequest(.GET, "/partners?tahun=2026&format=csv&bagian=kabkota", headers: op.browser)
            #expect(csv.headers.contentType?.subType == "csv" && csv.text.contains("2026,16.02,") && csv.text.contains(",10000000,10000000"))
            let realised = try await FluentPartnerRepository(database: app.db).commitments(within: RegionCode(trusted: "16.02"))
            #expect(realised.allSatisfy { $0.realised <= $0.commitment.value } && realised.first?.realised == Rupiah(10_000_000))

            // when: the admin links the mitra account; then the mitra's home shows the supported group and its figures, no names or NIKs
            #expect(
                try await app.testing().submit("/partners/\(partner.id)/accounts", as: admin, ["user": mitra.user.id.uuidString, "version": "1"])
                    .status
                    == .seeOther)
            let home = try await app.testing().sendRequest(.GET, "/", headers: mitra.browser)
            #expect(home.text.contains("Bank Sumsel Babel") && home.text.contains(first.name) && !home.text.contains(second.name))
            #expect(home.text.contains("Rp 1.050.000") && home.text.contains("2,6×"))
            #expect(!home.text.contains("Warga 1") && !home.text.contains("160203"))
            #expect(home.text.contains("/mitra/groups/\(first.id)"))
            let groupPage = try await app.testing().sendRequest(.GET, "/mitra/groups/\(first.id)", headers: mitra.browser)
            #expect(groupPage.status == .ok && groupPage.text.contains("November 2026") && groupPage.text.contains("Rp 1.050.000"))
            #expect(!groupPage.text.contains("Warga") && !groupPage.text.contains("/beneficiaries/"))
            #expect(try await app.testing().sendRequest(.GET, "/mitra/groups/\(second.id)", headers: mitra.browser).status == .notFound)
            let mitraCSV = try await app.testing().sendRequest(.GET, "/mitra?format=csv", headers: mitra.browser)
            #expect(mitraCSV.text.contains(first.name) && mitraCSV.text.contains(",1050000,") && !mitraCSV.text.contains("Warga"))
            #expect(try await app.testing().sendRequest(.GET, "/partners", headers: mitra.browser).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/groups/\(first.id)", headers: mitra.browser).status == .forbidden)

            // the audit trail has the partner, the commitment and each realisation
            let entities = try await FluentAuditLog(database: app.db).search(.init()).entries.map(\.entity)
            #expect(entities.filter { $0 == "realisation" }.count == 2 && entities.contains("commitment") && entities.contains("partner"))
        }
    }

    @Test("Two realisations at once that together exceed the commitment: at most one is recorded")
    func concurrentRealisations() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let principal = Principal(userID: op.user.id, username: op.user.username, role: .operatorKabkota, region: RegionCode(trusted: "16.02"))
            let writes = PartnerWrites(transactor: app.transactor, clock: .fixed(testNow))
            let partner = try await writes.createPartner(
                Partner(name: "CSR Pusri", kind: .csrPerusahaan, regions: [RegionCode(trusted: "16.02")]), by: principal)
            let commitment = try await writes.recordCommitment(
                Commitment(
                    partner: partner.id, type: .peralatan, description: "Alat tenun", value: Rupiah(1_000_000),
                    startsOn: CivilDate(year: 2026, month: 1, day: 1)!,
                    endsOn: CivilDate(year: 2026, month: 12, day: 31)!, kabupatenKota: RegionCode(trusted: "16.02"), groups: []), by: principal)
            for _ in 0..<3 {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<2 {
                        group.addTask {
                            _ = try? await writes.recordRealisation(
                                of: commitment.id, date: CivilDate(year: 2026, month: 11, day: 1)!, value: Rupiah(400_000), note: "", by: principal)
                        }
                    }
                }
            }
            let status = try #require(try await FluentPartnerRepository(database: app.db).commitments(ofPartner: partner.id).first)
            #expect(status.realised.amount <= 1_000_000 && status.realised.amount == Int64(status.realisations.count) * 400_000)
            #expect(status.realisations.count == 2)
        }
    }

    @Test("Over the API: a partner, a commitment and a realisation; other kab/kota's operator sees nothing; hostile values 4xx")
    func api() async throws {
        try await withTestApp { app in
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: try await app.makeWeavers(6), active: true)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let oku = try await app.makeUser("op.oku", role: .operatorKabkota, region: "16.01")
            func post(_ path: String, _ json: String, as user: TestUser) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, path, headers: user.bearer,
                    beforeRequest: { req in
                        req.headers.contentType = .json
                        req.body = ByteBuffer(string: json)
                    })
            }
            let created = try await post("/api/v1/partners", #"{"name": "Dekranasda OKI", "kind": "dekranasda", "regions": ["16.02"]}"#, as: op)
            #expect(created.status == .created)
            let id = try #require(try created.jsonObject()["id"] as? String)
            #expect(
                try await post("/api/v1/partners", #"{"name": "X", "kind": "alien", "regions": ["16.02"]}"#, as: op).status == .unprocessableEntity)
            #expect(try await post("/api/v1/partners", #"{"name": "X", "kind": "lsm", "regions": ["16.xx"]}"#, as: op).status == .unprocessableEntity)
            let commitment = try await post(
                "/api/v1/partners/\(id)/commitments",
                """
                {"type": "offtake", "description": "Membeli tikar untuk gerai", "value": 5000000, "starts_on": "2026-01-01", "ends_on": "2026-12-31",
                 "kabupaten_kota": "16.02", "groups": ["\(group.id)"]}
                """, as: op)
            #expect(commitment.status == .created)
            let cid = try #require(try commitment.jsonObject()["id"] as? String)
            #expect(
                try await post("/api/v1/commitments/\(cid)/realisations", #"{"date": "2026-11-02", "value": 2000000}"#, as: op).status == .created)
            #expect(
                try await post("/api/v1/commitments/\(cid)/realisations", #"{"date": "2026-11-02", "value": 9223372036854775807}"#, as: op).status
                    == .unprocessableEntity)
            #expect(try await post("/api/v1/commitments/\(cid)/realisations", #"{"date": "2026-11-02", "value": 1}"#, as: oku).status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/partners/\(id)", headers: oku.bearer).status == .notFound)
            let got = try await app.testing().sendRequest(.GET, "/api/v1/partners/\(id)", headers: op.bearer)
            let commitments = try #require(try got.jsonObject()["commitments"] as? [[String: Any]])
            #expect(commitments.first?["realised"] as? Int == 2_000_000)
        }
    }
}
