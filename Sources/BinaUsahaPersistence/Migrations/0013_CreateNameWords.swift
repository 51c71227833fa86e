import FluentKit
import Foundation
import SQLKit

/// One row per word of each person's folded name, with the folded name and the desa, so that
/// "any word of the name starts with…" is a range scan of one covering index — matching,
/// scoping by region, counting and ordering by name never touch the register's rows; only the
/// page of 50 is read from `beneficiaries`. Filled for existing rows.
struct CreateNameWords: AsyncMigration {
    var name: String { "0013_create_name_words" }

    func prepare(on database: any Database) async throws {
        try await database.schema("beneficiary_name_words")
            .field("beneficiary_id", .uuid, .required, .references("beneficiaries", "id", onDelete: .cascade))
            .field("word", .string, .required)
            .field("name_key", .string, .required)
            .field("desa_code", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "beneficiary_name_words_word_idx").on("beneficiary_name_words")
            .column("word").column("desa_code").column("name_key").column("beneficiary_id").run()
        try await sql.create(index: "beneficiary_name_words_person_idx").on("beneficiary_name_words").column("beneficiary_id").run()
        struct Row: Decodable {
            let id: UUID
            let name_key: String
            let desa_code: String
        }
        var after: UUID?
        while true {
            var query = sql.select().columns("id", "name_key", "desa_code").from("beneficiaries").orderBy("id").limit(5_000)
            if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
            let rows = try await query.all(decoding: Row.self)
            guard let last = rows.last else { break }
            try await NameWords.insert(rows.map { ($0.id, $0.name_key, $0.desa_code) }, on: sql)
            after = last.id
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("beneficiary_name_words").delete()
    }
}

/// The words of a folded name, as stored in `beneficiary_name_words`.
enum NameWords {
    static func words(_ nameKey: String) -> [String] {
        var seen = Set<Substring>()
        return nameKey.split(separator: " ").filter { seen.insert($0).inserted }.map(String.init)
    }

    static func insert(_ people: [(id: UUID, nameKey: String, desa: String)], on sql: any SQLDatabase) async throws {
        let rows = people.flatMap { person in words(person.nameKey).map { (person, $0) } }
        for start in stride(from: 0, to: rows.count, by: 1_000) {
            var insert = sql.insert(into: "beneficiary_name_words").columns("beneficiary_id", "word", "name_key", "desa_code")
            for (person, word) in rows[start..<min(start + 1_000, rows.count)] {
                insert = insert.values(SQLBind(person.id), SQLBind(word), SQLBind(person.nameKey), SQLBind(person.desa))
            }
            try await insert.run()
        }
    }

    static func replace(_ id: UUID, nameKey: String, desa: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "beneficiary_name_words").where("beneficiary_id", .equal, SQLBind(id)).run()
        try await insert([(id, nameKey, desa)], on: sql)
    }
}
