import BinaUsahaDomain
import Foundation

/// Every address the pages link to or redirect to, in one place, next to `routes.swift`: a
/// route that moves is changed here and the compiler finds every link to it.
enum Site {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let password = "/account/password"
    static let audit = "/audit"
    static let users = "/admin/users"
    static let newUser = "/admin/users/new"
    static func user(_ id: String) -> String { "/admin/users/\(id)" }
    static let interests = "/admin/interests"

    static let regions = "/regions"
    static func region(_ code: RegionCode) -> String { "/regions/\(code.rawValue)" }
    static func regionPotentials(_ code: RegionCode) -> String { "/regions/\(code.rawValue)/potentials" }
    static func regionCrafts(_ code: RegionCode) -> String { "/regions/\(code.rawValue)/crafts" }
    static func regionCraftDelete(_ code: RegionCode, _ skill: String) -> String {
        "/regions/\(code.rawValue)/crafts/\(skill.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? skill)/delete"
    }
    static func regionPotentialDelete(_ code: RegionCode, _ resource: String) -> String {
        "/regions/\(code.rawValue)/potentials/\(resource)/delete"
    }

    static let beneficiaries = "/beneficiaries"
    static let newBeneficiary = "/beneficiaries/new"
    static let beneficiarySearch = "/beneficiaries/search"
    static let beneficiaryImport = "/beneficiaries/import"
    static let beneficiaryExport = "/beneficiaries/export.csv"
    static let duplicates = "/beneficiaries/duplicates"
    static let beneficiariesDeleted = "/beneficiaries/deleted"
    static func beneficiaryRestore(_ id: some CustomStringConvertible) -> String { "/beneficiaries/deleted/\(id)/restore" }
    static func beneficiary(_ id: some CustomStringConvertible) -> String { "/beneficiaries/\(id)" }
    static func beneficiaryEdit(_ id: some CustomStringConvertible) -> String { "/beneficiaries/\(id)/edit" }
    static func beneficiaryDelete(_ id: some CustomStringConvertible) -> String { "/beneficiaries/\(id)/delete" }
    static func importJob(_ id: UUID) -> String { "/imports/\(id)" }
    static func importProblems(_ id: UUID) -> String { "/imports/\(id)/problems.csv" }
    static func importCommit(_ id: UUID) -> String { "/imports/\(id)/commit" }

    static let skills = "/skills"
    static let newSkill = "/skills/new"
    static let skillResources = "/skills/resources"
    static let skillWeights = "/skills/weights"
    static func skill(_ code: String) -> String { "/skills/\(code)" }
    static func skillEdit(_ code: String) -> String { "/skills/\(code)/edit" }

    static let plans = "/plans"
    static func plan(_ id: UUID) -> String { "/plans/\(id)" }
    static func planEdit(_ id: UUID) -> String { "/plans/\(id)/edit" }

    static let groups = "/groups"
    static let newGroup = "/groups/new"
    static func group(_ id: UUID) -> String { "/groups/\(id)" }
    static func groupAssistance(_ id: UUID) -> String { "/groups/\(id)/assistance" }

    static let programmes = "/programmes"
    static func programme(_ id: UUID) -> String { "/programmes/\(id)" }
    static func programmeGroups(_ id: UUID) -> String { "/programmes/\(id)/groups" }

    static let sessions = "/sessions"
    static let newSession = "/sessions/new"
    static func session(_ id: UUID) -> String { "/sessions/\(id)" }
    static func sessionAttendance(_ id: UUID) -> String { "/sessions/\(id)/attendance" }

    static let pendamping = "/pendamping"

    static let outcomes = "/outcomes"
    static let outcomesRule = "/outcomes/rule"
    static func beneficiaryOutcomes(_ id: some CustomStringConvertible) -> String { "/beneficiaries/\(id)/outcomes" }
    static func beneficiaryGraduate(_ id: some CustomStringConvertible) -> String { "/beneficiaries/\(id)/graduate" }

    static let partners = "/partners"
    static let mitra = "/mitra"
    static func mitraGroup(_ id: UUID) -> String { "/mitra/groups/\(id)" }
    static func partner(_ id: UUID) -> String { "/partners/\(id)" }
    static func partnerCommitments(_ id: UUID) -> String { "/partners/\(id)/commitments" }
    static func partnerRealisation(_ id: UUID, _ commitment: UUID) -> String { "/partners/\(id)/commitments/\(commitment)/realisations" }
    static func partnerAccounts(_ id: UUID) -> String { "/partners/\(id)/accounts" }

    static let ledger = "/ledger"
    static let ledgerClose = "/ledger/close"
    static func groupLedger(_ id: UUID) -> String { "/groups/\(id)/ledger" }

    static let stylesheet = "/css/app.css"
    static let script = "/js/app.js"
    static let favicon = "/favicon.svg"
}
