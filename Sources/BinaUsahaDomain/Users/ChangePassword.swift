import Foundation

/// A user changes their own password: the current one must match, the new one must pass the
/// password rule, and every other session of the user ends (a stolen session dies with the
/// old password). The new hash, the ended sessions and the audit record commit together.
public struct ChangePassword: Sendable {
    public let transactor: any Transactor
    public let users: any UserRepository
    public let clock: Clock
    public let hashPassword: @Sendable (String) async throws -> String
    public let verifyPassword: @Sendable (String, String) async throws -> Bool

    public init(
        transactor: any Transactor, users: any UserRepository, clock: Clock,
        hashPassword: @escaping @Sendable (String) async throws -> String,
        verifyPassword: @escaping @Sendable (String, String) async throws -> Bool
    ) {
        self.transactor = transactor
        self.users = users
        self.clock = clock
        self.hashPassword = hashPassword
        self.verifyPassword = verifyPassword
    }

    /// - Parameter keepingSignIn: the hash of the session the change is made from, which stays.
    public func callAsFunction(
        _ principal: Principal, current: String, new: String, confirmation: String,
        keepingSignIn session: String?
    ) async throws {
        guard let hash = try await users.passwordHash(id: principal.userID),
            try await verifyPassword(current, hash)
        else { throw UserRuleError.wrongCurrentPassword }
        guard new == confirmation else { throw UserRuleError.passwordsDiffer }
        try UserRules.validatePassword(new, username: principal.username)
        let newHash = try await hashPassword(new)
        let now = clock.now()
        try await transactor.run { repositories in
            try await repositories.users.setPasswordHash(newHash, for: principal.userID)
            try await repositories.credentials.endSignIns(of: principal.userID, except: session)
            try await repositories.audit.record(
                .passwordChange, by: AuditActor(principal), at: now, entity: "user",
                entityID: principal.userID.uuidString, region: principal.region,
                note: "sesi lain diakhiri")
        }
    }
}
