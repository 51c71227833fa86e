import BinaUsahaDomain
import FluentKit
import SQLKit

public struct FluentRegionRepository: RegionRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    public func find(_ code: RegionCode) async throws -> Region? {
        try await RegionRecord.find(code.rawValue, on: database)?.toDomain()
    }

    public func existing(_ codes: Set<RegionCode>) async throws -> [RegionCode: Region] {
        // Read column by column: a Fluent model per region was 11 % of a register page's time.
        var found: [RegionCode: Region] = [:]
        for chunk in Array(codes).map(\.rawValue).chunked(into: 500) {
            let rows = try await (database as! any SQLDatabase).select().columns("code", "name", "kind").from(RegionRecord.schema)
                .where("code", .in, SQLBind.group(chunk)).all()
            for row in rows {
                let code = try row.decode(column: "code", as: String.self)
                let region = Region(
                    code: RegionCode(trusted: code), name: try row.decode(column: "name", as: String.self),
                    kind: try Stored.value(try row.decode(column: "kind", as: String.self), "regions.kind", of: code))
                found[region.code] = region
            }
        }
        return found
    }

    public func regions(level: RegionLevel, within scope: RegionCode?) async throws -> [Region] {
        var select = (database as! any SQLDatabase).select().columns("code", "name", "kind").from(RegionRecord.schema)
            .where("level", .equal, SQLBind(level.rawValue))
        if let scope {
            // Direct children through the parent index; deeper levels by code prefix.
            if scope.level.childLevel == level {
                select = select.where("parent_code", .equal, SQLBind(scope.rawValue))
            } else {
                select = select.where("code", .like, SQLBind(scope.rawValue + ".%"))
            }
        }
        return try await select.orderBy("code").all().map { row in
            let code = try row.decode(column: "code", as: String.self)
            return Region(
                code: RegionCode(trusted: code), name: try row.decode(column: "name", as: String.self),
                kind: try Stored.value(try row.decode(column: "kind", as: String.self), "regions.kind", of: code))
        }
    }

    public func children(of parent: RegionCode?) async throws -> [RegionWithChildCount] {
        let query = RegionRecord.query(on: database).sort(\.$id)
        if let parent {
            query.filter(\.$parentCode == parent.rawValue)
        } else {
            query.filter(\.$level == RegionLevel.provinsi.rawValue)
        }
        let regions = try await query.all().map { try $0.toDomain() }
        let counts = try await childCounts(of: regions.map(\.code.rawValue))
        return regions.map { RegionWithChildCount(region: $0, childCount: counts[$0.code.rawValue] ?? 0) }
    }

    func childCounts(of codes: [String]) async throws -> [String: Int] {
        guard !codes.isEmpty else { return [:] }
        struct Row: Decodable {
            let parent_code: String
            let n: Int
        }
        let sql = database as! any SQLDatabase
        var counts: [String: Int] = [:]
        for chunk in codes.chunked(into: 500) {
            let rows = try await sql.select()
                .column("parent_code").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("regions")
                .where("parent_code", .in, chunk)
                .groupBy("parent_code")
                .all(decoding: Row.self)
            for row in rows { counts[row.parent_code] = row.n }
        }
        return counts
    }

    public func count(level: RegionLevel) async throws -> Int {
        try await RegionRecord.query(on: database).filter(\.$level == level.rawValue).count()
    }

    public func codes(level: RegionLevel) async throws -> Set<RegionCode> {
        struct Row: Decodable { let code: String }
        let rows = try await (database as! any SQLDatabase).select().column("code").from("regions")
            .where("level", .equal, level.rawValue).all(decoding: Row.self)
        return Set(rows.map { RegionCode(trusted: $0.code) })
    }

    public func save(inserting: [Region], updating: [Region]) async throws {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            // Parents first: a batch may hold a kecamatan and its desa.
            for chunk in inserting.sorted(by: { $0.code < $1.code }).chunked(into: 200) {
                var insert = sql.insert(into: "regions").columns("code", "name", "level", "kind", "parent_code")
                for region in chunk {
                    insert = insert.values(
                        SQLBind(region.code.rawValue), SQLBind(region.name), SQLBind(region.level.rawValue),
                        SQLBind(region.kind.rawValue), SQLBind(region.parentCode?.rawValue))
                }
                try await insert.run()
            }
            for region in updating {
                try await sql.update("regions")
                    .set("name", to: region.name)
                    .set("kind", to: region.kind.rawValue)
                    .where("code", .equal, region.code.rawValue)
                    .run()
            }
        }
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
