import FluentKit
import SQLKit

/// The append-only audit trail. `changes` holds the before/after values as JSON text.
struct CreateAuditLog: AsyncMigration {
    var name: String { "0005_create_audit_log" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log")
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("actor_role", .string)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("region_code", .string)
            .field("changes", .string, .required)
            .field("note", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_log_at_idx").on("audit_log").column("at").run()
        try await sql.create(index: "audit_log_entity_idx").on("audit_log").column("entity").column("entity_id").run()
        try await sql.create(index: "audit_log_region_idx").on("audit_log").column("region_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_log").delete()
    }
}
