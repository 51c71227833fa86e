import Foundation

/// Checks a username and password, throttling after repeated failures, and on success opens
/// a session (its secret is returned once; only its hash is stored). The outcome never says
/// whether the username exists (no user enumeration).
public struct LogIn: Sendable {
    public let transactor: any Transactor
    public let repositories: Repositories
    public let secrets: Secrets
    public let clock: Clock
    public let verifyPassword: @Sendable (_ password: String, _ hash: String) async throws -> Bool

    /// How long a session lasts.
    public static let signInLifetime: TimeInterval = 12 * 3600

    public init(
        transactor: any Transactor, repositories: Repositories, secrets: Secrets, clock: Clock,
        verifyPassword: @escaping @Sendable (String, String) async throws -> Bool
    ) {
        self.transactor = transactor
        self.repositories = repositories
        self.secrets = secrets
        self.clock = clock
        self.verifyPassword = verifyPassword
    }

    public enum Outcome: Sendable, Equatable {
        case success(User, session: String)
        case invalid
        case throttled
    }

    /// A bcrypt hash of a random string, verified when the username is unknown so that both
    /// paths take about as long.
    static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Q4.rU7Fz9jv6ZQ2s6bJm8nE2s6J7aK"

    public func callAsFunction(username: String, password: String) async throws -> Outcome {
        let key = username.trimmingCharacters(in: .whitespaces).lowercased()
        let now = clock.now()
        // Counting the failures and recording this attempt are one step, so that parallel
        // guesses count each other.
        let credentials = repositories.credentials
        let audit = repositories.audit
        guard
            let attempt = try await credentials.beginLoginAttempt(
                usernameKey: key, at: now,
                since: now.addingTimeInterval(-LoginThrottle.window),
                limit: LoginThrottle.maximumFailures)
        else {
            try await audit.record(
                .loginFailed, by: AuditActor(id: nil, name: key, role: nil), at: now, entity: "sign_in",
                entityID: nil, region: nil, note: "ditahan: terlalu banyak percobaan")
            return .throttled
        }
        let found = try await repositories.users.credentials(username: key)
        let matches = try await verifyPassword(password, found?.passwordHash ?? Self.decoyHash)
        guard let found, matches, found.user.isActive else {
            try await audit.record(
                .loginFailed, by: AuditActor(id: found?.user.id, name: key, role: found?.user.role.rawValue),
                at: now, entity: "sign_in", entityID: nil, region: found?.user.region)
            return .invalid
        }
        let session = secrets.make()
        let hash = secrets.hash(session)
        let csrf = secrets.make()
        let user = found.user
        try await transactor.run { repositories in
            try await repositories.credentials.finishLoginAttempt(attempt, succeeded: true)
            try await repositories.credentials.createSignIn(
                tokenHash: hash, userID: user.id, csrfToken: csrf,
                expiresAt: now.addingTimeInterval(Self.signInLifetime))
            try await repositories.audit.record(
                .login, by: AuditActor(user.principal), at: now, entity: "sign_in", entityID: nil,
                region: user.region)
        }
        return .success(user, session: session)
    }
}

/// Ends the session the request came with; audited.
public struct LogOut: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    public func callAsFunction(_ principal: Principal, signInHash: String?) async throws {
        let now = clock.now()
        try await transactor.run { repositories in
            if let signInHash { try await repositories.credentials.endSignIn(tokenHash: signInHash) }
            try await repositories.audit.record(
                .logout, by: AuditActor(principal), at: now, entity: "sign_in", entityID: nil,
                region: principal.region)
        }
    }
}
