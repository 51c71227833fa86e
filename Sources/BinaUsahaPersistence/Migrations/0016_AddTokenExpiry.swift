import FluentKit
import Foundation
import SQLKit

/// API tokens expire. Tokens issued before this migration get 90 days from now.
struct AddTokenExpiry: AsyncMigration {
    var name: String { "0016_add_token_expiry" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .field("expires_at", .datetime)
            .update()
        let sql = database as! any SQLDatabase
        try await sql.update("api_tokens").set("expires_at", to: SQLBind(Date().addingTimeInterval(90 * 86_400)))
            .where("expires_at", .is, SQLLiteral.null).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").deleteField("expires_at").update()
    }
}
