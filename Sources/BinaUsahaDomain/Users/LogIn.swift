import Foundation

/// Checks a username and password, throttling after repeated failures. The outcome never says
/// whether the username exists (no user enumeration).
public struct LogIn: Sendable {
    public let users: any UserRepository
    public let credentials: any CredentialRepository
    public let audit: any AuditLog
    public let clock: Clock
    public let verifyPassword: @Sendable (_ password: String, _ hash: String) async throws -> Bool

    public init(users: any UserRepository, credentials: any CredentialRepository, audit: any AuditLog, clock: Clock,
                verifyPassword: @escaping @Sendable (String, String) async throws -> Bool) {
        self.users = users
        self.credentials = credentials
        self.audit = audit
        self.clock = clock
        self.verifyPassword = verifyPassword
    }

    public enum Outcome: Sendable, Equatable {
        case success(User)
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
        guard let attempt = try await credentials.beginLoginAttempt(usernameKey: key, at: now,
                                                                    since: now.addingTimeInterval(-LoginThrottle.window),
                                                                    limit: LoginThrottle.maximumFailures) else {
            try await audit.record(.loginFailed, by: AuditActor(id: nil, name: key, role: nil), at: now, entity: "session",
                                   entityID: nil, region: nil, note: "ditahan: terlalu banyak percobaan")
            return .throttled
        }
        let found = try await users.credentials(username: key)
        let matches = try await verifyPassword(password, found?.passwordHash ?? Self.decoyHash)
        guard let found, matches, found.user.isActive else {
            try await audit.record(.loginFailed, by: AuditActor(id: found?.user.id, name: key, role: found?.user.role.rawValue),
                                   at: now, entity: "session", entityID: nil, region: found?.user.region)
            return .invalid
        }
        try await credentials.finishLoginAttempt(attempt, succeeded: true)
        try await audit.record(.login, by: AuditActor(found.user.principal), at: now, entity: "session", entityID: nil,
                               region: found.user.region)
        return .success(found.user)
    }
}
