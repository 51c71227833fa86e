import BinaUsahaDomain
import Foundation
import Testing

@Suite("Importing beneficiaries")
struct ImportBeneficiariesTests {
    static let header = "nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,kode_desa,alamat,rt,rw,telepon,kategori_ppks,desil,kepala_keluarga,disabilitas,minat,bantuan_sebelumnya\n"

    static func person(_ serial: Int, name: String = "Siti Aminah", desa: String = "16.02.03.2007") -> String {
        let s = String(format: "%04d", serial)
        return "160203520485\(s),160203150412\(s),\(name),P,Kayuagung,1985-04-12,\(desa),Dusun II,003,001,,24,2,ya,,anyaman,\n"
    }

    func importer(_ repository: InMemoryBeneficiaryRepository, audit: InMemoryAuditLog = .init(), batchSize: Int = 1_000) -> ImportBeneficiaries {
        let validator = BeneficiaryRowValidator(context: .init(
            today: CivilDate(year: 2026, month: 11, day: 30)!, isKnownDesa: { $0.rawValue.hasPrefix("16.02.03.") },
            isKnownPrefix: { $0.rawValue == "16.02.03" }, interests: ["anyaman"], scope: nil))
        var importer = ImportBeneficiaries(repository: repository, validator: validator, audit: audit, clock: .fixed(Date(timeIntervalSince1970: 1_796_000_400)))
        importer.batchSize = batchSize
        return importer
    }

    func run(_ text: String, _ importer: ImportBeneficiaries, dryRun: Bool = false, chunk: Int = 1 << 20) async throws -> ImportBeneficiaries.Report {
        let bytes = Array(text.utf8)
        return try await importer(source: { MemoryByteSource(bytes, chunkSize: chunk) }, dryRun: dryRun, actor: .commandLine, fileName: "uji.csv")
    }

    @Test("Good rows go in, bad rows are reported by line, and the same file again adds nothing")
    func upsert() async throws {
        // given
        let repository = InMemoryBeneficiaryRepository()
        let audit = InMemoryAuditLog()
        let file = Self.header + Self.person(1) + "1602031204850002,x,Budi,L,,,16.02.03.2007,,,,,24,,,,,\n" + Self.person(3)
        // when
        let first = try await run(file, importer(repository, audit: audit))
        let second = try await run(file, importer(repository, audit: audit))
        // then
        #expect(first.totalRows == 3 && first.inserted == 2 && first.rejectedRows == 1)
        #expect(first.problems.map(\.line) == [3])
        #expect(first.problems.first?.column == "no_kk")
        #expect(second.inserted == 0 && second.updated == 0 && second.unchanged == 2)
        #expect(await repository.people.count == 2)
        let notes = await audit.entries.map(\.note)
        #expect(notes == ["uji.csv: baris 3 · baru 2 · diperbarui 0 · tidak berubah 0 · ditolak 1 · peringatan 0",
                          "uji.csv: baris 3 · baru 0 · diperbarui 0 · tidak berubah 2 · ditolak 1 · peringatan 0"])
    }

    @Test("A changed row updates the record and raises its version")
    func update() async throws {
        let repository = InMemoryBeneficiaryRepository()
        _ = try await run(Self.header + Self.person(1), importer(repository))
        let report = try await run(Self.header + Self.person(1, name: "Siti Aminah Binti Ali"), importer(repository))
        #expect(report.updated == 1)
        let stored = try #require(await repository.people["1602035204850001"])
        #expect(stored.details.name == "Siti Aminah Binti Ali" && stored.version == 2)
    }

    @Test("A dry run counts everything and writes nothing, not even to the audit trail")
    func dryRun() async throws {
        let repository = InMemoryBeneficiaryRepository()
        let audit = InMemoryAuditLog()
        let report = try await run(Self.header + Self.person(1) + Self.person(2), importer(repository, audit: audit), dryRun: true)
        #expect(report.inserted == 2 && report.dryRun)
        #expect(await repository.people.isEmpty)
        #expect(await audit.entries.isEmpty)
    }

    @Test("The second row with the same NIK is refused and names the first")
    func duplicateNIK() async throws {
        let report = try await run(Self.header + Self.person(1) + Self.person(1, name: "Orang Lain"), importer(InMemoryBeneficiaryRepository()))
        #expect(report.problems.map(\.reason) == [.duplicateNIK(firstLine: 2)])
    }

    @Test("A file that is not UTF-8 gets one clear error and nothing is imported")
    func notUTF8() async throws {
        let repository = InMemoryBeneficiaryRepository()
        let bytes = Array((Self.header + Self.person(1)).utf8) + Array("1602035204850002,1602031504120002,Sit".utf8) + [0xE9] + Array("\n".utf8)
        await #expect(throws: ImportFileError.notUTF8(line: 3)) {
            try await importer(repository)(source: { MemoryByteSource(bytes) }, dryRun: false, actor: .commandLine, fileName: "x.csv")
        }
        #expect(await repository.people.isEmpty)
        #expect(ImportFileError.notUTF8(line: 3).message(.id).contains("CSV UTF-8"))
    }

    @Test("Missing required columns stop the import before any row")
    func missingColumns() async throws {
        await #expect(throws: ImportFileError.missingColumns(["kategori_ppks", "kode_desa"])) {
            try await run("nik,no_kk,nama\n1602035204850001,1602031504120001,Siti\n", importer(InMemoryBeneficiaryRepository()))
        }
    }

    @Test("Semicolons, a byte-order mark, CRLF and headers in any case are understood")
    func spreadsheetExport() async throws {
        let text = "\u{FEFF}" + Self.header.uppercased().replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "\n", with: "\r\n")
            + Self.person(1).replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "\n", with: "\r\n")
        let report = try await run(text, importer(InMemoryBeneficiaryRepository()))
        #expect(report.inserted == 1 && report.problems.isEmpty)
    }

    @Test("Killed mid-import and run again, the import reaches the same final state")
    func interrupted() async throws {
        // given: 25 people in batches of 10; the third batch dies before it is written
        let file = Self.header + (1...25).map { Self.person($0) }.joined()
        let repository = InMemoryBeneficiaryRepository()
        await repository.setFailAfter(2)
        await #expect(throws: InMemoryBeneficiaryRepository.Killed.self) { try await run(file, importer(repository, batchSize: 10), chunk: 97) }
        #expect(await repository.people.count == 20)
        // when run again
        await repository.setFailAfter(nil)
        let report = try await run(file, importer(repository, batchSize: 10), chunk: 97)
        // then
        #expect(report.unchanged == 20 && report.inserted == 5)
        #expect(await repository.people.count == 25)
    }

    @Test("UTF-8 split across chunks is still valid")
    func utf8Chunks() {
        var check = UTF8Check()
        let bytes = Array("Nyayu Fātimah\nCik Ani\n".utf8)
        for start in stride(from: 0, to: bytes.count, by: 3) { check.feed(Array(bytes[start..<min(start + 3, bytes.count)])) }
        check.finish()
        #expect(check.firstBadLine == nil)
        #expect(check.newlines == 2)
    }
}
