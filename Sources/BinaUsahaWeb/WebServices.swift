import BinaUsahaDomain
import Fluent
import Vapor

/// What the web layer needs from the outside, chosen once by the composition root
/// (`BinaUsahaApp.configure`). Handlers reach it through `req.services`.
public struct WebServices: Sendable {
    /// `sqlite` or `postgres`, as `/health` reports it.
    public var databaseKind: String
    public var clock: Clock
    public var secrets: Secrets
    /// Every repository on a database (or, inside a unit of work, on its connection).
    public var repositories: @Sendable (any Database) -> Repositories
    /// Units of work on a database: a use case's writes and audit record commit together.
    public var transactor: @Sendable (any Database) -> any Transactor
    /// Folder for uploaded import files until their import is committed.
    public var uploadDirectory: String
    /// A running import job silent for this long is taken as stopped and resumed.
    public var jobStallSeconds: TimeInterval
    /// The conflict a database error stands for (busy, a unique key taken), if it is one.
    public var databaseConflict: @Sendable (any Error) -> WriteConflict?
    /// The process's metrics registry and who may read `/metrics`.
    public var metrics: AppMetrics

    public init(
        databaseKind: String, clock: Clock, secrets: Secrets, repositories: @escaping @Sendable (any Database) -> Repositories,
        transactor: @escaping @Sendable (any Database) -> any Transactor, uploadDirectory: String,
        jobStallSeconds: TimeInterval = ImportJob.defaultStallAfter,
        databaseConflict: @escaping @Sendable (any Error) -> WriteConflict?, metrics: AppMetrics
    ) {
        self.databaseKind = databaseKind
        self.clock = clock
        self.secrets = secrets
        self.repositories = repositories
        self.transactor = transactor
        self.uploadDirectory = uploadDirectory
        self.jobStallSeconds = jobStallSeconds
        self.databaseConflict = databaseConflict
        self.metrics = metrics
    }
}

// MARK: - Repositories by name

extension WebServices {
    func regions(_ db: any Database) -> any RegionRepository { repositories(db).regions }
    func users(_ db: any Database) -> any UserRepository { repositories(db).users }
    func credentials(_ db: any Database) -> any CredentialRepository { repositories(db).credentials }
    func audit(_ db: any Database) -> any AuditLog { repositories(db).audit }
    func beneficiaries(_ db: any Database) -> any BeneficiaryRepository { repositories(db).beneficiaries }
    func interests(_ db: any Database) -> any InterestRepository { repositories(db).interests }
    func importJobStore(_ db: any Database) -> any ImportJobStore { repositories(db).importJobs }
    func potentials(_ db: any Database) -> any PotentialRepository { repositories(db).potentials }
    func skills(_ db: any Database) -> any SkillRepository & SettingsRepository { repositories(db).skills }
    func plans(_ db: any Database) -> any GroupPlanRepository { repositories(db).plans }
    func planningPeople(_ db: any Database) -> any PlanningPeopleSource & PersonNames { repositories(db).planningPeople }
    func groups(_ db: any Database) -> any GroupRepository { repositories(db).groups }
    func coaching(_ db: any Database) -> any CoachingRepository { repositories(db).coaching }
    func ledger(_ db: any Database) -> any LedgerRepository { repositories(db).ledger }
    func partners(_ db: any Database) -> any PartnerRepository { repositories(db).partners }
    func outcomes(_ db: any Database) -> any OutcomeRepository { repositories(db).outcomes }
}

// MARK: - Use cases, wired with this request's repositories

extension WebServices {
    func logIn(_ req: Request) -> LogIn {
        LogIn(
            transactor: transactor(req.db), repositories: repositories(req.db), secrets: secrets, clock: clock,
            verifyPassword: { password, hash in try await req.password.async.verify(password, created: hash).get() })
    }

    func changePassword(_ req: Request) -> ChangePassword {
        ChangePassword(
            transactor: transactor(req.db), users: users(req.db), clock: clock,
            hashPassword: { try await req.password.async.hash($0).get() },
            verifyPassword: { password, hash in try await req.password.async.verify(password, created: hash).get() })
    }

    func createUser(_ req: Request) -> CreateUser {
        CreateUser(transactor: transactor(req.db), clock: clock, hashPassword: { try await req.password.async.hash($0).get() })
    }

    func updateUser(_ req: Request) -> UpdateUser {
        UpdateUser(transactor: transactor(req.db), clock: clock)
    }
}

// MARK: - Registry

extension WebServices {
    /// The row validator for `principal`: rows outside their region are refused.
    func validator(_ db: any Database, for principal: Principal) async throws -> BeneficiaryRowValidator {
        try await BeneficiaryRowValidator.load(repositories(db), today: CivilDate(clock.now()), scope: principal.region)
    }

    func registerBeneficiary(_ db: any Database, for principal: Principal) async throws -> RegisterBeneficiary {
        RegisterBeneficiary(transactor: transactor(db), validator: try await validator(db, for: principal), clock: clock)
    }

    func updateBeneficiary(_ db: any Database, for principal: Principal) async throws -> UpdateBeneficiary {
        UpdateBeneficiary(transactor: transactor(db), validator: try await validator(db, for: principal), clock: clock)
    }

    func removeBeneficiary(_ db: any Database) -> RemoveBeneficiary {
        RemoveBeneficiary(transactor: transactor(db), clock: clock)
    }

    func restoreBeneficiary(_ db: any Database) -> RestoreBeneficiary {
        RestoreBeneficiary(transactor: transactor(db), clock: clock)
    }

    func importJobs(_ db: any Database) -> ImportJobs {
        var jobs = ImportJobs(transactor: transactor(db), repositories: repositories(db), clock: clock)
        jobs.stallAfter = jobStallSeconds
        jobs.finished = { [metrics] job, seconds in metrics.imported(job, seconds: seconds) }
        return jobs
    }

    func importer(_ db: any Database, for principal: Principal) async throws -> ImportBeneficiaries {
        ImportBeneficiaries(
            transactor: transactor(db), repository: beneficiaries(db), validator: try await validator(db, for: principal),
            clock: clock)
    }
}

// MARK: - Groups and coaching

extension WebServices {
    func groupChanges(_ db: any Database) -> GroupChanges { GroupChanges(transactor: transactor(db), clock: clock) }
    func createGroup(_ db: any Database) -> CreateGroup { CreateGroup(transactor: transactor(db), clock: clock) }
    func coachingWrites(_ db: any Database) -> CoachingWrites { CoachingWrites(transactor: transactor(db), clock: clock) }
    func ledgerWrites(_ db: any Database) -> LedgerWrites { LedgerWrites(transactor: transactor(db), clock: clock) }
    func partnerWrites(_ db: any Database) -> PartnerWrites { PartnerWrites(transactor: transactor(db), clock: clock) }
    func outcomeWrites(_ db: any Database) -> OutcomeWrites { OutcomeWrites(transactor: transactor(db), clock: clock) }
    func proposePlan(_ db: any Database) -> ProposePlan { ProposePlan(transactor: transactor(db), repositories: repositories(db), clock: clock) }
    func catalogueWrites(_ db: any Database) -> CatalogueWrites { CatalogueWrites(transactor: transactor(db), clock: clock) }
    func planDecisions(_ db: any Database) -> PlanDecisions { PlanDecisions(transactor: transactor(db), clock: clock) }
}

// MARK: - Recommendations and planning

extension WebServices {
    func recommender(_ db: any Database, within scope: RegionCode?) async throws -> Recommender {
        try await loadRecommender(db)(within: scope)
    }

    func recommender(_ db: any Database, forDesa desa: RegionCode) async throws -> Recommender {
        try await loadRecommender(db)(forDesa: desa)
    }

    func loadRecommender(_ db: any Database) -> LoadRecommender {
        LoadRecommender(repositories(db))
    }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = WebServices }

    public var services: WebServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("WebServices not configured; call configure(app) first") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var services: WebServices { application.services }
}
