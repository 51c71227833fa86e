import BinaUsahaDomain
import FluentKit
import SQLKit

/// Ships the province and its 17 kabupaten/kota, so that a fresh database is usable at once.
/// Rows that already exist (from an import) are left alone.
struct SeedSumateraSelatan: AsyncMigration {
    var name: String { "0002_seed_sumatera_selatan" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for region in SumateraSelatan.all {
            try await sql.insert(into: "regions")
                .columns("code", "name", "level", "kind", "parent_code")
                .values(
                    SQLBind(region.code.rawValue), SQLBind(region.name), SQLBind(region.level.rawValue),
                    SQLBind(region.kind.rawValue), SQLBind(region.parentCode?.rawValue)
                )
                .ignoringConflicts(with: ["code"])
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for region in SumateraSelatan.all.reversed() {
            try await sql.delete(from: "regions").where("code", .equal, region.code.rawValue).run()
        }
    }
}
