import BinaUsahaDomain
import FluentKit
import Foundation

public struct FluentCredentialRepository: CredentialRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    public func createSession(tokenHash: String, userID: UUID, csrfToken: String, expiresAt: Date) async throws {
        let record = SessionRecord()
        record.id = tokenHash
        record.$user.id = userID
        record.csrfToken = csrfToken
        record.createdAt = Date()
        record.expiresAt = expiresAt
        try await record.create(on: database)
    }

    public func sessionUser(tokenHash: String, now: Date) async throws -> (user: User, csrfToken: String)? {
        guard let session = try await SessionRecord.query(on: database)
            .filter(\.$id == tokenHash).filter(\.$expiresAt > now).with(\.$user).first(),
            session.user.isActive else { return nil }
        return (session.user.toDomain(), session.csrfToken)
    }

    public func deleteSession(tokenHash: String) async throws {
        try await SessionRecord.query(on: database).filter(\.$id == tokenHash).delete()
    }

    public func deleteSessions(of userID: UUID) async throws {
        try await SessionRecord.query(on: database).filter(\.$user.$id == userID).delete()
    }

    public func createToken(tokenHash: String, userID: UUID, label: String, createdAt: Date) async throws {
        let record = APITokenRecord()
        record.tokenHash = tokenHash
        record.$user.id = userID
        record.label = label
        record.createdAt = createdAt
        try await record.create(on: database)
    }

    public func tokenUser(tokenHash: String) async throws -> User? {
        guard let token = try await APITokenRecord.query(on: database)
            .filter(\.$tokenHash == tokenHash).filter(\.$revokedAt == nil).with(\.$user).first(),
            token.user.isActive else { return nil }
        return token.user.toDomain()
    }

    public func recordLoginAttempt(usernameKey: String, succeeded: Bool, at: Date) async throws {
        let record = LoginAttemptRecord()
        record.usernameKey = usernameKey
        record.succeeded = succeeded
        record.at = at
        try await record.create(on: database)
    }

    public func failedLoginCount(usernameKey: String, since: Date) async throws -> Int {
        // Failures since the last success within the window count.
        let lastSuccess = try await LoginAttemptRecord.query(on: database)
            .filter(\.$usernameKey == usernameKey).filter(\.$succeeded == true).filter(\.$at >= since)
            .sort(\.$at, .descending).first()?.at
        return try await LoginAttemptRecord.query(on: database)
            .filter(\.$usernameKey == usernameKey).filter(\.$succeeded == false)
            .filter(\.$at >= max(since, lastSuccess ?? since))
            .count()
    }
}
