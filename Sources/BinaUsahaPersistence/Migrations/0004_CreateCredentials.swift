import FluentKit
import SQLKit

/// Sessions (in the database so that several app instances serve one user), API tokens and
/// log-in attempts. Secrets are stored as SHA-256 hashes only.
struct CreateCredentials: AsyncMigration {
    var name: String { "0004_create_credentials" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.schema("api_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("label", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("login_attempts")
            .id()
            .field("username_key", .string, .required)
            .field("succeeded", .bool, .required)
            .field("at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sessions_user_idx").on("sessions").column("user_id").run()
        try await sql.create(index: "login_attempts_key_at_idx").on("login_attempts").column("username_key").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_attempts").delete()
        try await database.schema("api_tokens").delete()
        try await database.schema("sessions").delete()
    }
}
