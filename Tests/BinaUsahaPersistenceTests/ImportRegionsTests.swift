import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

@Suite("Importing regions")
struct ImportRegionsTests {
    func row(_ line: Int, _ code: String, _ parent: String?, _ name: String, _ kind: String? = nil) -> RegionImportRow {
        RegionImportRow(line: line, code: code, parentCode: parent, name: name, kind: kind)
    }

    func importer(_ app: Application) -> ImportRegions { ImportRegions(transactor: app.transactor, clock: .fixed(testNow)) }

    @Test("Good rows go in and a second import changes nothing")
    func idempotent() async throws {
        try await withTestApp { app in
            // given
            let repository = FluentRegionRepository(database: app.db)
            let rows = [row(2, "16.02.03", "16.02", "Pedamaran"), row(3, "16.02.03.2002", "16.02.03", "Pedamaran I", "desa")]
            // when
            let first = try await importer(app)(rows: rows)
            let second = try await importer(app)(rows: rows)
            // then
            #expect(first.inserted == 2 && first.updated == 0 && first.rejected.isEmpty)
            #expect(second.inserted == 0 && second.updated == 0 && second.unchanged == 2)
            #expect(try await repository.find(RegionCode(trusted: "16.02.03.2002"))?.kind == .desa)
        }
    }

    @Test("A renamed region is updated, not duplicated")
    func update() async throws {
        try await withTestApp { app in
            let repository = FluentRegionRepository(database: app.db)
            _ = try await importer(app)(rows: [row(2, "16.02.03", "16.02", "Pedamaran")])
            let report = try await importer(app)(rows: [row(2, "16.02.03", "16.02", "Kec. Pedamaran")])
            #expect(report.updated == 1 && report.inserted == 0)
            #expect(try await repository.find(RegionCode(trusted: "16.02.03"))?.name == "Kec. Pedamaran")
            #expect(try await repository.count(level: .kecamatan) == 1)
        }
    }

    @Test("Every bad row is reported with its line and reason, and the good rows are kept")
    func badRows() async throws {
        try await withTestApp { app in
            // given
            let repository = FluentRegionRepository(database: app.db)
            let rows = [
                row(2, "16.02.03", "16.02", "Pedamaran"),
                row(3, "16.2.03", "16.02", "Kode rusak"),
                row(4, "16.99.01", "16.99", "Induk tak dikenal"),
                row(5, "16.02.03", "16.02", "Pedamaran lagi"),
                row(6, "16.02.04", "16.02", "  "),
                row(7, "16.02.05", "16.01", "Induk tidak cocok"),
                row(8, "16.02.06", "16.02", "Jenis salah", "kota"),
                row(9, "16.02", "16", "Tingkat salah"),
                row(10, "16.02.07", "16.02", "Baik"),
            ]
            // when
            let report = try await importer(app)(rows: rows, expectedLevel: .kecamatan)
            // then
            #expect(report.total == 9)
            #expect(report.inserted == 2)
            #expect(report.rejected.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
            #expect(
                report.rejected.map(\.reason) == [
                    .badCode(.badSegment(code: "16.2.03", position: 2, expectedDigits: 2)),
                    .unknownParent("16.99"),
                    .duplicateCode(firstLine: 2),
                    .emptyName,
                    .parentMismatch(parent: "16.01", code: "16.02.05"),
                    .kindMismatch(kind: "kota", code: "16.02.06"),
                    .wrongLevel(expected: .kecamatan, found: .kabupatenKota),
                ])
            #expect(report.rejected[1].message(.id) == "wilayah induk '16.99' tidak ada di berkas maupun di basis data")
        }
    }

    @Test("A parent in the same file counts only when that row was accepted")
    func parentInFile() async throws {
        try await withTestApp { app in
            let repository = FluentRegionRepository(database: app.db)
            let rows = [
                row(2, "16.02.03", nil, "Pedamaran"),
                row(3, "16.02.03.2002", nil, "Pedamaran I"),
                row(4, "16.02.09", nil, ""),
                row(5, "16.02.09.2001", nil, "Anak dari baris ditolak"),
            ]
            let report = try await importer(app)(rows: rows)
            #expect(report.inserted == 2)
            #expect(report.rejected.map(\.line) == [4, 5])
            #expect(report.rejected.last?.reason == .unknownParent("16.02.09"))
        }
    }

    @Test("Rows the parser could not read are counted and reported in line order")
    func unreadable() async throws {
        try await withTestApp { app in
            let repository = FluentRegionRepository(database: app.db)
            let report = try await importer(app)(
                rows: [row(2, "16.02.03", "16.02", "Pedamaran")],
                unreadable: [.init(line: 3, reason: .notUTF8)])
            #expect(report.total == 2 && report.inserted == 1)
            #expect(report.rejected == [.init(line: 3, reason: .notUTF8)])
        }
    }

    @Test("An import that dies before it commits leaves no region, no potential and no audit entry")
    func interrupted() async throws {
        try await withTestApp { app in
            let rows = (1...25).map { row($0 + 1, String(format: "16.02.%02d", $0), "16.02", "Kecamatan \($0)") }
            var importer = ImportRegions(transactor: FailingTransactor(app.transactor, failingRun: 1), clock: .fixed(testNow))
            importer.batchSize = 10
            await #expect(throws: FailingTransactor.InjectedFailure.self) { try await importer(rows: rows) }
            #expect(try await FluentRegionRepository(database: app.db).count(level: .kecamatan) == 0)
            #expect(try await FluentAuditLog(database: app.db).search(.init(entity: "region")).total == 0)
            let report = try await self.importer(app)(rows: rows, fileName: "kecamatan.csv")
            #expect(report.inserted == 25)
            let audit = try await FluentAuditLog(database: app.db).search(.init(entity: "region")).entries
            #expect(audit.map(\.note) == ["kecamatan.csv: baris 25, baru 25, diperbarui 0, tidak berubah 0, ditolak 0"])
        }
    }
}
