import BinaUsahaDomain
import FluentKit
import SQLKit

/// What issue 15's recommendations weigh: a person's talents (keahlian) and health conditions,
/// the skills' suitability rules, and the established crafts (sentra) of regions.
struct AddRecommendationEvidence: AsyncMigration {
    var name: String { "0027_add_recommendation_evidence" }

    func prepare(on database: any Database) async throws {
        for table in ["beneficiaries", "deleted_beneficiaries"] {
            for column in ["talents", "health"] {
                try await database.schema(table).field(FieldKey.string(column), .string, .required, .sql(.default(""))).update()
            }
        }
        try await database.schema("skills").field("unsuitable", .string, .required, .sql(.default(""))).update()
        try await database.schema("local_crafts")
            .id()
            .field("region_code", .string, .required, .references("regions", "code", onDelete: .cascade))
            .field("skill_code", .string, .required, .references("skills", "code", onDelete: .cascade))
            .field("producers", .int, .required)
            .field("has_trainers", .bool, .required)
            .field("has_buyers", .bool, .required)
            .field("notes", .string, .required)
            .field("source", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "region_code", "skill_code")
            .create()
        let sql = database as! any SQLDatabase
        // The shipped skills get their suitability rules unless an office wrote its own.
        for skill in StartingCatalogue.skills where !skill.unsuitable.isEmpty {
            try await sql.update("skills").set("unsuitable", to: SQLBind(FluentSkillRepository.unsuitableText(skill.unsuitable)))
                .where("code", .equal, SQLBind(skill.code)).where("unsuitable", .equal, SQLBind("")).run()
        }
        try await FluentPotentialRepository(database: database).applyStartingCrafts()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("local_crafts").delete()
        try await database.schema("skills").deleteField("unsuitable").update()
        for table in ["beneficiaries", "deleted_beneficiaries"] {
            try await database.schema(table).deleteField("health").update()
            try await database.schema(table).deleteField("talents").update()
        }
    }
}
