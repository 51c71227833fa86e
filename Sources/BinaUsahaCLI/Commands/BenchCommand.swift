import BinaUsahaDomain
import Fluent
import Foundation
import Vapor

/// `binausaha bench import --rows N [--regions DIR]` — generates N valid people in real villages,
/// imports them through the real pipeline into the configured database, and prints rows/s,
/// peak memory, look-up timings and (on SQLite, when the `sqlite3` tool is installed) the time
/// `sqlite3 .import` needs for the same rows into the same table. Run it on a fresh database:
/// `swift run -c release binausaha bench import --rows 1000000 --db /tmp/bench.sqlite`.
public struct BenchCommand: AsyncCommandGroup {
    let services: CommandServices
    let databasePath: String?
    public init(services: CommandServices, databasePath: String?) {
        self.services = services
        self.databasePath = databasePath
    }
    public var help: String { "Tolok ukur (bench import --rows N; bench plan --people N; bench ledger --groups N --months M)" }
    public var commands: [String: any AnyAsyncCommand] {
        [
            "import": BenchImportCommand(services: services, databasePath: databasePath), "plan": BenchPlanCommand(services: services),
            "search": BenchSearchCommand(services: services), "ledger": BenchLedgerCommand(services: services),
        ]
    }
}

struct BenchImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rows", help: "Jumlah baris (bawaan 100000)") var rows: Int?
        @Option(name: "regions", help: "Folder data wilayah resmi (districts_16.csv, villages_16.csv); bawaan ../shared/data/regions")
        var regions: String?
        init() {}
    }

    let services: CommandServices
    let databasePath: String?
    var help: String { "Ukur kecepatan impor penerima manfaat dan pencarian" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let console = context.console
        let rows = signature.rows ?? 100_000
        let beneficiaries = services.repositories(app.db).beneficiaries
        guard try await beneficiaries.count(in: nil) == 0 else {
            throw CLIError("Jalankan tolok ukur pada basis data kosong (mis. --db /tmp/bench.sqlite).")
        }
        let regions = services.repositories(app.db).regions
        let folder = signature.regions ?? "../shared/data/regions"
        var villages: [PeopleGenerator.Village] = []
        if FileManager.default.fileExists(atPath: folder + "/villages_16.csv") {
            for file in ["districts_16.csv", "villages_16.csv"] {
                let parsed = try RegionFileParser.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file)"))))
                _ = try await ImportRegions(transactor: services.transactor(app.db), clock: services.clock)(
                    rows: parsed.rows, unreadable: parsed.unreadable,
                    expectedLevel: parsed.expectedLevel)
            }
            villages = try await regions.codes(level: .desaKelurahan).sorted().map { .init(code: $0, interests: ["anyaman"]) }
        } else {
            console.warning("\(folder) tidak ada: hanya desa sentra kerajinan bawaan yang dipakai.")
            _ = try await ImportRegions(transactor: services.transactor(app.db), clock: services.clock)(
                rows: CraftCentres.regions.enumerated().map {
                    RegionImportRow(line: $0.offset, code: $0.element.code.rawValue, parentCode: nil, name: $0.element.name, kind: nil)
                })
            villages = CraftCentres.all.map { .init(code: $0.desa.code, interests: $0.interests) }
        }

        // 1. Generate the file.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("binausaha-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csvPath = directory.appendingPathComponent("penerima.csv").path
        try Self.generate(rows: rows, villages: villages, today: CivilDate(services.clock.now()), to: csvPath)
        let size = (try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0
        console.print("Berkas: \(rows) baris, \(size / 1_048_576) MiB, \(villages.count) desa")
        let memoryBefore = Self.peakMemoryMiB()
        Self.resetPeakMemory()

        // 2. Import through the real pipeline.
        let importer = try await services.importer(app.db, scope: nil)
        let started = Date()
        let report = try await importer(
            source: { try FileByteSource(path: csvPath) }, dryRun: false, actor: .commandLine,
            fileName: "bench.csv")
        let seconds = Date().timeIntervalSince(started)
        console.print(
            String(
                format: "Impor BinaUsaha: %d baris dalam %.1f s = %.0f baris/s (baru %d, ditolak %d)",
                report.totalRows, seconds, Double(report.totalRows) / seconds, report.inserted, report.rejectedRows))
        console.print(
            String(
                format: "Memori puncak selama impor: %.0f MiB (sasaran < 300 MB; sebelumnya, saat membuat berkas: %.0f MiB)",
                Self.peakMemoryMiB(), memoryBefore))

        // 3. Look-ups.
        try await Self.lookups(beneficiaries, console: console)

        // 4. The database's own bulk load of the same file into a plain table of its 17
        //    columns with a unique index on nik and indexes on nama and kode_desa:
        //    `sqlite3 .import` on SQLite, `COPY` (psql \copy) on PostgreSQL.
        let columns = BeneficiaryRowValidator.columns.map { "\($0) TEXT" }.joined(separator: ", ")
        let plainIndexes =
            "CREATE UNIQUE INDEX plain_nik ON plain(nik); CREATE INDEX plain_nama ON plain(nama); "
            + "CREATE INDEX plain_desa ON plain(kode_desa);"
        var baseline: (tool: String, seconds: Double)?
        if let databasePath, Self.which("sqlite3") != nil {
            let plain = directory.appendingPathComponent("plain.sqlite").path
            try Self.shell("sqlite3 '\(plain)' 'CREATE TABLE plain (\(columns)); \(plainIndexes)'")
            let s0 = Date()
            try Self.shell("sqlite3 '\(plain)' '.import --csv --skip 1 \(csvPath) plain'")
            baseline = ("sqlite3 .import", Date().timeIntervalSince(s0))
            // The same rows into the same table as BinaUsaha's (all its indexes), for reference.
            let dump = directory.appendingPathComponent("rows.csv").path
            let copy = directory.appendingPathComponent("copy.sqlite").path
            try Self.shell("sqlite3 -csv '\(databasePath)' 'SELECT * FROM beneficiaries' > '\(dump)'")
            try Self.shell("sqlite3 '\(databasePath)' '.schema beneficiaries' | sqlite3 '\(copy)'")
            let s1 = Date()
            try Self.shell("sqlite3 '\(copy)' '.import --csv \(dump) beneficiaries'")
            console.print(
                String(
                    format: "  (sqlite3 .import ke tabel beneficiaries dengan semua indeksnya: %.1f s)", Date().timeIntervalSince(s1)))
        } else if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty, Self.which("psql") != nil {
            let dbname = url.replacingOccurrences(of: "?sslmode=disable", with: "")
            let schema = "bench_plain_\(UInt32.random(in: 0...UInt32.max))"
            let psql = "psql --quiet --no-psqlrc --dbname='\(dbname)'"
            try Self.shell(
                "\(psql) -c 'CREATE SCHEMA \(schema); SET search_path = \(schema); CREATE TABLE plain (\(columns)); \(plainIndexes)'")
            defer { _ = try? Self.shell("\(psql) -c 'DROP SCHEMA \(schema) CASCADE'") }
            let s0 = Date()
            try Self.shell("\(psql) -c \"\\\\copy \(schema).plain FROM '\(csvPath)' WITH (FORMAT csv, HEADER true)\"")
            baseline = ("COPY (psql \\copy)", Date().timeIntervalSince(s0))
        }
        guard let baseline else {
            console.print("(Perbandingan dengan sqlite3 .import / COPY dilewati: alat sqlite3 atau psql tidak ada.)")
            return
        }
        console.print(
            String(
                format: "%@, berkas yang sama ke tabel polos 17 kolom (unik nik, indeks nama dan kode_desa): %.1f s = %.0f baris/s",
                baseline.tool, baseline.seconds, Double(report.totalRows) / baseline.seconds))
        console.print(String(format: "Rasio BinaUsaha / %@: %.2f× (sasaran ≤ 4×)", baseline.tool, seconds / baseline.seconds))
    }

    /// NIK look-ups, name searches and list pages (random page numbers and filter
    /// combinations, as an admin and as a kab/kota operator), timed on the configured database.
    static func lookups(_ beneficiaries: any BeneficiaryRepository, console: any Console) async throws {
        let warm = Date()
        let sample = try await beneficiaries.search(.init(page: 1, perPage: 200)).items.map(\.details.nik)
        console.print(String(format: "Indeks daftar siap (pertama kali, termasuk membangun): %.0f ms", Date().timeIntervalSince(warm) * 1000))
        var lookups = [Double]()
        for nik in sample.prefix(200) {
            let t0 = Date()
            _ = try await beneficiaries.find(nik: nik)
            lookups.append(Date().timeIntervalSince(t0) * 1000)
        }
        console.print(
            String(
                format: "Cari NIK: p50 %.2f ms, p95 %.2f ms (%d pencarian)",
                percentile(lookups, 50), percentile(lookups, 95), lookups.count))

        let operatorScope = RegionCode(trusted: "16.02")
        for scope in [nil, operatorScope] {
            var times = [Double]()
            var rows = 0
            for name in ["siti", "ahmad", "nur aisyah", "fitri", "siti rahma", "sity rahma", "muhamad", "rahmawati"] {
                for _ in 0..<5 {
                    let t0 = Date()
                    rows += try await beneficiaries.search(.init(scope: scope, name: name, perPage: 50)).items.count
                    times.append(Date().timeIntervalSince(t0) * 1000)
                }
            }
            console.print(
                String(
                    format: "Cari nama %@ (8 nama × 5, 1–2 kata, dengan salah ketik): p50 %.1f ms, p95 %.1f ms, maks %.1f ms",
                    scope == nil ? "seluruh provinsi" : "di 16.02", percentile(times, 50), percentile(times, 95), times.max() ?? 0))
        }

        var random = SeededRandom(seed: 11)
        for scope in [nil, operatorScope] {
            var times = [Double]()
            for round in 0..<300 {
                var query = BeneficiaryQuery(scope: scope)
                switch round % 6 {
                case 0: break
                case 1: query.status = BeneficiaryStatus.allCases.randomElement(using: &random)
                case 2: query.decile = Int.random(in: 1...10, using: &random)
                case 3: query.ppks = Int.random(in: 1...26, using: &random)
                case 4: query.interest = ["anyaman", "kuliner", "tenun", "kopi"].randomElement(using: &random)
                default:
                    query.region = RegionCode(trusted: scope == nil ? "16.71" : "16.02.03")
                    query.status = .calon
                    query.decile = Int.random(in: 1...4, using: &random)
                }
                let first = try await beneficiaries.search(query)
                query.page = Int.random(in: 1...Paging.pageCount(total: first.total, perPage: 50), using: &random)
                let t0 = Date()
                _ = try await beneficiaries.search(query)
                times.append(Date().timeIntervalSince(t0) * 1000)
            }
            console.print(
                String(
                    format: "Halaman daftar %@ (300 halaman acak, 6 kombinasi saringan): p50 %.1f ms, p95 %.1f ms, maks %.1f ms",
                    scope == nil ? "seluruh provinsi" : "satu kabupaten (16.02)", percentile(times, 50), percentile(times, 95),
                    times.max() ?? 0))
        }
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p / 100).rounded(.up)) - 1)]
    }

    /// Resident memory now (Linux `/proc/self/statm`).
    static func currentMemoryMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// Writes `rows` generated people to `path` (the generator and its memory end here).
    static func generate(rows: Int, villages: [PeopleGenerator.Village], today: CivilDate, to path: String) throws {
        var generator = PeopleGenerator(villages: villages, today: today, seed: 1)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var buffer = PeopleGenerator.header
        for index in 0..<rows {
            buffer += CSVText.line(generator.nextRow())
            if index % 10_000 == 9_999 {
                out.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        out.write(Data(buffer.utf8))
        try out.close()
    }

    /// The process's peak resident memory since it started or since `resetPeakMemory`
    /// (Linux: `VmHWM`), in MiB.
    static func peakMemoryMiB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Starts a new peak (Linux: writing 5 to `/proc/self/clear_refs` sets `VmHWM` to the
    /// current resident size), so that the import's peak is not the file generator's.
    static func resetPeakMemory() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    static func which(_ tool: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    static func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIError("gagal: \(command)") }
        return process.terminationStatus
    }
}

/// `binausaha bench search --db PATH`: the look-up timings of `bench import`, on an existing database.
struct BenchSearchCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    let services: CommandServices
    var help: String { "Ukur pencarian NIK dan nama pada basis data yang sudah terisi" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let beneficiaries = services.repositories(context.application.db).beneficiaries
        let before = BenchImportCommand.currentMemoryMiB()
        let t0 = Date()
        let count = try await beneficiaries.count(in: nil)
        let built = Date().timeIntervalSince(t0)
        let after = BenchImportCommand.currentMemoryMiB()
        _ = malloc_trim(0)
        context.console.print(
            String(
                format: "Indeks daftar dibangun: %.1f s, memori proses %.0f → %.0f MiB (%.0f MiB setelah malloc_trim)", built, before,
                after, BenchImportCommand.currentMemoryMiB()))
        guard count > 0 else { throw CLIError("Basis data kosong: jalankan dulu bench import.") }
        context.console.print("Penerima manfaat: \(count)")
        try await BenchImportCommand.lookups(beneficiaries, console: context.console)
    }
}

/// glibc's `malloc_trim`: returns freed heap to the system, so that resident memory shows what
/// is really held.
@_silgen_name("malloc_trim") private func malloc_trim(_ pad: Int) -> Int32
