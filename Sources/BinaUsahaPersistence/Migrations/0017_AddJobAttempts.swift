import FluentKit
import SQLKit

/// Import jobs are claimed by the application's worker: queued jobs wait for it, and a job
/// counts how often it was claimed, so that one that keeps dying is given up.
struct AddJobAttempts: AsyncMigration {
    var name: String { "0017_add_job_attempts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("import_jobs").field("attempts", .int, .required, .sql(.default(0))).update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "import_jobs_status_created_idx").on("import_jobs").column("status").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "import_jobs_status_created_idx").run()
        try await database.schema("import_jobs").deleteField("attempts").update()
    }
}
