import Foundation

/// A user changes their own password: the current one must match; other sessions end.
public struct ChangePassword: Sendable {
    public let users: any UserRepository
    public let audit: any AuditLog
    public let clock: Clock
    public let hashPassword: @Sendable (String) async throws -> String
    public let verifyPassword: @Sendable (String, String) async throws -> Bool

    public init(users: any UserRepository, audit: any AuditLog, clock: Clock,
                hashPassword: @escaping @Sendable (String) async throws -> String,
                verifyPassword: @escaping @Sendable (String, String) async throws -> Bool) {
        self.users = users
        self.audit = audit
        self.clock = clock
        self.hashPassword = hashPassword
        self.verifyPassword = verifyPassword
    }

    public func callAsFunction(_ principal: Principal, current: String, new: String, confirmation: String) async throws {
        guard let hash = try await users.passwordHash(id: principal.userID),
              try await verifyPassword(current, hash) else { throw UserRuleError.wrongCurrentPassword }
        guard new == confirmation else { throw UserRuleError.passwordsDiffer }
        try UserRules.validatePassword(new, username: principal.username)
        try await users.setPasswordHash(try await hashPassword(new), for: principal.userID)
        try await audit.record(.passwordChange, by: AuditActor(principal), at: clock.now(), entity: "user",
                               entityID: principal.userID.uuidString, region: principal.region)
    }
}
