import Foundation
import SQLKit

/// After a restore, the register's generation moves past every generation an instance may
/// have seen, every restored person is stamped with it and the people the restore took away
/// are logged as removals, so a running instance's register index follows like after any
/// write (see `RegisterIndexStore`).
enum RegisterRestore {
    struct Before {
        let generation: Int64
        let ids: Set<UUID>
    }

    static func snapshot(_ sql: any SQLDatabase) async throws -> Before {
        Before(generation: try await RegisterGeneration.current(on: sql), ids: try await ids(sql))
    }

    static func moveOn(_ sql: any SQLDatabase, from before: Before) async throws {
        let restored = try await RegisterGeneration.current(on: sql)
        let next = max(before.generation, restored) + 1
        let gone = before.ids.subtracting(try await ids(sql))
        try await sql.update("register_state").set("generation", to: SQLBind(next)).where("id", .equal, SQLBind(1)).run()
        try await sql.update("beneficiaries").set("generation", to: SQLBind(next)).run()
        for chunk in Array(gone).chunked(into: 500) {
            var insert = sql.insert(into: "register_removals").columns("generation", "beneficiary_id")
            for id in chunk { insert = insert.values(SQLBind(next), SQLBind(id)) }
            try await insert.run()
        }
    }

    static func ids(_ sql: any SQLDatabase) async throws -> Set<UUID> {
        struct Row: Decodable { let id: UUID }
        return Set(try await sql.select().column("id").from("beneficiaries").all(decoding: Row.self).map(\.id))
    }
}
