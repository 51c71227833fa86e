import BinaUsahaDomain
import FluentKit
import Foundation

public struct FluentUserRepository: UserRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    public func find(id: UUID) async throws -> User? {
        try await UserRecord.find(id, on: database)?.toDomain()
    }

    public func find(username: String) async throws -> User? {
        try await record(username: username)?.toDomain()
    }

    public func credentials(username: String) async throws -> UserCredentials? {
        guard let record = try await record(username: username) else { return nil }
        return UserCredentials(user: try record.toDomain(), passwordHash: record.passwordHash)
    }

    public func passwordHash(id: UUID) async throws -> String? {
        try await UserRecord.find(id, on: database)?.passwordHash
    }

    public func all() async throws -> [User] {
        try await UserRecord.query(on: database).sort(\.$username).all().map { try $0.toDomain() }
    }

    public func count() async throws -> Int { try await UserRecord.query(on: database).count() }

    public func create(_ user: User, passwordHash: String) async throws {
        try await UserRecord(user, passwordHash: passwordHash).create(on: database)
    }

    public func update(_ user: User) async throws {
        guard let record = try await UserRecord.find(user.id, on: database) else { return }
        record.apply(user)
        try await record.update(on: database)
    }

    public func setPasswordHash(_ hash: String, for id: UUID) async throws {
        guard let record = try await UserRecord.find(id, on: database) else { return }
        record.passwordHash = hash
        try await record.update(on: database)
    }

    private func record(username: String) async throws -> UserRecord? {
        try await UserRecord.query(on: database).filter(\.$username == username.lowercased()).first()
    }
}
