import BinaUsahaDomain
import Fluent
import Vapor

/// What the commands need, chosen by the composition root (`configure`), the same as the
/// web's: commands never build a repository themselves.
public struct CommandServices: Sendable {
    public var clock: Clock
    public var secrets: Secrets
    public var repositories: @Sendable (any Database) -> Repositories
    public var transactor: @Sendable (any Database) -> any Transactor
    /// Backups of the database in use (`backup`, `restore`).
    public var archive: @Sendable (any Database) -> any DatabaseArchive
    /// The copier of the SQLite database in use to PostgreSQL (`migrate-to`).
    public var copier: @Sendable (Application) -> any DatabaseCopier
    /// Fills an empty database with a generated ledger of (groups, months, skills) for `bench ledger`.
    public var fillLedgerBenchmark: @Sendable (any Database, Int, [YearMonth], [String]) async throws -> Void

    public init(
        clock: Clock, secrets: Secrets, repositories: @escaping @Sendable (any Database) -> Repositories,
        transactor: @escaping @Sendable (any Database) -> any Transactor,
        archive: @escaping @Sendable (any Database) -> any DatabaseArchive,
        copier: @escaping @Sendable (Application) -> any DatabaseCopier,
        fillLedgerBenchmark: @escaping @Sendable (any Database, Int, [YearMonth], [String]) async throws -> Void = { _, _, _, _ in }
    ) {
        self.clock = clock
        self.secrets = secrets
        self.repositories = repositories
        self.transactor = transactor
        self.archive = archive
        self.copier = copier
        self.fillLedgerBenchmark = fillLedgerBenchmark
    }

    /// The row validator for imports into `scope` (nil: the whole province).
    func validator(_ db: any Database, scope: RegionCode?) async throws -> BeneficiaryRowValidator {
        try await BeneficiaryRowValidator.load(repositories(db), today: CivilDate(clock.now()), scope: scope)
    }

    func importer(_ db: any Database, scope: RegionCode?) async throws -> ImportBeneficiaries {
        ImportBeneficiaries(
            transactor: transactor(db), repository: repositories(db).beneficiaries,
            validator: try await validator(db, scope: scope), clock: clock)
    }
}
