import FluentKit

/// A commitment may be counted in things as well as Rupiah: 20 looms, 3 trainers, 500 pieces bought.
struct AddCommitmentQuantity: AsyncMigration {
    var name: String { "0026_add_commitment_quantity" }

    func prepare(on database: any Database) async throws {
        try await database.schema("commitments").field("quantity", .int).update()
        try await database.schema("commitments").field("unit", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("commitments").deleteField("unit").update()
        try await database.schema("commitments").deleteField("quantity").update()
    }
}
