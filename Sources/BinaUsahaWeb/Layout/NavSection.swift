import BinaUsahaDomain

/// The modules in the main navigation: only what is built is shown, and only to those who may use it.
enum NavSection: CaseIterable, Sendable {
    case home, regions, beneficiaries, skills, groups, coaching, ledger, outcomes, partners, fieldwork, users, audit

    var label: MessageKey {
        switch self {
        case .home: .navHome
        case .regions: .navRegions
        case .beneficiaries: .navBeneficiaries
        case .skills: .navSkills
        case .groups: .navGroups
        case .coaching: .navCoaching
        case .ledger: .navLedger
        case .partners: .navPartners
        case .outcomes: .navOutcomes
        case .fieldwork: .navFieldwork
        case .users: .navUsers
        case .audit: .navAudit
        }
    }

    /// The sections a user sees: administration only for those allowed to use it.
    static func visible(to principal: Principal?) -> [NavSection] {
        allCases.filter { section in
            switch section {
            case .users: principal?.may(.manageUsers) == true
            case .audit: principal?.may(.readAudit) == true
            // Visitors see it (it leads to sign-in); partners never read the register.
            case .beneficiaries, .groups, .coaching, .ledger, .outcomes: principal.map { $0.may(.readRegistry) } ?? true
            // Staff see the partners; a partner's own account has its page as home.
            case .partners: principal.map { $0.may(.readRegistry) } ?? false
            // The pendamping page: today's sessions and rosters of one's own groups.
            case .fieldwork: principal?.may(.recordFieldwork) == true
            default: true
            }
        }
    }

    /// Where the module lives.
    var path: String {
        switch self {
        case .home: "/"
        case .regions: Site.regions
        case .beneficiaries: Site.beneficiaries
        case .users: Site.users
        case .audit: Site.audit
        case .skills: Site.skills
        case .groups: Site.groups
        case .coaching: Site.programmes
        case .ledger: Site.ledger
        case .partners: Site.partners
        case .outcomes: Site.outcomes
        case .fieldwork: Site.pendamping
        }
    }
}
