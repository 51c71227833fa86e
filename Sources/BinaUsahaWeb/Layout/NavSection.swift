/// The modules in the main navigation. A module without a path is announced as coming soon.
enum NavSection: CaseIterable, Sendable {
    case home, regions, beneficiaries, skills, groups, coaching, reports

    var label: MessageKey {
        switch self {
        case .home: .navHome
        case .regions: .navRegions
        case .beneficiaries: .navBeneficiaries
        case .skills: .navSkills
        case .groups: .navGroups
        case .coaching: .navCoaching
        case .reports: .navReports
        }
    }

    /// Where the module lives, `nil` while it is not built yet.
    var path: String? {
        switch self {
        case .home: "/"
        case .regions: "/regions"
        case .beneficiaries, .skills, .groups, .coaching, .reports: nil
        }
    }
}
