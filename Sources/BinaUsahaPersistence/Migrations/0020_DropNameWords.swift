import FluentKit

/// The name-word table of 0013 is no longer read: the in-memory register index (0019)
/// answers name searches, and a search inside a unit of work matches `name_key` directly.
/// Writing two or three word rows per person was a third of a bulk import's B-tree work.
/// Reverting recreates and refills it.
struct DropNameWords: AsyncMigration {
    var name: String { "0020_drop_name_words" }

    func prepare(on database: any Database) async throws {
        try await database.schema("beneficiary_name_words").delete()
    }

    func revert(on database: any Database) async throws {
        try await CreateNameWords().prepare(on: database)
    }
}
