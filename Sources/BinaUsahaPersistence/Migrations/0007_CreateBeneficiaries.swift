import FluentKit
import SQLKit

/// The register of people. Region codes of all three levels are stored so that scope and
/// filters use an index; PPKS and interests are `;`-delimited (`;23;24;`) for simple filters.
struct CreateBeneficiaries: AsyncMigration {
    var name: String { "0007_create_beneficiaries" }

    func prepare(on database: any Database) async throws {
        try await database.schema("beneficiaries")
            .id()
            .field("nik", .string, .required)
            .field("no_kk", .string, .required)
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("sex", .string, .required)
            .field("birth_place", .string, .required)
            .field("birth_date", .string, .required)
            .field("desa_code", .string, .required, .references("regions", "code", onDelete: .restrict))
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
            .unique(on: "nik")
            .create()
        let sql = database as! any SQLDatabase
        for (index, columns) in [
            ("beneficiaries_name_key_idx", ["name_key"]), ("beneficiaries_no_kk_idx", ["no_kk"]),
            ("beneficiaries_desa_idx", ["desa_code", "name_key"]),
            ("beneficiaries_kecamatan_idx", ["kecamatan_code", "name_key"]),
            ("beneficiaries_kabkota_idx", ["kabkota_code", "name_key"]),
            ("beneficiaries_birth_idx", ["birth_date", "name_key"]),
        ] {
            var create = sql.create(index: index).on("beneficiaries")
            for column in columns { create = create.column(column) }
            try await create.run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("beneficiaries").delete()
    }
}
