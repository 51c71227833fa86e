/// Every repository, as seen from inside one unit of work: what is written through them
/// commits together, or not at all.
public struct Repositories: Sendable {
    public var regions: any RegionRepository
    public var users: any UserRepository
    public var credentials: any CredentialRepository
    public var audit: any AuditLog
    public var beneficiaries: any BeneficiaryRepository
    public var interests: any InterestRepository
    public var importJobs: any ImportJobStore
    public var potentials: any PotentialRepository
    public var skills: any SkillRepository & SettingsRepository
    public var plans: any GroupPlanRepository
    public var planningPeople: any PlanningPeopleSource & PersonNames
    public var groups: any GroupRepository
    public var coaching: any CoachingRepository
    public var ledger: any LedgerRepository
    public var partners: any PartnerRepository
    public var outcomes: any OutcomeRepository

    public init(
        regions: any RegionRepository, users: any UserRepository, credentials: any CredentialRepository, audit: any AuditLog,
        beneficiaries: any BeneficiaryRepository, interests: any InterestRepository, importJobs: any ImportJobStore,
        potentials: any PotentialRepository, skills: any SkillRepository & SettingsRepository, plans: any GroupPlanRepository,
        planningPeople: any PlanningPeopleSource & PersonNames, groups: any GroupRepository, coaching: any CoachingRepository,
        ledger: any LedgerRepository, partners: any PartnerRepository,
        outcomes: any OutcomeRepository
    ) {
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
        self.ledger = ledger
        self.partners = partners
        self.outcomes = outcomes
    }
}

/// Runs a use case's writes and its audit record as one transaction.
public protocol Transactor: Sendable {
    /// Runs `work` in one transaction: it commits when `work` returns and rolls back when it
    /// throws. Calls nested inside `work` join the same transaction.
    func run<T: Sendable>(_ work: @escaping @Sendable (Repositories) async throws -> T) async throws -> T
}

/// A write that lost a race it cannot win by waiting: another writer holds the database, or a
/// unique key was taken in the meantime. Answered 409 with "try again"; nothing was written.
public enum WriteConflict: Error, Equatable, Sendable, LocalizedMessage {
    /// The database stayed busy with another writer for longer than the wait allows.
    case busy
    /// A unique value (a NIK, a username) was stored by someone else at the same moment.
    case duplicate
    /// A record read in this unit of work was changed by someone else before it was written.
    case stale

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.busy, .id): "Sistem sedang menyimpan perubahan lain. Tidak ada yang tersimpan; silakan coba lagi sebentar lagi."
        case (.busy, .en): "The system is busy saving another change. Nothing was saved; please try again in a moment."
        case (.duplicate, .id): "Data yang sama baru saja disimpan orang lain. Tidak ada yang tersimpan; muat ulang lalu periksa kembali."
        case (.duplicate, .en): "Someone else saved the same data a moment ago. Nothing was saved; reload and check again."
        case (.stale, .id): "Data ini baru saja diubah orang lain. Tidak ada yang tersimpan; muat ulang lalu ulangi perubahan Anda."
        case (.stale, .en): "Someone else changed this record a moment ago. Nothing was saved; reload and redo your change."
        }
    }
}
