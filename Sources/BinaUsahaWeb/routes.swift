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
    }

    // MARK: - Operations
    do {
        app.get("health", policy: everyone, use: HealthController().check)
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
    }
}
