import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing

/// `binausaha backup` and `restore` on the database the suite runs on (an SQLite file, or
/// PostgreSQL with pg_dump): what was backed up comes back, table by table.
@Suite("Backup and restore")
struct DatabaseArchiveTests {
    static func file(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("binausaha-\(name)-\(UUID().uuidString).backup").path
    }

    static func remove(_ file: String) {
        for path in [file, file + ".tables.json"] { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test("A backup restores every table's rows and checksums; the register follows; bad files change nothing")
    func roundTrip() async throws {
        try await withTestApp(onDisk: true) { app in
            try await app.addCraftCentres()
            let desa = RegionCode(trusted: "16.02.03.2007")
            let plain = FluentBeneficiaryRepository(database: app.db)
            let indexed = FluentBeneficiaryRepository(database: app.db, registerIndex: RegisterIndexStore())
            var people = (0..<40).map { RegisterIndexStoreTests.person($0, desa: desa) }
            try await plain.save(inserting: people, updating: [])
            let choice = try #require(app.testDatabaseChoice)
            let archive = FluentDatabaseArchive(database: app.db, choice: choice)
            let transactor = FluentTransactor(database: app.db)
            let backUp = BackUpDatabase(archive: archive, transactor: transactor, clock: .fixed(testNow))
            let restore = RestoreDatabase(archive: archive, transactor: transactor, clock: .fixed(testNow))
            let file = Self.file("roundtrip")
            defer { Self.remove(file) }

            let before = try await archive.summaries(of: nil)
            let written = try await backUp(to: file, by: .commandLine)
            #expect(written == before)
            #expect(written.first { $0.table == "beneficiaries" }?.rows == 40)
            #expect(written.count > 15)
            // The backup is audited.
            #expect(try await FluentAuditLog(database: app.db).search(.init(entity: "database")).entries.map(\.action) == [.backup])
            // Writing over an existing file is refused.
            await #expect(throws: ArchiveError.fileExists(file)) { _ = try await backUp(to: file, by: .commandLine) }

            // Changes after the backup, seen by the register index.
            let storedName = try await plain.find(id: people[5].id)?.details.name
            #expect(try await plain.delete(id: people[3].id, expectedVersion: 1))
            people[5].details.name = "Zainab Berubah"
            people[5].version += 1
            #expect(try await plain.update(people[5], expectedVersion: 1))
            try await plain.save(inserting: (40..<45).map { RegisterIndexStoreTests.person($0, desa: desa) }, updating: [])
            #expect(try await indexed.count(in: nil) == 44)
            #expect(try await archive.summaries(of: nil) != before)

            let restored = try await restore(from: file, by: .commandLine)
            #expect(BackUpDatabase.differences(restored, written).sorted() == ["register_removals", "register_state"])
            let now = try await archive.summaries(of: nil)
            for table in written where !["register_removals", "register_state", "audit_log"].contains(table.table) {
                #expect(now.first { $0.table == table.table } == table, "\(table.table)")
            }
            #expect(try await plain.find(id: people[3].id) != nil)
            #expect(try await plain.find(id: people[5].id)?.details.name == storedName)
            // The index that had seen the later writes follows the restore.
            #expect(try await indexed.count(in: nil) == 40)
            #expect(try await indexed.search(.init(name: "zainab")).total == 0)
            #expect(Set(try await indexed.search(.init(perPage: 100)).items.map(\.id)) == Set(people.map(\.id)))
            let audit = try await FluentAuditLog(database: app.db).search(.init(entity: "database")).entries.map(\.action)
            #expect(audit == [.restore])

            // A file that is not a backup changes nothing.
            let junk = Self.file("junk")
            defer { Self.remove(junk) }
            try Data("bukan cadangan".utf8).write(to: URL(fileURLWithPath: junk))
            let intact = try await archive.summaries(of: nil)
            await #expect(throws: ArchiveError.notAnArchive(junk)) { _ = try await restore(from: junk, by: .commandLine) }
            await #expect(throws: ArchiveError.fileMissing(junk + ".x")) { _ = try await restore(from: junk + ".x", by: .commandLine) }
            #expect(try await archive.summaries(of: nil) == intact)
        }
    }
}
