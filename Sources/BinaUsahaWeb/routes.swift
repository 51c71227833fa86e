import BinaUsahaDomain
import Vapor

/// Every route of the site and the API, on one screen, each with the policy that guards it.
/// A route registered without a policy fails `RouteAccessTests`.
func routes(_ app: Application) throws {
    let everyone = PublicAccess()
    let signedIn = SignedInPolicy()

    // MARK: - Pages
    do {
        app.get(policy: everyone, use: HomeController().index)

        let regions = RegionController()
        app.get("regions", policy: everyone, use: regions.index)
        app.get("regions", ":code", policy: everyone, use: regions.show)
        let picker = RegionPickerController()
        app.get("regions", "options", policy: everyone, use: picker.options)
        app.get("regions", "search", policy: everyone, use: picker.search)
    }

    // MARK: - Register of beneficiaries
    do {
        let read = PermissionPolicy(.readRegistry)
        let write = PermissionPolicy(.writeRegistry)
        let people = BeneficiariesController()
        app.get("beneficiaries", policy: read, use: people.index)
        app.post("beneficiaries", "search", policy: read, use: people.search)
        app.get("beneficiaries", "new", policy: write, use: people.new)
        app.post("beneficiaries", policy: write, use: people.create)
        app.get("beneficiaries", "export.csv", policy: read, use: ExportController().export)
        app.get("beneficiaries", "duplicates", policy: read, use: DuplicatesController().index)
        app.get("beneficiaries", ":id", policy: read, use: people.show)
        app.get("beneficiaries", ":id", "edit", policy: write, use: people.edit)
        app.post("beneficiaries", ":id", policy: write, use: people.update)
        let deletion = DeletionController()
        app.get("beneficiaries", ":id", "delete", policy: write, use: deletion.confirm)
        app.post("beneficiaries", ":id", "delete", policy: write, use: deletion.delete)
        app.get("beneficiaries", "deleted", policy: write, use: deletion.index)
        app.post("beneficiaries", "deleted", ":id", "restore", policy: write, use: deletion.restore)

        let imports = ImportController()
        app.get("beneficiaries", "import", policy: write, use: imports.form)
        app.post("beneficiaries", "import", policy: write, maxBodySize: "200mb", use: imports.upload)
        app.get("imports", ":id", policy: write, use: imports.show)
        app.get("imports", ":id", "problems.csv", policy: write, use: imports.problems)
        app.post("imports", ":id", "commit", policy: write, use: imports.commit)
    }

    // MARK: - Resources, skills and KUBE planning
    do {
        let skills = SkillsController()
        let catalogues = PermissionPolicy(.manageCatalogues)
        app.get("skills", policy: everyone, use: skills.index)
        app.get("skills", "new", policy: catalogues, use: skills.new)
        app.post("skills", policy: catalogues, use: skills.create)
        app.post("skills", "resources", policy: catalogues, use: skills.saveResource)
        app.post("skills", "weights", policy: catalogues, use: skills.saveWeights)
        app.get("skills", ":code", policy: everyone, use: skills.show)
        app.get("skills", ":code", "edit", policy: catalogues, use: skills.edit)
        app.post("skills", ":code", policy: catalogues, use: skills.update)

        let potentials = PotentialsController()
        app.post("regions", ":code", "potentials", policy: PermissionPolicy(.editPotentials), use: potentials.save)
        app.post("regions", ":code", "potentials", ":resource", "delete", policy: PermissionPolicy(.editPotentials), use: potentials.remove)
        let crafts = CraftsController()
        app.post("regions", ":code", "crafts", policy: PermissionPolicy(.editPotentials), use: crafts.save)
        app.post("regions", ":code", "crafts", ":skill", "delete", policy: PermissionPolicy(.editPotentials), use: crafts.remove)

        let plans = PlansController()
        app.get("plans", policy: PermissionPolicy(.readRegistry), use: plans.index)
        app.post("plans", policy: PermissionPolicy(.planGroups), use: plans.create)
        app.get("plans", ":id", policy: PermissionPolicy(.readRegistry), use: plans.show)
        app.post("plans", ":id", "edit", policy: PermissionPolicy(.planGroups), use: plans.edit)
    }

    // MARK: - KUBE groups, programmes, sessions, assistance
    do {
        let read = PermissionPolicy(.readRegistry)
        let write = PermissionPolicy(.writeRegistry)
        let groups = GroupsController()
        app.get("groups", policy: read, use: groups.index)
        app.get("groups", "new", policy: write, use: groups.new)
        app.post("groups", policy: write, use: groups.create)
        app.get("groups", ":id", policy: read, use: groups.show)
        app.post("groups", ":id", policy: write, use: groups.change)
        app.post("groups", ":id", "assistance", policy: write, use: groups.addAssistance)

        let coaching = CoachingController()
        app.get("programmes", policy: read, use: coaching.programmes)
        app.post("programmes", policy: write, use: coaching.createProgramme)
        app.get("programmes", ":id", policy: read, use: coaching.programme)
        app.post("programmes", ":id", "groups", policy: write, use: coaching.enrol)
        app.get("sessions", "new", policy: write, use: coaching.newSession)
        app.post("sessions", policy: write, use: coaching.scheduleSession)
        app.get("sessions", ":id", policy: read, use: coaching.session)
        app.post("sessions", ":id", "attendance", policy: PermissionPolicy(.recordFieldwork), use: coaching.saveAttendance)
        app.get("pendamping", policy: PermissionPolicy(.recordFieldwork), use: coaching.pendamping)

        let outcomes = OutcomesController()
        app.get("beneficiaries", ":id", "outcomes", policy: read, use: outcomes.person)
        app.post("beneficiaries", ":id", "outcomes", policy: PermissionPolicy(.recordFieldwork), use: outcomes.addAssessment)
        app.post("beneficiaries", ":id", "graduate", policy: PermissionPolicy(.writeRegistry), use: outcomes.graduate)
        app.get("outcomes", policy: read, use: outcomes.index)
        app.post("outcomes", "rule", policy: PermissionPolicy(.manageCatalogues), use: outcomes.saveRule)

        let partners = PartnersController()
        app.get("partners", policy: read, use: partners.index)
        app.post("partners", policy: PermissionPolicy(.managePartners), use: partners.create)
        app.get("partners", ":id", policy: read, use: partners.show)
        app.post("partners", ":id", "commitments", policy: PermissionPolicy(.managePartners), use: partners.addCommitment)
        app.post(
            "partners", ":id", "commitments", ":commitment", "realisations", policy: PermissionPolicy(.managePartners), use: partners.addRealisation)
        app.post("partners", ":id", "accounts", policy: PermissionPolicy(.manageUsers), use: partners.linkAccount)
        app.get("mitra", policy: PermissionPolicy(.readAggregates), use: partners.mitra)
        app.get("mitra", "groups", ":id", policy: PermissionPolicy(.readAggregates), use: partners.mitraGroup)

        let ledger = LedgerController()
        app.get("groups", ":id", "ledger", policy: read, use: ledger.month)
        app.post("groups", ":id", "ledger", policy: PermissionPolicy(.recordFieldwork), use: ledger.save)
        app.get("ledger", policy: read, use: ledger.summary)
        app.post("ledger", "close", policy: PermissionPolicy(.closeMonths), use: ledger.close)
    }

    // MARK: - Sign-in and account
    do {
        let auth = AuthController()
        app.get("login", policy: everyone, use: auth.showLogin)
        app.post("login", policy: everyone, use: auth.login)
        app.post("logout", policy: signedIn, use: auth.logout)

        let password = PasswordController()
        app.get("account", "password", policy: signedIn, use: password.show)
        app.post("account", "password", policy: signedIn, use: password.change)
    }

    // MARK: - Administration
    do {
        let users = UsersController()
        let manageUsers = PermissionPolicy(.manageUsers)
        app.get("admin", "users", policy: manageUsers, use: users.index)
        app.get("admin", "users", "new", policy: manageUsers, use: users.new)
        app.post("admin", "users", policy: manageUsers, use: users.create)
        app.get("admin", "users", ":id", policy: manageUsers, use: users.edit)
        app.post("admin", "users", ":id", policy: manageUsers, use: users.update)

        app.get("audit", policy: PermissionPolicy(.readAudit), use: AuditController().index)

        let interests = InterestsController()
        app.get("admin", "interests", policy: PermissionPolicy(.manageCatalogues), use: interests.index)
        app.post("admin", "interests", policy: PermissionPolicy(.manageCatalogues), use: interests.add)
    }

    // MARK: - Operations
    do {
        app.get("health", policy: everyone, use: HealthController().check)
        app.get("metrics", policy: everyone, use: MetricsController().show)
        app.get("api", "openapi.json", policy: everyone, use: OpenAPIController().json)
    }

    // MARK: - API v1 (bearer token)
    do {
        let v1 = app.grouped("api", "v1")
        v1.get("me", policy: signedIn, use: MeAPIController().show)

        let regions = RegionsAPIController()
        v1.get("regions", policy: signedIn, use: regions.list)
        v1.get("regions", ":code", policy: signedIn, use: regions.show)

        v1.get("audit", policy: PermissionPolicy(.readAudit), use: AuditController().api)

        let read = PermissionPolicy(.readRegistry)
        let write = PermissionPolicy(.writeRegistry)
        let people = BeneficiariesAPIController()
        v1.get("beneficiaries", policy: read, use: people.list)
        v1.post("beneficiaries", "search", policy: read, use: people.search)
        v1.post("beneficiaries", "lookup", policy: read, use: people.lookup)
        v1.post("beneficiaries", policy: write, use: people.create)
        v1.post("beneficiaries", "import", policy: write, maxBodySize: "200mb", use: people.importCSV)
        v1.get("beneficiaries", ":id", policy: read, use: people.show)
        v1.put("beneficiaries", ":id", policy: write, use: people.update)
        v1.delete("beneficiaries", ":id", policy: write, use: people.delete)
        v1.post("beneficiaries", "deleted", ":id", "restore", policy: write, use: people.restore)

        let planning = PlanningAPIController()
        v1.get("beneficiaries", ":id", "recommendations", policy: read, use: planning.recommendations)
        v1.get("skills", policy: signedIn, use: planning.skills)
        v1.get("resources", policy: signedIn, use: planning.resources)
        v1.get("regions", ":code", "potentials", policy: signedIn, use: planning.potentials)
        v1.get("regions", ":code", "crafts", policy: signedIn, use: planning.crafts)
        v1.post("group-plans", policy: PermissionPolicy(.planGroups), use: planning.createPlan)
        v1.get("group-plans", ":id", policy: read, use: planning.showPlan)
        v1.post("group-plans", ":id", "accept", policy: PermissionPolicy(.planGroups), use: planning.acceptPlan)

        let groups = GroupsAPIController()
        v1.get("groups", policy: read, use: groups.list)
        v1.post("groups", policy: write, use: groups.create)
        v1.get("groups", ":id", policy: read, use: groups.show)
        v1.put("groups", ":id", "roles", policy: write, use: groups.roles)
        v1.post("groups", ":id", "activate", policy: write, use: groups.activate)
        v1.post("groups", ":id", "stage", policy: write, use: groups.stage)
        v1.get("groups", ":id", "assistance", policy: read, use: groups.assistance)
        v1.post("groups", ":id", "assistance", policy: write, use: groups.addAssistance)
        v1.get("programmes", policy: read, use: groups.programmes)
        v1.post("programmes", policy: write, use: groups.createProgramme)
        v1.post("sessions", policy: write, use: groups.scheduleSession)
        v1.get("sessions", ":id", policy: read, use: groups.session)
        v1.put("sessions", ":id", "attendance", policy: PermissionPolicy(.recordFieldwork), use: groups.putAttendance)

        let outcomes = OutcomesAPIController()
        v1.get("beneficiaries", ":id", "assessments", policy: read, use: outcomes.list)
        v1.post("beneficiaries", ":id", "assessments", policy: PermissionPolicy(.recordFieldwork), use: outcomes.add)
        v1.post("beneficiaries", ":id", "graduation", policy: write, use: outcomes.graduate)
        v1.get("outcomes", "cohorts", policy: read, use: outcomes.cohorts)

        let partners = PartnersAPIController()
        v1.get("partners", policy: read, use: partners.list)
        v1.post("partners", policy: PermissionPolicy(.managePartners), use: partners.create)
        v1.get("partners", ":id", policy: read, use: partners.show)
        v1.post("partners", ":id", "commitments", policy: PermissionPolicy(.managePartners), use: partners.addCommitment)
        v1.post("commitments", ":id", "realisations", policy: PermissionPolicy(.managePartners), use: partners.addRealisation)

        let ledger = LedgerAPIController()
        v1.get("groups", ":id", "ledger", policy: read, use: ledger.list)
        v1.get("groups", ":id", "ledger", ":month", policy: read, use: ledger.show)
        v1.put("groups", ":id", "ledger", ":month", policy: PermissionPolicy(.recordFieldwork), use: ledger.put)
        v1.get("ledger", "summary", policy: read, use: ledger.summary)
        v1.post("ledger", "closures", policy: PermissionPolicy(.closeMonths), use: ledger.close)
    }
}
