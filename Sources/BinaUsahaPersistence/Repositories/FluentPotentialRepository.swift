import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

public struct FluentPotentialRepository: PotentialRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }
    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) { base = database }

    struct ResourceRow: Decodable { let code: String, name: String, notes: String }
    struct PotentialRow: Decodable {
        let region_code: String, resource_code: String, abundance: String, season: String, notes: String, source: String
        var potential: Potential {
            get throws {
                Potential(
                    region: RegionCode(trusted: region_code), resource: resource_code,
                    abundance: try Stored.value(abundance, "potentials.abundance", of: "\(region_code)/\(resource_code)"),
                    season: season, notes: notes, source: source)
            }
        }
    }
    static let potentialColumns = ["region_code", "resource_code", "abundance", "season", "notes", "source"]

    public func resources() async throws -> [Resource] {
        try await sql.select().columns("code", "name", "notes").from("resources").orderBy("name").all(decoding: ResourceRow.self)
            .map { Resource(code: $0.code, name: $0.name, notes: $0.notes) }
    }

    public func saveResource(_ resource: Resource) async throws -> Resource? {
        let previous = try await sql.select().columns("code", "name", "notes").from("resources").where("code", .equal, SQLBind(resource.code))
            .first(decoding: ResourceRow.self).map { Resource(code: $0.code, name: $0.name, notes: $0.notes) }
        if previous == nil {
            try await sql.insert(into: "resources").columns("code", "name", "notes", "created_at")
                .values(SQLBind(resource.code), SQLBind(resource.name), SQLBind(resource.notes), SQLBind(Date())).run()
        } else {
            try await sql.update("resources").set("name", to: SQLBind(resource.name)).set("notes", to: SQLBind(resource.notes))
                .where("code", .equal, SQLBind(resource.code)).run()
        }
        return previous
    }

    public func potentials(on regions: [RegionCode]) async throws -> [Potential] {
        guard !regions.isEmpty else { return [] }
        return try await sql.select().columns(Self.potentialColumns.map { SQLIdentifier($0) }).from("potentials")
            .where("region_code", .in, SQLBind.group(regions.map(\.rawValue)))
            .orderBy("region_code").orderBy("resource_code").all(decoding: PotentialRow.self).map { try $0.potential }
    }

    public func potentials(within region: RegionCode?) async throws -> [Potential] {
        var query = sql.select().columns(Self.potentialColumns.map { SQLIdentifier($0) }).from("potentials")
        if let region {
            query = query.where {
                $0.where("region_code", .equal, SQLBind(region.rawValue)).orWhere("region_code", .like, SQLBind(region.rawValue + ".%"))
            }
        }
        return try await query.orderBy("region_code").orderBy("resource_code").all(decoding: PotentialRow.self).map { try $0.potential }
    }

    func find(resource: String, on region: RegionCode) async throws -> Potential? {
        try await sql.select().columns(Self.potentialColumns.map { SQLIdentifier($0) }).from("potentials")
            .where("region_code", .equal, SQLBind(region.rawValue)).where("resource_code", .equal, SQLBind(resource))
            .first(decoding: PotentialRow.self)?.potential
    }

    public func save(_ potential: Potential) async throws -> Potential? {
        let previous = try await find(resource: potential.resource, on: potential.region)
        if previous == nil {
            try await sql.insert(into: "potentials").columns(["id", "updated_at"] + Self.potentialColumns)
                .values(
                    SQLBind(UUID()), SQLBind(Date()), SQLBind(potential.region.rawValue), SQLBind(potential.resource),
                    SQLBind(potential.abundance.rawValue), SQLBind(potential.season), SQLBind(potential.notes), SQLBind(potential.source)
                )
                .run()
        } else {
            try await sql.update("potentials").set("abundance", to: SQLBind(potential.abundance.rawValue))
                .set("season", to: SQLBind(potential.season)).set("notes", to: SQLBind(potential.notes))
                .set("source", to: SQLBind(potential.source)).set("updated_at", to: SQLBind(Date()))
                .where("region_code", .equal, SQLBind(potential.region.rawValue)).where("resource_code", .equal, SQLBind(potential.resource))
                .run()
        }
        return previous
    }

    public func remove(resource: String, on region: RegionCode) async throws -> Potential? {
        guard let previous = try await find(resource: resource, on: region) else { return nil }
        try await sql.delete(from: "potentials").where("region_code", .equal, SQLBind(region.rawValue))
            .where("resource_code", .equal, SQLBind(resource)).run()
        return previous
    }
}

extension FluentPotentialRepository {
    static let appliedKey = "starting_potentials_applied"

    /// Records the shipped potentials (`StartingCatalogue.potentials`) whose region now exists and
    /// that were never applied before, so a potential an office removed does not come back when
    /// regions are imported again. Returns how many were added. Called after migrations, region
    /// imports and the demo seeder.
    @discardableResult
    public func applyStartingPotentials() async throws -> Int {
        try await applyStartingPotentialsOnly() + applyStartingCrafts()
    }

    /// The potentials alone: what migration 0012 applies, before the crafts' table exists.
    @discardableResult
    func applyStartingPotentialsOnly() async throws -> Int {
        struct Value: Decodable { let value: String }
        let stored = try await sql.select().column("value").from("settings").where("key", .equal, SQLBind(Self.appliedKey))
            .first(decoding: Value.self)
        var applied = Set((stored?.value ?? "").split(separator: "\n").map(String.init))
        let pending = StartingCatalogue.potentials.filter { !applied.contains("\($0.region.rawValue)/\($0.resource)") }
        guard !pending.isEmpty else { return 0 }
        let existing = try await FluentRegionRepository(database: database).existing(Set(pending.map(\.region)))
        var added = 0
        for potential in pending where existing[potential.region] != nil {
            if try await find(resource: potential.resource, on: potential.region) == nil {
                _ = try await save(potential)
                added += 1
            }
            applied.insert("\(potential.region.rawValue)/\(potential.resource)")
        }
        let text = applied.sorted().joined(separator: "\n")
        try await sql.delete(from: "settings").where("key", .equal, SQLBind(Self.appliedKey)).run()
        try await sql.insert(into: "settings").columns("key", "value", "updated_at").values(SQLBind(Self.appliedKey), SQLBind(text), SQLBind(Date()))
            .run()
        return added
    }
}
