import FluentKit
import SQLKit

/// Partners, the `mitra` accounts acting for them, their commitments (with the groups they
/// support) and realisations.
struct CreatePartners: AsyncMigration {
    var name: String { "0023_create_partners" }

    func prepare(on database: any Database) async throws {
        try await database.schema("partners")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("contact_name", .string, .required)
            .field("contact_phone", .string, .required)
            .field("email", .string, .required)
            .field("regions", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("partner_regions")
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .cascade))
            .field("kabkota_code", .string, .required)
            .unique(on: "partner_id", "kabkota_code")
            .create()
        try await database.schema("partner_accounts")
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .unique(on: "partner_id", "user_id")
            .create()
        try await database.schema("commitments")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id"))
            .field("type", .string, .required)
            .field("description", .string, .required)
            .field("value", .int64, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("kabkota_code", .string, .required)
            .field("programme_id", .uuid)
            .field("version", .int, .required)
            .create()
        try await database.schema("commitment_groups")
            .field("commitment_id", .uuid, .required, .references("commitments", "id", onDelete: .cascade))
            .field("group_id", .uuid, .required)
            .unique(on: "commitment_id", "group_id")
            .create()
        try await database.schema("realisations")
            .id()
            .field("commitment_id", .uuid, .required, .references("commitments", "id"))
            .field("date", .string, .required)
            .field("value", .int64, .required)
            .field("note", .string, .required)
            .field("recorded_by", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "partner_regions_kabkota_idx").on("partner_regions").column("kabkota_code").run()
        try await sql.create(index: "partner_accounts_user_idx").on("partner_accounts").column("user_id").run()
        try await sql.create(index: "commitments_partner_idx").on("commitments").column("partner_id").run()
        try await sql.create(index: "commitments_kabkota_idx").on("commitments").column("kabkota_code").run()
        try await sql.create(index: "realisations_commitment_idx").on("realisations").column("commitment_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["realisations", "commitment_groups", "commitments", "partner_accounts", "partner_regions", "partners"] {
            try await database.schema(table).delete()
        }
    }
}
