import Foundation

public protocol UserRepository: Sendable {
    func find(id: UUID) async throws -> User?
    func find(username: String) async throws -> User?
    func credentials(username: String) async throws -> UserCredentials?
    func passwordHash(id: UUID) async throws -> String?
    func all() async throws -> [User]
    func count() async throws -> Int
    func create(_ user: User, passwordHash: String) async throws
    func update(_ user: User) async throws
    func setPasswordHash(_ hash: String, for id: UUID) async throws
}

/// Sessions, API tokens and log-in attempts. Secrets are stored only as hashes.
public protocol CredentialRepository: Sendable {
    func createSession(tokenHash: String, userID: UUID, csrfToken: String, expiresAt: Date) async throws
    /// The user of a live session (not expired, user active).
    func sessionUser(tokenHash: String, now: Date) async throws -> (user: User, csrfToken: String)?
    func deleteSession(tokenHash: String) async throws
    func deleteSessions(of userID: UUID) async throws

    func createToken(tokenHash: String, userID: UUID, label: String, createdAt: Date) async throws
    func tokenUser(tokenHash: String) async throws -> User?

    func recordLoginAttempt(usernameKey: String, succeeded: Bool, at: Date) async throws
    func failedLoginCount(usernameKey: String, since: Date) async throws -> Int
}

/// "After 5 failed log-ins in 15 minutes an account is throttled."
public enum LoginThrottle {
    public static let maximumFailures = 5
    public static let window: TimeInterval = 15 * 60

    public static func isThrottled(failures: Int) -> Bool { failures >= maximumFailures }
}
