import FluentKit
import SQLKit

/// The register's generation: a number every write to `beneficiaries` moves on (one row,
/// `register_state`, updated in the writing transaction, so generations are handed out in
/// commit order even with several app instances), stamped on each row it wrote; removals leave
/// their id and generation in `register_removals`. An instance's in-memory register index reads
/// "what changed after generation G" with one indexed range instead of rereading the register.
struct AddRegisterGeneration: AsyncMigration {
    var name: String { "0019_add_register_generation" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("register_state")
            .field("id", .int, .identifier(auto: false))
            .field("generation", .int64, .required)
            .create()
        try await sql.insert(into: "register_state").columns("id", "generation").values(SQLBind(1), SQLBind(Int64(1))).run()
        try await database.schema("beneficiaries").field("generation", .int64, .required, .sql(.default(1))).update()
        try await sql.create(index: "beneficiaries_generation_idx").on("beneficiaries").column("generation").run()
        try await database.schema("register_removals")
            .field("generation", .int64, .required)
            .field("beneficiary_id", .uuid, .required)
            .create()
        try await sql.create(index: "register_removals_generation_idx").on("register_removals").column("generation").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("register_removals").delete()
        try await sql.drop(index: "beneficiaries_generation_idx").run()
        try await database.schema("beneficiaries").deleteField("generation").update()
        try await database.schema("register_state").delete()
    }
}
