import FluentKit
import SQLKit

/// An import records, with every committed batch, the last line it wrote and when it last
/// made progress: a job whose process died is seen as stopped and can be resumed there.
struct AddImportCheckpoints: AsyncMigration {
    var name: String { "0015_add_import_checkpoints" }

    func prepare(on database: any Database) async throws {
        try await database.schema("import_jobs")
            .field("committed_line", .int, .required, .sql(.default(0)))
            .update()
        try await database.schema("import_jobs")
            .field("heartbeat_at", .datetime)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("import_jobs").deleteField("heartbeat_at").update()
        try await database.schema("import_jobs").deleteField("committed_line").update()
    }
}
