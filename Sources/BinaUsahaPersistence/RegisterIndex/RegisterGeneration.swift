import SQLKit

/// The register's generation (migration 0019): moved on by every write to `beneficiaries`.
enum RegisterGeneration {
    /// The next generation, for the write of the current transaction. On PostgreSQL the
    /// update locks the one row until the transaction ends, so generations are handed out in
    /// commit order: whoever reads generation G has every change up to G committed.
    static func next(on sql: any SQLDatabase) async throws -> Int64 {
        struct Row: Decodable { let generation: Int64 }
        let row = try await sql.raw("UPDATE register_state SET generation = generation + 1 WHERE id = 1 RETURNING generation")
            .first(decoding: Row.self)
        guard let row else { throw RegisterIndexError.noState }
        return row.generation
    }

    /// The generation of the last committed write.
    static func current(on sql: any SQLDatabase) async throws -> Int64 {
        struct Row: Decodable { let generation: Int64 }
        guard
            let row = try await sql.select().column("generation").from("register_state").where("id", .equal, SQLBind(1))
                .first(decoding: Row.self)
        else { throw RegisterIndexError.noState }
        return row.generation
    }
}

enum RegisterIndexError: Error, CustomStringConvertible {
    case noState
    var description: String { "register_state has no row: the database was not migrated (0019)" }
}
