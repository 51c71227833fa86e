import BinaUsahaDomain
import BinaUsahaPersistence
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
    }

    /// Seeds when the register is empty; returns `nil` (and changes nothing) otherwise.
    public static func seedIfEmpty(_ app: Application, clock: Clock, people: Int = 3_000) async throws -> Outcome? {
        let beneficiaries = FluentBeneficiaryRepository(database: app.db)
        guard try await beneficiaries.count(in: nil) == 0 else { return nil }
        let regions = FluentRegionRepository(database: app.db)
        let audit = FluentAuditLog(database: app.db)

        // Villages: added only where the official list has not been imported.
        let rows = CraftCentres.regions.enumerated().map {
            RegionImportRow(line: $0.offset + 1, code: $0.element.code.rawValue, parentCode: nil, name: $0.element.name,
                            kind: $0.element.kind.rawValue)
        }
        let existing = try await regions.existing(Set(CraftCentres.regions.map(\.code)))
        _ = try await ImportRegions(repository: regions)(rows: rows.filter { existing[RegionCode(trusted: $0.code)] == nil })
        try await FluentPotentialRepository(database: app.db).applyStartingPotentials()

        // People, through the same import as a CSV file would take.
        let today = CivilDate(clock.now())
        var generator = PeopleGenerator(villages: CraftCentres.all.map { .init(code: $0.desa.code, interests: $0.interests) },
                                        today: today)
        var csv = PeopleGenerator.header
        for _ in 0..<people { csv += CSVText.line(generator.nextRow()) }
        let bytes = Array(csv.utf8)
        let validator = BeneficiaryRowValidator(context: try await .load(
            regions: regions, interests: FluentInterestRepository(database: app.db), today: today, scope: nil))
        let report = try await ImportBeneficiaries(transactor: FluentTransactor(database: app.db), repository: beneficiaries, validator: validator, clock: clock)(
            source: { MemoryByteSource(bytes) }, dryRun: false, actor: AuditActor(id: nil, name: "demo", role: nil),
            fileName: "demo.csv")

        // Accounts, only into a database without users.
        let users = FluentUserRepository(database: app.db)
        var accountsCreated = false
        if try await users.count() == 0 {
            let hash = try await app.password.async.hash(password).get()
            for account in accounts {
                let user = User(username: account.username, displayName: account.name, role: account.role,
                                region: account.region.map(RegionCode.init(trusted:)), createdAt: clock.now())
                try await users.create(user, passwordHash: hash)
                try await audit.record(.create, by: AuditActor(id: nil, name: "demo", role: nil), at: clock.now(), entity: "user",
                                       entityID: user.id.uuidString, region: user.region, changes: FieldChange.diff([:], user.auditFields))
            }
            accountsCreated = true
        }
        return Outcome(people: report.inserted, accountsCreated: accountsCreated)
    }

    public static func describe(_ outcome: Outcome) -> String {
        var text = "Data demo dimuat: \(outcome.people) penerima manfaat di \(CraftCentres.all.count) desa sentra kerajinan."
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

    let clock: Clock
    public init(clock: Clock) { self.clock = clock }
    public var help: String { "Isi basis data kosong dengan data demo" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        guard let outcome = try await DemoSeeder.seedIfEmpty(context.application, clock: clock, people: signature.people ?? 3_000) else {
            throw CLIError("Basis data sudah berisi penerima manfaat; data demo hanya dimuat ke basis data kosong.")
        }
        context.console.print(DemoSeeder.describe(outcome))
    }
}
