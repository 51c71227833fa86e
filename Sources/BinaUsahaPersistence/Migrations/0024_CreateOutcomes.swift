import FluentKit
import SQLKit

/// Follow-up assessments of coached households and confirmed graduations (the rule lives in
/// `settings`).
struct CreateOutcomes: AsyncMigration {
    var name: String { "0024_create_outcomes" }

    func prepare(on database: any Database) async throws {
        try await database.schema("assessments")
            .id()
            .field("beneficiary_id", .uuid, .required)
            .field("date", .string, .required)
            .field("household_income", .int64, .required)
            .field("household_size", .int, .required)
            .field("decile", .int)
            .field("receives_bansos", .bool, .required)
            .field("business_running", .bool, .required)
            .field("recorded_by", .string, .required)
            .create()
        try await database.schema("graduations")
            .field("beneficiary_id", .uuid, .required)
            .field("date", .string, .required)
            .field("reason", .string, .required)
            .field("confirmed_by", .string, .required)
            .unique(on: "beneficiary_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "assessments_beneficiary_idx").on("assessments").column("beneficiary_id").column("date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("graduations").delete()
        try await database.schema("assessments").delete()
    }
}
