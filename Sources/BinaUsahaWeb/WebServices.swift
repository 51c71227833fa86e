import BinaUsahaDomain
import Vapor

/// What the web layer needs from the outside, chosen once by the composition root
/// (`BinaUsahaApp.configure`). Handlers reach it through `req.services`.
public struct WebServices: Sendable {
    /// `sqlite` or `postgres`, as `/health` reports it.
    public var databaseKind: String
    public var clock: Clock
    public var secrets: Secrets
    public var regions: @Sendable (Request) -> any RegionRepository
    public var users: @Sendable (Request) -> any UserRepository
    public var credentials: @Sendable (Request) -> any CredentialRepository
    public var audit: @Sendable (Request) -> any AuditLog

    public init(
        databaseKind: String, clock: Clock, secrets: Secrets,
        regions: @escaping @Sendable (Request) -> any RegionRepository,
        users: @escaping @Sendable (Request) -> any UserRepository,
        credentials: @escaping @Sendable (Request) -> any CredentialRepository,
        audit: @escaping @Sendable (Request) -> any AuditLog
    ) {
        self.databaseKind = databaseKind
        self.clock = clock
        self.secrets = secrets
        self.regions = regions
        self.users = users
        self.credentials = credentials
        self.audit = audit
    }
}

// MARK: - Use cases, wired with this request's repositories

extension WebServices {
    func logIn(_ req: Request) -> LogIn {
        LogIn(users: users(req), credentials: credentials(req), audit: audit(req), clock: clock,
              verifyPassword: { password, hash in try await req.password.async.verify(password, created: hash).get() })
    }

    func changePassword(_ req: Request) -> ChangePassword {
        ChangePassword(users: users(req), audit: audit(req), clock: clock,
                       hashPassword: { try await req.password.async.hash($0).get() },
                       verifyPassword: { password, hash in try await req.password.async.verify(password, created: hash).get() })
    }

    func createUser(_ req: Request) -> CreateUser {
        CreateUser(users: users(req), regions: regions(req), audit: audit(req), clock: clock,
                   hashPassword: { try await req.password.async.hash($0).get() })
    }

    func updateUser(_ req: Request) -> UpdateUser {
        UpdateUser(users: users(req), credentials: credentials(req), regions: regions(req), audit: audit(req), clock: clock)
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
