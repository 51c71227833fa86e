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
    public var regions: @Sendable (any Database) -> any RegionRepository
    public var users: @Sendable (any Database) -> any UserRepository
    public var credentials: @Sendable (any Database) -> any CredentialRepository
    public var audit: @Sendable (any Database) -> any AuditLog
    public var beneficiaries: @Sendable (any Database) -> any BeneficiaryRepository
    public var interests: @Sendable (any Database) -> any InterestRepository
    public var importJobs: @Sendable (any Database) -> any ImportJobStore
    public var potentials: @Sendable (any Database) -> any PotentialRepository
    public var skills: @Sendable (any Database) -> any SkillRepository & SettingsRepository
    public var plans: @Sendable (any Database) -> any GroupPlanRepository
    public var planningPeople: @Sendable (any Database) -> any PlanningPeopleSource & PersonNames
    public var groups: @Sendable (any Database) -> any GroupRepository
    public var coaching: @Sendable (any Database) -> any CoachingRepository
    /// Folder for uploaded import files until their import is committed.
    public var uploadDirectory: String

    public init(
        databaseKind: String, clock: Clock, secrets: Secrets,
        regions: @escaping @Sendable (any Database) -> any RegionRepository,
        users: @escaping @Sendable (any Database) -> any UserRepository,
        credentials: @escaping @Sendable (any Database) -> any CredentialRepository,
        audit: @escaping @Sendable (any Database) -> any AuditLog,
        beneficiaries: @escaping @Sendable (any Database) -> any BeneficiaryRepository,
        interests: @escaping @Sendable (any Database) -> any InterestRepository,
        importJobs: @escaping @Sendable (any Database) -> any ImportJobStore,
        potentials: @escaping @Sendable (any Database) -> any PotentialRepository,
        skills: @escaping @Sendable (any Database) -> any SkillRepository & SettingsRepository,
        plans: @escaping @Sendable (any Database) -> any GroupPlanRepository,
        planningPeople: @escaping @Sendable (any Database) -> any PlanningPeopleSource & PersonNames,
        groups: @escaping @Sendable (any Database) -> any GroupRepository,
        coaching: @escaping @Sendable (any Database) -> any CoachingRepository,
        uploadDirectory: String
    ) {
        self.databaseKind = databaseKind
        self.clock = clock
        self.secrets = secrets
        self.regions = regions
        self.users = users
        self.credentials = credentials
        self.audit = audit
        self.beneficiaries = beneficiaries
        self.interests = interests
        self.importJobs = importJobs
        self.potentials = potentials
        self.skills = skills
        self.plans = plans
        self.planningPeople = planningPeople
        self.groups = groups
        self.coaching = coaching
        self.uploadDirectory = uploadDirectory
    }
}

// MARK: - Use cases, wired with this request's repositories

extension WebServices {
    func logIn(_ req: Request) -> LogIn {
        LogIn(users: users(req.db), credentials: credentials(req.db), audit: audit(req.db), clock: clock,
              verifyPassword: { password, hash in try await req.password.async.verify(password, created: hash).get() })
    }

    func changePassword(_ req: Request) -> ChangePassword {
        ChangePassword(users: users(req.db), audit: audit(req.db), clock: clock,
                       hashPassword: { try await req.password.async.hash($0).get() },
                       verifyPassword: { password, hash in try await req.password.async.verify(password, created: hash).get() })
    }

    func createUser(_ req: Request) -> CreateUser {
        CreateUser(users: users(req.db), regions: regions(req.db), audit: audit(req.db), clock: clock,
                   hashPassword: { try await req.password.async.hash($0).get() })
    }

    func updateUser(_ req: Request) -> UpdateUser {
        UpdateUser(users: users(req.db), credentials: credentials(req.db), regions: regions(req.db), audit: audit(req.db), clock: clock)
    }
}

// MARK: - Registry

extension WebServices {
    /// The row validator for `principal`: rows outside their region are refused.
    func validator(_ db: any Database, for principal: Principal) async throws -> BeneficiaryRowValidator {
        BeneficiaryRowValidator(context: try await .load(regions: regions(db), interests: interests(db),
                                                          today: CivilDate(clock.now()), scope: principal.region))
    }

    func importer(_ db: any Database, for principal: Principal) async throws -> ImportBeneficiaries {
        ImportBeneficiaries(repository: beneficiaries(db), validator: try await validator(db, for: principal), audit: audit(db),
                            clock: clock)
    }
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
        LoadRecommender(potentials: potentials(db), regions: regions(db), skills: skills(db), settings: skills(db))
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
