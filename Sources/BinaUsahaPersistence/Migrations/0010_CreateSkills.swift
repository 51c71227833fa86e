import FluentKit

/// The skills catalogue. Needs and products are small JSON lists edited with the skill;
/// interests are `;`-delimited like the register's.
struct CreateSkills: AsyncMigration {
    var name: String { "0010_create_skills" }

    func prepare(on database: any Database) async throws {
        try await database.schema("skills")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("needs", .string, .required)
            .field("interests", .string, .required)
            .field("training_hours", .int, .required)
            .field("starter_kit_cost", .int64, .required)
            .field("products", .string, .required)
            .field("suitability", .string, .required)
            .field("figures_estimated", .bool, .required)
            .field("source", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("settings")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("settings").delete()
        try await database.schema("skills").delete()
    }
}
