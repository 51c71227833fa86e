import BinaUsahaDomain
import Fluent
import Foundation
import Vapor

/// Fills an empty database with a deterministic, realistic sample: the craft-centre villages
/// of DOMAIN.md §4.1, a few thousand people living there, and one account per role.
public enum DemoSeeder {
    public static let password = "binausaha-demo"
    public static let accounts: [(username: String, role: Role, region: String?, name: String)] = [
        ("admin", .adminProvinsi, nil, "Admin Dinas Sosial Provinsi"),
        ("operator.oki", .operatorKabkota, "16.02", "Operator Dinsos OKI"),
        ("pendamping.pedamaran", .pendamping, "16.02.03", "Pendamping Kec. Pedamaran"),
        ("mitra", .mitra, nil, "Mitra CSR"),
        ("kepala.dinas", .pimpinan, nil, "Kepala Dinas Sosial"),
    ]

    public struct Outcome: Sendable {
        public var people: Int
        public var accountsCreated: Bool
        var year = DemoProgrammeYear.Outcome()
        var officialRegions = 0
    }

    /// Seeds when the register is empty; returns `nil` (and changes nothing) otherwise. Every
    /// write goes through the same use cases as the pages and the commands.
    public static func seedIfEmpty(
        _ app: Application, services: CommandServices, people: Int = 3_000, regionsDirectory: String? = officialRegionsDirectory()
    ) async throws -> Outcome? {
        let repositories = services.repositories(app.db)
        guard try await repositories.beneficiaries.count(in: nil) == 0 else { return nil }
        let demo = AuditActor(id: nil, name: "demo", role: nil)

        // The official kecamatan and desa lists, when a copy is at hand and not imported yet.
        var officialRegions = 0
        if let directory = regionsDirectory, try await repositories.regions.count(level: .desaKelurahan) < 1_000 {
            for file in ["districts_16.csv", "villages_16.csv"] {
                guard let data = FileManager.default.contents(atPath: directory + "/" + file),
                    let parsed = try? RegionFileParser.parse([UInt8](data))
                else { continue }
                let report = try await ImportRegions(transactor: services.transactor(app.db), clock: services.clock)(
                    rows: parsed.rows, unreadable: parsed.unreadable, expectedLevel: parsed.expectedLevel, fileName: file, by: demo)
                officialRegions += report.inserted
            }
        }

        // Villages: added only where the official list has not been imported.
        let rows = CraftCentres.regions.enumerated().map {
            RegionImportRow(
                line: $0.offset + 1, code: $0.element.code.rawValue, parentCode: nil, name: $0.element.name,
                kind: $0.element.kind.rawValue)
        }
        let existing = try await repositories.regions.existing(Set(CraftCentres.regions.map(\.code)))
        _ = try await ImportRegions(transactor: services.transactor(app.db), clock: services.clock)(
            rows: rows.filter { existing[RegionCode(trusted: $0.code)] == nil }, fileName: "demo", by: demo)

        // People, through the same import as a CSV file would take.
        let today = CivilDate(services.clock.now())
        var generator = PeopleGenerator(
            villages: CraftCentres.all.map { .init(code: $0.desa.code, interests: $0.interests) },
            today: today)
        var csv = PeopleGenerator.header
        for _ in 0..<people { csv += CSVText.line(generator.nextRow()) }
        let bytes = Array(csv.utf8)
        let report = try await services.importer(app.db, scope: nil)(
            source: { MemoryByteSource(bytes) }, dryRun: false, actor: demo,
            fileName: "demo.csv")

        // Accounts, only into a database without users.
        var accountsCreated = false
        if try await repositories.users.count() == 0 {
            let create = CreateUser(
                transactor: services.transactor(app.db), clock: services.clock,
                hashPassword: { try await app.password.async.hash($0).get() })
            for account in accounts {
                _ = try await create(
                    .init(
                        username: account.username, displayName: account.name, role: account.role.rawValue,
                        region: account.region, password: password), by: demo)
            }
            accountsCreated = true
        }
        // A programme year that has happened, written by the demo admin.
        var year = DemoProgrammeYear.Outcome()
        if let admin = try await repositories.users.find(username: "admin") {
            var pendamping: [RegionCode: UUID] = [:]
            for account in accounts where account.role == .pendamping {
                if let user = try await repositories.users.find(username: account.username), let region = account.region {
                    pendamping[RegionCode(trusted: region)] = user.id
                }
            }
            year = try await DemoProgrammeYear.seed(
                app.db, services: services, admin: Principal(userID: admin.id, username: admin.username, role: .adminProvinsi, region: nil),
                pendamping: pendamping)
        }
        return Outcome(people: report.inserted, accountsCreated: accountsCreated, year: year, officialRegions: officialRegions)
    }

    /// Where a copy of the official region lists may be: `$BINAUSAHA_SHARED_DATA/regions`, or
    /// `../shared/data/regions` beside the working folder; nil when neither exists.
    public static func officialRegionsDirectory() -> String? {
        let candidates = [ProcessInfo.processInfo.environment["BINAUSAHA_SHARED_DATA"].map { $0 + "/regions" }, "../shared/data/regions"]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0 + "/villages_16.csv") }
    }

    public static func describe(_ outcome: Outcome) -> String {
        var text =
            "Data demo dimuat: \(outcome.people) penerima manfaat di \(CraftCentres.all.count) desa sentra kerajinan"
            + "; \(outcome.year.groups) KUBE aktif dengan \(outcome.year.sessions) sesi pembinaan, \(outcome.year.payments) pencairan bantuan"
            + ", \(outcome.year.ledgerMonths) bulan produksi dan penjualan \(outcome.year.commitments) komitmen mitra"
            + " dan \(outcome.year.assessments) penilaian tindak lanjut (\(outcome.year.graduations) lulus)."
        if outcome.officialRegions > 0 {
            text += "\nDaftar resmi kecamatan dan desa/kelurahan dimuat: \(outcome.officialRegions) wilayah."
        }
        if outcome.accountsCreated {
            text += "\nAkun demo (kata sandi: \(password)): " + accounts.map { "\($0.username) (\($0.role.label(.id)))" }.joined(separator: ", ")
        }
        return text
    }
}

/// `binausaha demo [--people N]`
public struct DemoCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Option(name: "people", help: "Jumlah penerima manfaat (bawaan 3000)") var people: Int?
        public init() {}
    }

    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Isi basis data kosong dengan data demo" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        guard let outcome = try await DemoSeeder.seedIfEmpty(context.application, services: services, people: signature.people ?? 3_000) else {
            throw CLIError("Basis data sudah berisi penerima manfaat; data demo hanya dimuat ke basis data kosong.")
        }
        context.console.print(DemoSeeder.describe(outcome))
    }
}
