import FluentKit

/// Imports started from the web run in the background; this row is their progress and result.
struct CreateImportJobs: AsyncMigration {
    var name: String { "0008_create_import_jobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("import_jobs")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("file_path", .string, .required)
            .field("dry_run", .bool, .required)
            .field("status", .string, .required)
            .field("expected_rows", .int, .required)
            .field("processed", .int, .required)
            .field("inserted", .int, .required)
            .field("updated", .int, .required)
            .field("unchanged", .int, .required)
            .field("rejected", .int, .required)
            .field("warned", .int, .required)
            .field("problems", .string, .required)
            .field("error", .string)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("import_jobs").delete()
    }
}
