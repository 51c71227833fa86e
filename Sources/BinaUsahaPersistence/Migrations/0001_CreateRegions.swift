import FluentKit
import SQLKit

/// The region hierarchy, keyed by dotted Kemendagri code, with an index for "children of".
struct CreateRegions: AsyncMigration {
    var name: String { "0001_create_regions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("regions")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("kind", .string, .required)
            .field("parent_code", .string, .references("regions", "code", onDelete: .restrict))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "regions_parent_code_idx").on("regions").column("parent_code").run()
        try await sql.create(index: "regions_level_idx").on("regions").column("level").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("regions").delete()
    }
}
