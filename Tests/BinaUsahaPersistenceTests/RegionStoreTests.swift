import BinaUsahaCLI
import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing

@Suite("Regions in the database")
struct RegionStoreTests {
    @Test("A fresh database holds the province and its 17 kabupaten/kota")
    func seeded() async throws {
        try await withTestApp { app in
            let repository = FluentRegionRepository(database: app.db)
            #expect(try await repository.count(level: .provinsi) == 1)
            #expect(try await repository.count(level: .kabupatenKota) == 17)
            let provinces = try await repository.children(of: nil)
            #expect(provinces.map(\.region.name) == ["Sumatera Selatan"])
            #expect(provinces.first?.childCount == 17)
        }
    }

    @Test("Children come sorted by code with their own child counts")
    func childrenWithCounts() async throws {
        try await withTestApp { app in
            // given
            let repository = FluentRegionRepository(database: app.db)
            let rows = [
                RegionImportRow(line: 2, code: "16.02.03", parentCode: nil, name: "Pedamaran", kind: nil),
                RegionImportRow(line: 3, code: "16.02.03.2002", parentCode: nil, name: "Pedamaran I", kind: nil),
                RegionImportRow(line: 4, code: "16.02.03.2003", parentCode: nil, name: "Pedamaran II", kind: nil),
                RegionImportRow(line: 5, code: "16.02.01", parentCode: nil, name: "Lempuing", kind: nil),
            ]
            // when
            _ = try await ImportRegions(transactor: app.transactor, clock: .fixed(testNow))(rows: rows)
            let children = try await repository.children(of: RegionCode(trusted: "16.02"))
            // then
            #expect(children.map(\.region.code.rawValue) == ["16.02.01", "16.02.03"])
            #expect(children.map(\.childCount) == [0, 2])
            #expect(
                try await repository.lineage(of: RegionCode(trusted: "16.02.03.2002"))?.map(\.name)
                    == ["Sumatera Selatan", "Kabupaten Ogan Komering Ilir", "Pedamaran", "Pedamaran I"])
        }
    }

    @Test("A malformed file gets line-by-line reasons and imports its good rows")
    func malformedFile() async throws {
        try await withTestApp { app in
            // given: one problem of each kind the issue names, between good rows
            var bytes = Array(
                """
                code,regency_code,name
                16.02.03,16.02,Pedamaran
                16.2.04,16.02,Kode rusak
                16.99.01,16.99,Induk tak dikenal
                16.02.03,16.02,Pedamaran ganda
                16.02.05,16.02
                16.02.06,16.02,
                16.02.07,16.02,Baik

                """.utf8)
            bytes += Array("16.02.08,16.02,Caf".utf8) + [0xE9] + Array("\n16.02.09,16.02,Baik juga\n".utf8)
            // when
            let parsed = try RegionFileParser.parse(bytes)
            let report = try await ImportRegions(transactor: app.transactor, clock: .fixed(testNow))(
                rows: parsed.rows, unreadable: parsed.unreadable, expectedLevel: parsed.expectedLevel)
            // then
            #expect(report.total == 9)
            #expect(report.inserted == 3)
            #expect(report.rejected.map(\.line) == [3, 4, 5, 6, 7, 9])
            #expect(
                report.rejected.map(\.reason) == [
                    .badCode(.badSegment(code: "16.2.04", position: 2, expectedDigits: 2)),
                    .unknownParent("16.99"),
                    .duplicateCode(firstLine: 2),
                    .columnCount(expected: 3, found: 2),
                    .emptyName,
                    .notUTF8,
                ])
            #expect(try await FluentRegionRepository(database: app.db).count(level: .kecamatan) == 3)
        }
    }

    @Test(
        "The official lists give 241 kecamatan and 3,259 desa/kelurahan, and again change nothing",
        .enabled(if: SharedData.regionsFile("villages_16.csv") != nil, "needs ../shared/data"))
    func officialLists() async throws {
        try await withTestApp { app in
            let repository = FluentRegionRepository(database: app.db)
            func load(_ name: String) async throws -> ImportRegions.Report {
                let data = try Data(contentsOf: SharedData.regionsFile(name)!)
                let parsed = try RegionFileParser.parse([UInt8](data))
                return try await ImportRegions(transactor: app.transactor, clock: .fixed(testNow))(
                    rows: parsed.rows, unreadable: parsed.unreadable, expectedLevel: parsed.expectedLevel)
            }
            // when
            let districts = try await load("districts_16.csv")
            let villages = try await load("villages_16.csv")
            // then
            #expect(districts.inserted == 241 && districts.rejected.isEmpty)
            #expect(villages.inserted == 3_259 && villages.rejected.isEmpty)
            #expect(try await repository.count(level: .kecamatan) == 241)
            #expect(try await repository.count(level: .desaKelurahan) == 3_259)
            let pedamaranI = try await repository.find(RegionCode(trusted: "16.02.03.2002"))
            #expect(pedamaranI?.kind == .desa)

            // when imported again
            let again = try await load("districts_16.csv")
            let againVillages = try await load("villages_16.csv")
            #expect(again.unchanged == 241 && again.inserted == 0 && again.updated == 0)
            #expect(againVillages.unchanged == 3_259 && againVillages.inserted == 0 && againVillages.updated == 0)
            #expect(try await repository.count(level: .desaKelurahan) == 3_259)
        }
    }
}
