import FluentKit
import SQLKit

/// The "Dihapus" list: a deleted person's row, as it was, with the reason, the moment and who
/// deleted it; restorable for 30 days, then erased. A table of its own, so that no query of
/// the register has to remember to leave deleted people out.
struct CreateDeletedBeneficiaries: AsyncMigration {
    var name: String { "0021_create_deleted_beneficiaries" }

    func prepare(on database: any Database) async throws {
        try await database.schema("deleted_beneficiaries")
            .id()
            .field("nik", .string, .required)
            .field("no_kk", .string, .required)
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("sex", .string, .required)
            .field("birth_place", .string, .required)
            .field("birth_date", .string, .required)
            .field("desa_code", .string, .required)
            .field("kecamatan_code", .string, .required)
            .field("kabkota_code", .string, .required)
            .field("address", .string, .required)
            .field("rt", .string, .required)
            .field("rw", .string, .required)
            .field("phone", .string, .required)
            .field("ppks", .string, .required)
            .field("decile", .int)
            .field("is_head", .bool, .required)
            .field("disability", .string, .required)
            .field("interests", .string, .required)
            .field("prior_assistance", .string, .required)
            .field("status", .string, .required)
            .field("notes", .string)
            .field("warnings", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("reason", .string, .required)
            .field("deleted_at", .datetime, .required)
            .field("deleted_by", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "deleted_beneficiaries_kabkota_idx").on("deleted_beneficiaries")
            .column("kabkota_code").column("deleted_at").run()
        try await sql.create(index: "deleted_beneficiaries_deleted_at_idx").on("deleted_beneficiaries").column("deleted_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deleted_beneficiaries").delete()
    }
}
