import FluentKit
import Foundation
import SQLKit

/// The managed vocabulary of interests and talents (minat & bakat); admins extend it.
struct CreateInterestTags: AsyncMigration {
    var name: String { "0006_create_interest_tags" }

    static let starting = [
        "anyaman", "menjahit", "tenun", "batik", "ukir", "olahan pangan", "olahan ikan", "pertanian",
        "perkebunan", "peternakan", "perikanan", "perdagangan", "kerajinan logam", "kerajinan bambu",
        "kerajinan rotan", "jasa",
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema("interest_tags")
            .field("tag", .string, .identifier(auto: false))
            .field("created_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        for tag in Self.starting {
            try await sql.insert(into: "interest_tags").columns("tag", "created_at").values(SQLBind(tag), SQLBind(Date())).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("interest_tags").delete()
    }
}
