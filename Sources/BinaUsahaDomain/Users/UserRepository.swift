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
    func createSignIn(tokenHash: String, userID: UUID, csrfToken: String, expiresAt: Date) async throws
    /// The user of a live session (not expired, user active).
    func signedInUser(tokenHash: String, now: Date) async throws -> (user: User, csrfToken: String)?
    func endSignIn(tokenHash: String) async throws
    /// Ends every session of a user, but for the one whose hash is `except`.
    func endSignIns(of userID: UUID, except: String?) async throws

    func createToken(_ token: APIToken, tokenHash: String) async throws
    /// The user of a token that is neither revoked nor expired at `now` (user active).
    func tokenUser(tokenHash: String, now: Date) async throws -> User?
    func tokens(of userID: UUID) async throws -> [APIToken]
    /// Revokes the given tokens (all of the user's when `ids` is nil); returns those revoked.
    func revokeTokens(of userID: UUID, ids: [UUID]?, at: Date) async throws -> [APIToken]

    /// The throttle, as one atomic step: counts the failures of `usernameKey` since `since`
    /// (after its last success), and unless they reach `limit` records this attempt as a
    /// failure until `finishLoginAttempt` says otherwise. Parallel attempts therefore count
    /// each other: of 40 at once, at most `limit` get to have their password checked.
    /// Returns the attempt's id, or nil when throttled.
    func beginLoginAttempt(usernameKey: String, at: Date, since: Date, limit: Int) async throws -> UUID?
    func finishLoginAttempt(_ id: UUID, succeeded: Bool) async throws
}

/// An API token as its owner and the admin see it (never the secret).
public struct APIToken: Sendable, Equatable {
    public var id: UUID
    public var userID: UUID
    public var label: String
    public var createdAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?

    public init(id: UUID = UUID(), userID: UUID, label: String, createdAt: Date, expiresAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.userID = userID
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// How long a token lives unless asked otherwise.
    public static let defaultLifetimeDays = 90
    public static let maximumLifetimeDays = 365
}

/// "After 5 failed log-ins in 15 minutes an account is throttled."
public enum LoginThrottle {
    public static let maximumFailures = 5
    public static let window: TimeInterval = 15 * 60

    public static func isThrottled(failures: Int) -> Bool { failures >= maximumFailures }
}
