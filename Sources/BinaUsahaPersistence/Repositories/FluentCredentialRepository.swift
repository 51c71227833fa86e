import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

public struct FluentCredentialRepository: CredentialRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    public func createSignIn(tokenHash: String, userID: UUID, csrfToken: String, expiresAt: Date) async throws {
        let record = SignInRecord()
        record.id = tokenHash
        record.$user.id = userID
        record.csrfToken = csrfToken
        record.createdAt = Date()
        record.expiresAt = expiresAt
        try await record.create(on: database)
    }

    public func signedInUser(tokenHash: String, now: Date) async throws -> (user: User, csrfToken: String)? {
        guard
            let session = try await SignInRecord.query(on: database)
                .filter(\.$id == tokenHash).filter(\.$expiresAt > now).with(\.$user).first(),
            session.user.isActive
        else { return nil }
        return (try session.user.toDomain(), session.csrfToken)
    }

    public func endSignIn(tokenHash: String) async throws {
        try await SignInRecord.query(on: database).filter(\.$id == tokenHash).delete()
    }

    public func endSignIns(of userID: UUID, except: String?) async throws {
        let query = SignInRecord.query(on: database).filter(\.$user.$id == userID)
        if let except { query.filter(\.$id != except) }
        try await query.delete()
    }

    public func createToken(_ token: APIToken, tokenHash: String) async throws {
        let record = APITokenRecord()
        record.id = token.id
        record.tokenHash = tokenHash
        record.$user.id = token.userID
        record.label = token.label
        record.createdAt = token.createdAt
        record.expiresAt = token.expiresAt
        try await record.create(on: database)
    }

    public func tokenUser(tokenHash: String, now: Date) async throws -> User? {
        guard
            let token = try await APITokenRecord.query(on: database)
                .filter(\.$tokenHash == tokenHash).filter(\.$revokedAt == nil).filter(\.$expiresAt > now).with(\.$user).first(),
            token.user.isActive
        else { return nil }
        return try token.user.toDomain()
    }

    public func tokens(of userID: UUID) async throws -> [APIToken] {
        try await APITokenRecord.query(on: database).filter(\.$user.$id == userID).sort(\.$createdAt).all().map(\.domain)
    }

    public func revokeTokens(of userID: UUID, ids: [UUID]?, at: Date) async throws -> [APIToken] {
        try await database.write { db in
            let query = APITokenRecord.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            if let ids { query.filter(\.$id ~~ ids) }
            let tokens = try await query.all()
            for token in tokens {
                token.revokedAt = at
                try await token.update(on: db)
            }
            return tokens.map(\.domain)
        }
    }

    public func beginLoginAttempt(usernameKey: String, at: Date, since: Date, limit: Int) async throws -> UUID? {
        try await database.write { db in
            let sql = db.sql
            if sql.dialect.name == "postgresql" {
                // SQLite's write lock already serialises this; PostgreSQL takes a lock per name.
                try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "login:" + usernameKey)))").run()
            }
            // Failures since the last success within the window count.
            let lastSuccess = try await LoginAttemptRecord.query(on: db)
                .filter(\.$usernameKey == usernameKey).filter(\.$succeeded == true).filter(\.$at >= since)
                .sort(\.$at, .descending).first()?.at
            let failures = try await LoginAttemptRecord.query(on: db)
                .filter(\.$usernameKey == usernameKey).filter(\.$succeeded == false)
                .filter(\.$at >= max(since, lastSuccess ?? since))
                .count()
            guard failures < limit else { return nil }
            let record = LoginAttemptRecord()
            record.id = UUID()
            record.usernameKey = usernameKey
            record.succeeded = false
            record.at = at
            try await record.create(on: db)
            return record.id
        }
    }

    public func finishLoginAttempt(_ id: UUID, succeeded: Bool) async throws {
        try await database.write { db in
            try await db.sql.update(LoginAttemptRecord.schema).set("succeeded", to: SQLBind(succeeded)).where("id", .equal, SQLBind(id)).run()
        }
    }
}

extension APITokenRecord {
    var domain: APIToken {
        APIToken(id: id ?? UUID(), userID: $user.id, label: label, createdAt: createdAt, expiresAt: expiresAt ?? createdAt, revokedAt: revokedAt)
    }
}
