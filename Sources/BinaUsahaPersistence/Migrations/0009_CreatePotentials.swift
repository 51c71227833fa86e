import FluentKit
import SQLKit

/// The resource catalogue and the potentials recorded on regions (one row per region and resource).
struct CreatePotentials: AsyncMigration {
    var name: String { "0009_create_potentials" }

    func prepare(on database: any Database) async throws {
        try await database.schema("resources")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("notes", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("potentials")
            .id()
            .field("region_code", .string, .required, .references("regions", "code", onDelete: .cascade))
            .field("resource_code", .string, .required, .references("resources", "code", onDelete: .restrict))
            .field("abundance", .string, .required)
            .field("season", .string, .required)
            .field("notes", .string, .required)
            .field("source", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "region_code", "resource_code")
            .create()
        try await (database as! any SQLDatabase).create(index: "potentials_resource_idx").on("potentials").column("resource_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("potentials").delete()
        try await database.schema("resources").delete()
    }
}
