import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import SQLKit
import Synchronization
import Testing
import VaporTesting

/// The import use case on the real database (SQLite here, PostgreSQL in CI's second pass).
@Suite("Importing beneficiaries")
struct ImportBeneficiariesTests {
    static let header =
        "nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,kode_desa,alamat,rt,rw,telepon,kategori_ppks,desil,kepala_keluarga,disabilitas,minat,bantuan_sebelumnya\n"
    static let oki = "16.02.03.2007"
    static let palembang = "16.71.01.1001"

    static func person(_ serial: Int, name: String = "Siti Aminah", desa: String = oki, address: String = "Dusun II") -> String {
        let s = String(format: "%04d", serial)
        let prefix = RegionCode(trusted: desa).parent!.digits
        return "\(prefix)520485\(s),\(prefix)150412\(s),\(name),P,Kayuagung,1985-04-12,\(desa),\(address),003,001,081234567890,24,2,ya,,anyaman,\n"
    }

    static func kk(_ serial: Int, desa: String = oki) -> String {
        RegionCode(trusted: desa).parent!.digits + "150412" + String(format: "%04d", serial)
    }

    static func nik(_ serial: Int, desa: String = oki) -> String {
        RegionCode(trusted: desa).parent!.digits + "520485" + String(format: "%04d", serial)
    }

    func importer(
        _ app: Application, scope: String? = nil, transactor: (any Transactor)? = nil, batchSize: Int = 1_000
    ) async throws
        -> ImportBeneficiaries
    {
        try await app.addDesa(Self.oki)
        try await app.addDesa(Self.palembang)
        let validator = BeneficiaryRowValidator(
            context: try await .load(
                regions: FluentRegionRepository(database: app.db), interests: FluentInterestRepository(database: app.db),
                today: CivilDate(testNow), scope: scope.map(RegionCode.init(trusted:))))
        var importer = ImportBeneficiaries(
            transactor: transactor ?? app.transactor, repository: FluentBeneficiaryRepository(database: app.db),
            validator: validator, clock: .fixed(testNow))
        importer.batchSize = batchSize
        return importer
    }

    func run(
        _ text: String, _ importer: ImportBeneficiaries, dryRun: Bool = false, chunk: Int = 1 << 20,
        resumingAfter checkpoint: ImportBeneficiaries.Checkpoint? = nil,
        job: ImportJob? = nil
    ) async throws -> ImportBeneficiaries.Report {
        let bytes = Array(text.utf8)
        return try await importer(
            source: { MemoryByteSource(bytes, chunkSize: chunk) }, dryRun: dryRun, actor: .commandLine,
            fileName: "uji.csv", resumingAfter: checkpoint,
            committed: { repositories, point, progress in
                guard var job else { return }
                job.report = progress
                job.committedLine = point.lastLine
                try await repositories.importJobs.update(job)
            })
    }

    /// A job row to keep the checkpoint in, as the web import does.
    func makeJob(_ app: Application) async throws -> ImportJob {
        let owner = User(username: "operator", displayName: "Operator", role: .adminProvinsi, region: nil, createdAt: testNow)
        try await FluentUserRepository(database: app.db).create(owner, passwordHash: "-")
        let job = ImportJob(userID: owner.id, fileName: "uji.csv", filePath: "/tmp/uji.csv", dryRun: false, createdAt: testNow, heartbeatAt: testNow)
        try await FluentImportJobStore(database: app.db).create(job)
        return job
    }

    func people(_ app: Application) async throws -> [String: Beneficiary] {
        let page = try await FluentBeneficiaryRepository(database: app.db).search(.init(perPage: 500))
        return Dictionary(uniqueKeysWithValues: page.items.map { ($0.details.nik, $0) })
    }

    func audit(_ app: Application) async throws -> [AuditEntry] {
        try await FluentAuditLog(database: app.db).search(.init(entity: "beneficiary", perPage: 200)).entries
    }

    @Test("Good rows go in, bad rows are reported by line, and the same file again adds nothing")
    func upsert() async throws {
        try await withTestApp { app in
            // given
            let file = Self.header + Self.person(1) + "1602031204850002,x,Budi,L,,,16.02.03.2007,,,,,24,,,,,\n" + Self.person(3)
            // when
            let first = try await run(file, importer(app))
            let second = try await run(file, importer(app))
            // then
            #expect(first.totalRows == 3 && first.inserted == 2 && first.rejectedRows == 1)
            #expect(first.problems.map(\.line) == [3])
            #expect(first.problems.first?.column == "no_kk")
            #expect(second.inserted == 0 && second.updated == 0 && second.unchanged == 2)
            #expect(try await people(app).count == 2)
            let notes = try await audit(app).filter { $0.action == .import }.compactMap(\.note).sorted()
            #expect(
                notes == [
                    "uji.csv: baris 3 · baru 0 · diperbarui 0 · tidak berubah 2 · ditolak 1 · peringatan 0",
                    "uji.csv: baris 3 · baru 2 · diperbarui 0 · tidak berubah 0 · ditolak 1 · peringatan 0",
                ])
        }
    }

    @Test("Every row an import writes has its own audit entry: new ones with their line, changed ones with before and after")
    func auditedRows() async throws {
        try await withTestApp { app in
            _ = try await run(Self.header + Self.person(1) + Self.person(2), importer(app))
            let report = try await run(Self.header + Self.person(1, name: "Siti Aminah Binti Ali") + Self.person(2), importer(app))
            #expect(report.updated == 1 && report.unchanged == 1)
            let stored = try #require(try await people(app)[Self.nik(1)])
            #expect(stored.details.name == "Siti Aminah Binti Ali" && stored.version == 2)
            let entries = try await audit(app).filter { $0.entityID == stored.id.uuidString }
            #expect(entries.map(\.action).sorted { $0.rawValue < $1.rawValue } == [.create, .update])
            let update = try #require(entries.first { $0.action == .update })
            #expect(update.changes == [FieldChange(field: "nama", before: "Siti Aminah", after: "Siti Aminah Binti Ali")])
            #expect(update.note == "impor uji.csv, baris 2")
            #expect(entries.first { $0.action == .create }?.note == "impor uji.csv, baris 2")
        }
    }

    @Test("A file with only some columns changes those and keeps every other field of existing records")
    func partialColumns() async throws {
        try await withTestApp { app in
            // given: a full record
            _ = try await run(Self.header + Self.person(1), importer(app))
            let before = try #require(try await people(app)[Self.nik(1)])
            // when: a file with the required columns only, and a new name
            let partial = "nik,no_kk,nama,kode_desa,kategori_ppks\n\(Self.nik(1)),\(before.details.noKK),Siti Aminah Binti Ali,\(Self.oki),24\n"
            let report = try await run(partial, importer(app))
            // then
            #expect(report.updated == 1)
            let after = try #require(try await people(app)[Self.nik(1)])
            #expect(after.details.name == "Siti Aminah Binti Ali")
            var expected = before.details
            expected.name = "Siti Aminah Binti Ali"
            #expect(after.details == expected)
            #expect(
                after.details.address == "Dusun II" && after.details.phone == "081234567890" && after.details.interests == ["anyaman"]
                    && after.details.decile == 2 && after.details.rt == "003")
            let update = try #require(try await audit(app).first { $0.action == .update })
            #expect(update.changes.map(\.field) == ["nama"])
        }
    }

    @Test("An operator's import cannot touch a person of another kab/kota, and neither the dry run nor the report tells whose it is")
    func otherRegionsPersonIsRefused() async throws {
        try await withTestApp { app in
            // given: a Palembang person, imported by the province
            _ = try await run(Self.header + Self.person(7, name: "Warga Palembang", desa: Self.palembang), importer(app))
            let before = try #require(try await people(app)[Self.nik(7, desa: Self.palembang)])
            // when: an OKI operator imports a row with that NIK and an OKI desa
            let hostile =
                Self.header
                + Self.person(7, name: "Diambil Alih", address: "").replacingOccurrences(of: Self.nik(7), with: Self.nik(7, desa: Self.palembang))
                + Self.person(8)
            let preview = try await run(hostile, importer(app, scope: "16.02"), dryRun: true)
            let report = try await run(hostile, importer(app, scope: "16.02"))
            // then
            for result in [preview, report] {
                #expect(result.inserted == 1 && result.updated == 0 && result.rejectedRows == 1)
                let problem = try #require(result.problems.first)
                #expect(problem.line == 2 && problem.reason == .registeredElsewhere)
                #expect(!problem.message(.id).contains("Palembang") && !problem.message(.id).contains("16.71"))
            }
            #expect(try await people(app)[Self.nik(7, desa: Self.palembang)] == before)
            #expect(try await audit(app).filter { $0.entityID == before.id.uuidString }.count == 1)
        }
    }

    @Test("A dry run counts everything and writes nothing, not even to the audit trail")
    func dryRun() async throws {
        try await withTestApp { app in
            let report = try await run(Self.header + Self.person(1) + Self.person(2), importer(app), dryRun: true)
            #expect(report.inserted == 2 && report.dryRun)
            #expect(try await people(app).isEmpty)
            #expect(try await audit(app).isEmpty)
        }
    }

    @Test("The second row with the same NIK is refused and names the first")
    func duplicateNIK() async throws {
        try await withTestApp { app in
            let report = try await run(Self.header + Self.person(1) + Self.person(1, name: "Orang Lain"), importer(app))
            #expect(report.problems.map(\.reason) == [.duplicateNIK(firstLine: 2)])
        }
    }

    @Test("A file that is not UTF-8 gets one clear error and nothing is imported")
    func notUTF8() async throws {
        try await withTestApp { app in
            let bytes = Array((Self.header + Self.person(1)).utf8) + Array("1602035204850002,1602031504120002,Sit".utf8) + [0xE9] + Array("\n".utf8)
            let importer = try await importer(app)
            await #expect(throws: ImportFileError.notUTF8(line: 3)) {
                try await importer(source: { MemoryByteSource(bytes) }, dryRun: false, actor: .commandLine, fileName: "x.csv")
            }
            #expect(try await people(app).isEmpty)
            #expect(ImportFileError.notUTF8(line: 3).message(.id).contains("CSV UTF-8"))
        }
    }

    @Test("Missing required columns, or a header without rows, stop the import with a clear error")
    func badFiles() async throws {
        try await withTestApp { app in
            await #expect(throws: ImportFileError.missingColumns(["kategori_ppks", "kode_desa"])) {
                try await run("nik,no_kk,nama\n1602035204850001,1602031504120001,Siti\n", importer(app))
            }
            await #expect(throws: ImportFileError.noRows) { try await run(Self.header, importer(app)) }
            await #expect(throws: ImportFileError.empty) { try await run("", importer(app)) }
        }
    }

    @Test("Semicolons, a byte-order mark, CRLF, a lone CR and headers in any case are understood")
    func spreadsheetExport() async throws {
        try await withTestApp { app in
            let semicolons =
                "\u{FEFF}" + Self.header.uppercased().replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "\n", with: "\r\n")
                + Self.person(1).replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "\n", with: "\r\n")
            let report = try await run(semicolons, importer(app))
            #expect(report.inserted == 1 && report.problems.isEmpty)
            // Old spreadsheets on the Mac end lines with CR only.
            let crOnly = (Self.header + Self.person(2) + Self.person(3, name: "Budi")).replacingOccurrences(of: "\n", with: "\r")
            let mac = try await run(crOnly, importer(app))
            #expect(mac.totalRows == 2 && mac.inserted == 2 && mac.problems.isEmpty && mac.expectedRows == 2)
        }
    }

    @Test("An import killed in its third batch leaves two whole batches, and resuming ends exactly as a clean run")
    func interruptedAndResumed() async throws {
        try await withTestApp { app in
            // given: 25 people (every fifth a bad row) in batches of 10; the third batch dies before it commits
            var rows = Self.header
            for index in 1...25 { rows += index % 5 == 0 ? "\(Self.nik(index)),x,Rusak,P,,,\(Self.oki),,,,,24,,,,,\n" : Self.person(index) }
            let job = try await makeJob(app)
            let failing = FailingTransactor(app.transactor, failingRun: 3)
            await #expect(throws: FailingTransactor.InjectedFailure.self) {
                try await run(rows, importer(app, transactor: failing, batchSize: 8), chunk: 97, job: job)
            }
            #expect(try await people(app).count == 16)
            #expect(try await audit(app).count == 16)
            // the job row holds the checkpoint of the last batch that committed, not of the one that died
            let last = try #require(try await FluentImportJobStore(database: app.db).find(job.id)).checkpoint
            #expect(last == .init(lastLine: 20, inserted: 16, updated: 0, unchanged: 0))
            // when resumed from the checkpoint
            let resumed = try await run(rows, importer(app, batchSize: 8), chunk: 97, resumingAfter: last)
            // then: the same as a clean run of the file
            #expect(resumed.inserted == 20 && resumed.unchanged == 0 && resumed.rejectedRows == 5 && resumed.totalRows == 25)
            #expect(resumed.problems.map(\.line) == [6, 11, 16, 21, 26])
            #expect(try await people(app).count == 20)
            #expect(try await audit(app).filter { $0.action == .create }.count == 20)
        }
    }

    /// The register's indexes as the database lists them.
    func indexes(_ app: Application) async throws -> Set<String> {
        let sql = try #require(app.db as? any SQLDatabase)
        struct Row: Decodable { var name: String }
        let query: SQLQueryString =
            TestDatabase.postgresURL == nil
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'beneficiaries'"
            : "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'beneficiaries' AND schemaname = current_schema()"
        return Set(try await sql.raw(query).all(decoding: Row.self).map(\.name))
    }

    @Test("A large file is a bulk load: the read indexes are set aside while it is written and built again after it, also when it dies")
    func bulkLoad() async throws {
        try await withTestApp { app in
            // given: a register with indexes, and a 30-row file that counts as large here (every sixth row bad)
            let before = try await indexes(app)
            #expect(before.contains("beneficiaries_kabkota_idx") && before.contains("beneficiaries_no_kk_idx"))
            var rows = Self.header
            for index in 1...30 {
                rows +=
                    index % 6 == 0
                    ? "\(Self.nik(index)),x,Rusak,P,,,\(Self.oki),,,,,24,,,,,\n" : Self.person(index, address: "Gg. Mawar \\ No. \(index)")
            }
            let bytes = Array(rows.utf8)
            let job = try await makeJob(app)
            func bulk(_ importer: ImportBeneficiaries) -> ImportBeneficiaries {
                var importer = importer
                importer.bulkThreshold = 20
                importer.bulkBatchSize = 10
                return importer
            }
            // when the third batch dies before it commits
            let failing = FailingTransactor(app.transactor, failingRun: 3)
            final class Seen: Sendable { let names = Mutex<Set<String>>([]) }
            let during = Seen()
            let dying = try await bulk(importer(app, transactor: failing, batchSize: 4))
            await #expect(throws: FailingTransactor.InjectedFailure.self) {
                _ = try await dying(
                    source: { MemoryByteSource(bytes, chunkSize: 64) }, dryRun: false, actor: .commandLine,
                    fileName: "uji.csv",
                    committed: { repositories, point, progress in
                        var job = job
                        job.report = progress
                        job.committedLine = point.lastLine
                        try await repositories.importJobs.update(job)
                    },
                    progress: { _ in
                        // between batches, outside their transactions
                        if let now = try? await indexes(app) { during.names.withLock { $0 = now } }
                    })
            }
            // then: while it ran, only the primary key, the unique NIK and the generation index were kept up
            let kept = during.names.withLock { $0 }
            #expect(!kept.isEmpty && kept.isDisjoint(with: ["beneficiaries_kabkota_idx", "beneficiaries_no_kk_idx", "beneficiaries_name_key_idx"]))
            #expect(kept.contains("beneficiaries_generation_idx"))
            // and after it died every index is back, with its two whole batches of 10 rows (bulk batch size wins over 4)
            #expect(try await indexes(app) == before)
            let last = try #require(try await FluentImportJobStore(database: app.db).find(job.id)).checkpoint
            #expect(last.lastLine == 24 && last.inserted == 20)
            // when resumed: the same as a clean run, indexes included
            let resumed = try await run(rows, bulk(importer(app, batchSize: 4)), chunk: 97, resumingAfter: last)
            #expect(resumed.inserted == 25 && resumed.rejectedRows == 5 && resumed.totalRows == 30)
            let people = try await people(app)
            #expect(people.count == 25)
            // (on PostgreSQL the batches of ten were copied with COPY, the last five inserted)
            #expect(people[Self.nik(7)]?.details.address == "Gg. Mawar \\ No. 7" && people[Self.nik(29)]?.details.address == "Gg. Mawar \\ No. 29")
            #expect(try await indexes(app) == before)
            // and the people are found by the queries the indexes serve
            let family = try await FluentBeneficiaryRepository(database: app.db).family(noKK: "1602031504120001")
            #expect(family.map(\.details.nik) == [Self.nik(1)])
        }
    }

    @Test("An import file with keahlian and kendala_kesehatan columns fills them; an unknown talent or condition is refused by line")
    func talentsAndHealth() async throws {
        try await withTestApp { app in
            let csv = """
                nik,no_kk,nama,kode_desa,kategori_ppks,minat,keahlian,kendala_kesehatan
                \(Self.nik(1)),\(Self.kk(1)),Rahma,\(Self.oki),24,anyaman,anyaman,angkat-berat;Pernapasan
                \(Self.nik(2)),\(Self.kk(2)),Sari,\(Self.oki),24,anyaman,menyanyi,
                \(Self.nik(3)),\(Self.kk(3)),Dewi,\(Self.oki),24,anyaman,,batuk

                """
            let report = try await run(csv, importer(app))
            #expect(report.inserted == 1)
            #expect(report.problems.contains { $0.line == 3 && $0.column == "keahlian" })
            #expect(report.problems.contains { $0.line == 4 && $0.column == "kendala_kesehatan" })
            let stored = try #require(try await FluentBeneficiaryRepository(database: app.db).find(nik: Self.nik(1)))
            #expect(stored.details.talents == ["anyaman"] && stored.details.health == ["angkat-berat", "pernapasan"])
            // A file without the columns leaves what a person has.
            let update = "nik,no_kk,nama,kode_desa,kategori_ppks\n\(Self.nik(1)),\(Self.kk(1)),Rahma Dewi,\(Self.oki),24\n"
            #expect(try await run(update, importer(app)).updated == 1)
            let kept = try #require(try await FluentBeneficiaryRepository(database: app.db).find(nik: Self.nik(1)))
            #expect(kept.details.name == "Rahma Dewi" && kept.details.talents == ["anyaman"] && kept.details.health.count == 2)
        }
    }
}
