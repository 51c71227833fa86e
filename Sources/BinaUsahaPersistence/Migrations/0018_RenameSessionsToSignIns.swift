import FluentKit
import SQLKit

/// The table of browser sign-ins was called `sessions`, the word the office uses for coaching
/// sessions. It is renamed so that one word means one thing (the rename keeps rows and keys on
/// SQLite and PostgreSQL).
struct RenameSessionsToSignIns: AsyncMigration {
    var name: String { "0018_rename_sessions_to_sign_ins" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE sessions RENAME TO sign_ins").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE sign_ins RENAME TO sessions").run()
    }
}
