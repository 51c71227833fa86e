import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// A group's month of production and sales, entered in one submit; a kab/kota's month closed
/// by its operator and corrected only with a reason; the summaries reconcile with the groups.
@Suite("Production and sales ledger")
struct LedgerTests {
    /// A month of a weaving group as its form sends it.
    static func month(
        _ month: String, version: Int, made: Int = 40, sold: Int = 30, price: String = "35.000", modal: String = "200000", iks: String = "50000"
    )
        -> [String: String]
    {
        [
            "bulan": month, "version": String(version),
            "prod_0_product": "Tikar purun", "prod_0_unit": "lembar", "prod_0_qty": String(made), "prod_0_cost": "Rp 400.000",
            "sale_0_product": "Tikar purun", "sale_0_channel": "pasar_lokal", "sale_0_qty": String(sold), "sale_0_price": price,
            "cost_transport": "50.000", "cost_kemasan": "",
            "modal": modal, "iks": iks,
        ]
    }

    @Test("A pendamping records a month for a group of 10 in one submit; the figures reconcile and the page shows them in Rupiah")
    func recordMonth() async throws {
        try await withTestApp { app in
            // given: an active group of 10 in OKI with its pendamping
            let members = try await app.makeWeavers(10)
            let pendamping = try await app.makeUser("pend.oki", role: .pendamping, region: "16.02.03")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: members, active: true, pendamping: pendamping.user.id)

            // when: the month is sent in one submit
            let saved = try await app.testing().submit("/groups/\(group.id)/ledger", as: pendamping, Self.month("2026-11", version: 0))

            // then: stored; revenue − costs = profit; capital + welfare + IKS = profit; the members' incomes add up to the welfare share
            #expect(saved.status == .seeOther)
            let ledger = try #require(
                try await FluentLedgerRepository(database: app.db).find(group: group.id, month: YearMonth(year: 2026, month: 11)!))
            #expect(ledger.revenue == Rupiah(1_050_000) && ledger.materialCost == Rupiah(400_000) && ledger.otherCost == Rupiah(50_000))
            #expect(ledger.profit == Rupiah(600_000))
            #expect(ledger.allocation == ProfitAllocation(modal: Rupiah(200_000), kesejahteraan: Rupiah(350_000), iks: Rupiah(50_000)))
            #expect(ledger.memberIncomes.count == 10 && ledger.memberIncomes.values.reduce(0) { $0 + $1.amount } == 350_000)
            #expect(ledger.valueAdded == 2.625)
            let page = try await app.testing().sendRequest(.GET, "/groups/\(group.id)/ledger?bulan=2026-11&disimpan=1", headers: pendamping.browser)
            #expect(page.text.contains("November 2026 disimpan") && page.text.contains("Rp 1.050.000") && page.text.contains("Rp 600.000"))
            #expect(page.text.contains("2,6×") && page.text.contains("inputmode=\"numeric\""))
            let audit = try await FluentAuditLog(database: app.db).search(.init(entityID: ledger.id.uuidString)).entries
            #expect(audit.count == 1 && audit.first?.changes.contains { $0.field == "profit" && $0.after == "600000" } == true)
            let csv = try await app.testing().sendRequest(.GET, "/groups/\(group.id)/ledger?format=csv", headers: pendamping.browser)
            #expect(
                csv.headers.contentType?.subType == "csv" && csv.text.contains("2026-11,1050000,400000,50000,600000,200000,350000,50000,40,30,2.62,0")
            )

            // when: saved again with the version it was read at, and once more with that stale version
            #expect(
                try await app.testing().submit("/groups/\(group.id)/ledger", as: pendamping, Self.month("2026-11", version: 1, sold: 35)).status
                    == .seeOther)
            let stale = try await app.testing().submit("/groups/\(group.id)/ledger", as: pendamping, Self.month("2026-11", version: 1, sold: 20))

            // then: 409, the figures typed are still in the form, and the stored month is the second one
            #expect(stale.status == .conflict && stale.text.contains("baru saja disimpan orang lain") && stale.text.contains("value=\"20\""))
            #expect(
                try await FluentLedgerRepository(database: app.db).find(group: group.id, month: YearMonth(year: 2026, month: 11)!)?.unitsSold == 35)
        }
    }

    @Test(
        "Bad input is refused next to its section and what was typed stays: negatives, price 0, a sale larger than stock, a future month, too much allocated"
    )
    func badInput() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: try await app.makeWeavers(6), active: true)
            let path = "/groups/\(group.id)/ledger"
            let cases: [([String: String], String)] = [
                (Self.month("2026-11", version: 0, made: -5, sold: 0), "tidak boleh negatif"),
                (Self.month("2026-11", version: 0, price: "0"), "masih Rp 0 padahal ada yang terjual"),
                (Self.month("2026-11", version: 0, made: 10, sold: 12), "melebihi stok (10"),
                (Self.month("2026-12", version: 0), "Desember 2026 belum tiba"),
                (Self.month("2026-11", version: 0, modal: "900000"), "melebihi laba Rp 600.000"),
                (Self.month("2026-11", version: 0, made: 999_999_999_999, sold: 0), "angka terlalu besar"),
                (Self.month("2026-11", version: 0).merging(["prod_0_qty": "dua puluh"]) { $1 }, "&quot;dua puluh&quot; bukan angka"),
                (Self.month("2026-11", version: 0).merging(["bulan": "2026-13"]) { $1 }, "bukan bulan"),
            ]
            for (fields, message) in cases {
                let response = try await app.testing().submit(path, as: op, fields)
                #expect(response.status == .unprocessableEntity, "\(message)")
                #expect(response.text.contains(message), "\(message)")
                #expect(response.text.contains("class=\"field-error\"") && response.text.contains("value=\"Tikar purun\""), "\(message)")
            }
            #expect(try await FluentLedgerRepository(database: app.db).months(ofGroup: group.id).isEmpty)

            // a loss allocates nothing: capital and IKS must be 0, and with 0 the month saves with no income
            let loss = Self.month("2026-11", version: 0, sold: 5, price: "20.000", modal: "0", iks: "0")
            #expect(try await app.testing().submit(path, as: op, loss).status == .seeOther)
            let stored = try #require(
                try await FluentLedgerRepository(database: app.db).find(group: group.id, month: YearMonth(year: 2026, month: 11)!))
            #expect(stored.profit == Rupiah(-350_000) && stored.allocation == .none && stored.memberIncomes.values.allSatisfy { $0.amount == 0 })
        }
    }

    @Test(
        "What is due shows where people start: the pendamping's groups without this month, the operator's groups without last month and the month to close"
    )
    func due() async throws {
        try await withTestApp { app in
            let members = try await app.makeWeavers(6)
            let pendamping = try await app.makeUser("pend.oki", role: .pendamping, region: "16.02.03")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: members, active: true, pendamping: pendamping.user.id)
            let pendampingHome = try await app.testing().sendRequest(.GET, "/", headers: pendamping.browser)
            #expect(pendampingHome.text.contains("Produksi dan penjualan November 2026 belum dicatat"))
            #expect(pendampingHome.text.contains("/groups/\(group.id)/ledger?bulan=2026-11"))
            let operatorHome = try await app.testing().sendRequest(.GET, "/", headers: op.browser)
            #expect(
                operatorHome.text.contains("Belum mencatat produksi dan penjualan bulan lalu") && operatorHome.text.contains("ledger?bulan=2026-10"))
            #expect(operatorHome.text.contains("Bulan yang dapat ditutup") && operatorHome.text.contains("0 dari 1 KUBE aktif sudah mencatat"))

            // once recorded and closed, neither is due any more
            #expect(
                try await app.testing().submit("/groups/\(group.id)/ledger", as: pendamping, Self.month("2026-11", version: 0)).status == .seeOther)
            #expect(
                try await app.testing().submit(
                    "/groups/\(group.id)/ledger", as: op, Self.month("2026-10", version: 0, sold: 10, modal: "0", iks: "0")
                ).status
                    == .seeOther)
            #expect(try await app.testing().submit("/ledger/close", as: op, ["bulan": "2026-10", "kabkota": "16.02"]).status == .seeOther)
            #expect(!(try await app.testing().sendRequest(.GET, "/", headers: pendamping.browser)).text.contains("belum dicatat"))
            let after = try await app.testing().sendRequest(.GET, "/", headers: op.browser)
            #expect(!after.text.contains("Bulan yang dapat ditutup") && !after.text.contains("Belum mencatat produksi"))
        }
    }

    @Test("Writers at once: two first saves of one group's month give one 303 and one 409; eight groups saving together keep the sums exact")
    func writersAtOnce() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            var groups: [KUBEGroup] = []
            for index in 0..<8 {
                let members = try await app.makeWeavers(5, first: 100 + index * 10)
                groups.append(try await app.makeGroup(desa: "16.02.03.2007", members: members, active: true))
            }
            let same = groups[0].id
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { tasks in
                for _ in 0..<2 {
                    tasks.addTask { try await app.testing().submit("/groups/\(same)/ledger", as: op, Self.month("2026-11", version: 0)).status.code }
                }
                for group in groups.dropFirst() {
                    tasks.addTask {
                        try await app.testing().submit("/groups/\(group.id)/ledger", as: op, Self.month("2026-11", version: 0)).status.code
                    }
                }
                return try await tasks.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 303 }.count == 8 && statuses.filter { $0 == 409 }.count == 1, "\(statuses)")
            let store = FluentLedgerRepository(database: app.db)
            let month = YearMonth(year: 2026, month: 11)!
            var sum = LedgerTotals(key: "16.02")
            for group in groups { sum.add(LedgerTotals(try #require(try await store.find(group: group.id, month: month)), key: "16.02")) }
            #expect(try await store.totals(within: nil, from: month, to: month, by: .kabupatenKota).first == sum)
            #expect(sum.groupMonths == 8)
        }
    }

    @Test("Stock carries over months, and changing an earlier month may not leave a later month selling what was never made")
    func stockAcrossMonths() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: try await app.makeWeavers(6), active: true)
            let path = "/groups/\(group.id)/ledger"
            #expect(
                try await app.testing().submit(path, as: op, Self.month("2026-10", version: 0, made: 40, sold: 10, modal: "0", iks: "0")).status
                    == .seeOther)
            // November sells 35 of 30 left + 10 made
            #expect(try await app.testing().submit(path, as: op, Self.month("2026-11", version: 0, made: 10, sold: 35)).status == .seeOther)
            // October reduced to 20 made: November would sell 35 of 20 − 10 + 10
            let earlier = try await app.testing().submit(path, as: op, Self.month("2026-10", version: 1, made: 20, sold: 10, modal: "0", iks: "0"))
            #expect(earlier.status == .unprocessableEntity && earlier.text.contains("Tikar purun (November 2026)"))
        }
    }

    @Test("The operator closes a month; after that only an operator's correction with a reason changes it, listed and audited")
    func closeAndCorrect() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let members = try await app.makeWeavers(8)
            let pendamping = try await app.makeUser("pend.oki", role: .pendamping, region: "16.02.03")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: members, active: true, pendamping: pendamping.user.id)
            let path = "/groups/\(group.id)/ledger"
            #expect(try await app.testing().submit(path, as: pendamping, Self.month("2026-10", version: 0)).status == .seeOther)

            // the current month cannot be closed; a pendamping cannot close at all; October closes once
            let early = try await app.testing().submit("/ledger/close", as: op, ["bulan": "2026-11", "kabkota": "16.02"])
            #expect(early.status == .unprocessableEntity && early.text.contains("November 2026 belum berakhir"))
            #expect(try await app.testing().submit("/ledger/close", as: pendamping, ["bulan": "2026-10", "kabkota": "16.02"]).status == .forbidden)
            let other = try await app.testing().submit("/ledger/close", as: op, ["bulan": "2026-10", "kabkota": "16.01"])
            #expect(other.status == .unprocessableEntity)
            let closed = try await app.testing().submit("/ledger/close", as: op, ["bulan": "2026-10", "kabkota": "16.02"])
            #expect(closed.status == .seeOther)
            let summary = try await app.testing().sendRequest(.GET, "/ledger?bulan=2026-10", headers: op.browser)
            #expect(summary.text.contains("Ditutup") && !summary.text.contains("action=\"/ledger/close\""))

            // the pendamping's change is refused; the operator's needs a reason
            let late = try await app.testing().submit(path, as: pendamping, Self.month("2026-10", version: 1, sold: 35))
            #expect(late.status == .unprocessableEntity && late.text.contains("sudah ditutup operator"))
            let noReason = try await app.testing().submit(path, as: op, Self.month("2026-10", version: 1, sold: 35))
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("id=\"alasan-error\""))
            let corrected = try await app.testing().submit(
                path, as: op, Self.month("2026-10", version: 1, sold: 35).merging(["alasan": "Nota penjualan pasar kalah dihitung"]) { $1 })
            #expect(corrected.status == .seeOther)

            // then: the month shows the correction with its reason and the figures before and after
            let page = try await app.testing().sendRequest(.GET, "\(path)?bulan=2026-10", headers: op.browser)
            #expect(page.text.contains("Nota penjualan pasar kalah dihitung") && page.text.contains("omzet Rp 1.050.000 → Rp 1.225.000"))
            let ledger = try #require(
                try await FluentLedgerRepository(database: app.db).find(group: group.id, month: YearMonth(year: 2026, month: 10)!))
            #expect(ledger.adjustments == 1 && ledger.version == 2)
            let audit = try await FluentAuditLog(database: app.db).search(.init(entityID: ledger.id.uuidString)).entries
            #expect(audit.contains { $0.note?.contains("koreksi: Nota penjualan") == true })
        }
    }

    @Test("Another kab/kota's staff neither see nor write a group's month; a pendamping only writes their own groups")
    func regions() async throws {
        try await withTestApp { app in
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: try await app.makeWeavers(6), active: true)
            let oku = try await app.makeUser("op.oku", role: .operatorKabkota, region: "16.01")
            let other = try await app.makeUser("pend.lain", role: .pendamping, region: "16.02.03")
            #expect(try await app.testing().sendRequest(.GET, "/groups/\(group.id)/ledger", headers: oku.browser).status == .notFound)
            #expect(try await app.testing().submit("/groups/\(group.id)/ledger", as: oku, Self.month("2026-11", version: 0)).status == .notFound)
            #expect(try await app.testing().submit("/groups/\(group.id)/ledger", as: other, Self.month("2026-11", version: 0)).status == .forbidden)
            let api = try await app.testing().sendRequest(.GET, "/api/v1/groups/\(group.id)/ledger", headers: oku.bearer)
            #expect(api.status == .notFound)
            #expect(try await FluentLedgerRepository(database: app.db).months(ofGroup: group.id).isEmpty)
        }
    }

    @Test("Value added per kab/kota equals the sums of its groups, on the page, in the CSV and in the API")
    func summaries() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let oki = try await app.makeGroup(desa: "16.02.03.2007", members: try await app.makeWeavers(6), active: true)
            let oki2 = try await app.makeGroup(
                desa: "16.02.03.2001", members: try await app.makeWeavers(6, desa: "16.02.03.2001", first: 20), active: true)
            let oku = try await app.makeGroup(
                desa: "16.01.01.2001", members: try await app.makeWeavers(6, desa: "16.01.01.2001", first: 40), active: true)
            #expect(try await app.testing().submit("/groups/\(oki.id)/ledger", as: admin, Self.month("2026-11", version: 0)).status == .seeOther)
            #expect(
                try await app.testing().submit(
                    "/groups/\(oki2.id)/ledger", as: admin,
                    Self.month("2026-11", version: 0, made: 10, sold: 10, price: "60.000", modal: "0", iks: "0")
                )
                .status == .seeOther)
            #expect(
                try await app.testing().submit("/groups/\(oku.id)/ledger", as: admin, Self.month("2026-11", version: 0, sold: 20)).status == .seeOther
            )

            let store = FluentLedgerRepository(database: app.db)
            let month = YearMonth(year: 2026, month: 11)!
            let rows = try await store.totals(within: nil, from: month, to: month, by: .kabupatenKota)
            let okiRow = try #require(rows.first { $0.key == "16.02" })
            var sum = LedgerTotals(key: "16.02")
            for group in [oki, oki2] { sum.add(LedgerTotals(try #require(try await store.find(group: group.id, month: month)), key: "16.02")) }
            #expect(okiRow == sum)
            #expect(okiRow.revenue == Rupiah(1_050_000 + 600_000) && okiRow.materialCost == Rupiah(800_000))
            #expect(okiRow.valueAdded == Double(1_650_000) / Double(800_000))
            #expect(rows.count == 2)

            // a month saved again (and a loss elsewhere) moves the kept sums with it: still the sum of the groups, per skill too
            #expect(
                try await app.testing().submit(
                    "/groups/\(oki.id)/ledger", as: admin, Self.month("2026-11", version: 1, sold: 12, modal: "0", iks: "0")
                )
                .status == .seeOther)
            var again = LedgerTotals(key: "16.02")
            for group in [oki, oki2] { again.add(LedgerTotals(try #require(try await store.find(group: group.id, month: month)), key: "16.02")) }
            #expect(try await store.totals(within: RegionCode(trusted: "16.02"), from: month, to: month, by: .kabupatenKota).first == again)
            let kecamatan = try await store.totals(within: RegionCode(trusted: "16.02.03"), from: month, to: month, by: .kabupatenKota)
            #expect(kecamatan.first == again)
            let bySkill = try await store.totals(within: nil, from: month, to: month, by: .skill)
            #expect(bySkill.count == 1 && bySkill.first?.revenue == Rupiah(again.revenue.amount + rows.first { $0.key == "16.01" }!.revenue.amount))

            let page = try await app.testing().sendRequest(.GET, "/ledger?bulan=2026-11", headers: admin.browser)
            #expect(page.status == .ok && page.text.contains(again.revenue.formatted) && page.text.contains(formatValueAdded(again.valueAdded, .id)))
            let csv = try await app.testing().sendRequest(.GET, "/ledger?bulan=2026-11&format=csv&bagian=kabkota", headers: admin.browser)
            #expect(
                csv.headers.contentType?.subType == "csv" && csv.text.contains("2026-11,16.02")
                    && csv.text.contains(",\(again.revenue.amount),800000,"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/ledger/summary?from=2026-11&to=2026-11&by=kabkota", headers: admin.bearer)
            let json = try api.jsonObject()
            let apiRows = try #require(json["rows"] as? [[String: Any]])
            #expect(apiRows.first { $0["key"] as? String == "16.02" }?["revenue"] as? Int == Int(again.revenue.amount))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/ledger/summary?by=desa", headers: admin.bearer).status == .badRequest)
        }
    }

    @Test("Over the API: a month in one PUT (409 when stale), hostile numbers and months answered 4xx, a closure once")
    func api() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: try await app.makeWeavers(6), active: true)
            func put(_ month: String, _ json: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .PUT, "/api/v1/groups/\(group.id)/ledger/\(month)", headers: op.bearer,
                    beforeRequest: { req in
                        req.headers.contentType = .json
                        req.body = ByteBuffer(string: json)
                    })
            }
            let body = """
                {"version": 0, "production": [{"product": "Tikar purun", "unit": "lembar", "quantity": 40, "material_cost": 400000}],
                 "sales": [{"product": "Tikar purun", "channel": "toko_oleh_oleh", "quantity": 30, "unit_price": 35000}],
                 "other_costs": {"transport": 50000}, "alloc_modal": 200000, "alloc_iks": 50000}
                """
            let created = try await put("2026-11", body)
            #expect(created.status == .ok)
            let createdJSON = try created.jsonObject()
            #expect(createdJSON["profit"] as? Int == 600_000 && createdJSON["alloc_welfare"] as? Int == 350_000)
            #expect(try await put("2026-11", body).status == .conflict)
            let got = try await app.testing().sendRequest(.GET, "/api/v1/groups/\(group.id)/ledger/2026-11", headers: op.bearer)
            let gotJSON = try got.jsonObject()
            #expect(got.status == .ok && gotJSON["version"] as? Int == 1)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/groups/\(group.id)/ledger/2026-10", headers: op.bearer).status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/groups/\(group.id)/ledger/99999", headers: op.bearer).status == .badRequest)

            let huge = """
                {"version": 1, "production": [{"product": "Tikar", "unit": "lembar", "quantity": 9223372036854775807, "material_cost": 9223372036854775807}],
                 "sales": [{"product": "Tikar", "channel": "pasar_lokal", "quantity": 9223372036854775807, "unit_price": 9223372036854775807},
                           {"product": "Tikar", "channel": "pasar_lokal", "quantity": 9223372036854775807, "unit_price": 9223372036854775807}]}
                """
            #expect(try await put("2026-11", huge).status == .unprocessableEntity)
            let badChannel = #"{"version": 1, "sales": [{"product": "Tikar", "channel": "pasar gelap", "quantity": 1, "unit_price": 1}]}"#
            #expect(try await put("2026-11", badChannel).status == .unprocessableEntity)
            let stranger = #"{"version": 1, "member_incomes": {"00000000-0000-0000-0000-000000000001": 5}}"#
            #expect(try await put("2026-11", stranger).status == .unprocessableEntity)

            func close(_ json: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/api/v1/ledger/closures", headers: op.bearer,
                    beforeRequest: { req in
                        req.headers.contentType = .json
                        req.body = ByteBuffer(string: json)
                    })
            }
            #expect(try await close(#"{"kabupaten_kota": "16.02", "month": "2026-10"}"#).status == .created)
            #expect(try await close(#"{"kabupaten_kota": "16.02", "month": "2026-10"}"#).status == .unprocessableEntity)
            #expect(try await close(#"{"kabupaten_kota": "16.02", "month": "bulan lalu"}"#).status == .unprocessableEntity)
        }
    }
}
