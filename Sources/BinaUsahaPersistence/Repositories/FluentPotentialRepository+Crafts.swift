import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// Established crafts (`local_crafts`, migration 0027): one row per region and skill.
extension FluentPotentialRepository {
    struct CraftRow: Decodable {
        let region_code: String, skill_code: String, producers: Int, has_trainers: Bool, has_buyers: Bool, notes: String, source: String
        var craft: LocalCraft {
            LocalCraft(
                region: RegionCode(trusted: region_code), skill: skill_code, producers: producers, hasTrainers: has_trainers,
                hasBuyers: has_buyers, notes: notes, source: source)
        }
    }

    static let craftColumns = ["region_code", "skill_code", "producers", "has_trainers", "has_buyers", "notes", "source"]
    private var sqlDatabase: any SQLDatabase { database as! any SQLDatabase }

    private func selectCrafts() -> SQLSelectBuilder {
        sqlDatabase.select().columns(Self.craftColumns.map { SQLIdentifier($0) }).from("local_crafts")
    }

    public func localCrafts(within region: RegionCode?) async throws -> [LocalCraft] {
        var query = selectCrafts()
        if let region {
            query = query.where {
                $0.where("region_code", .equal, SQLBind(region.rawValue)).orWhere("region_code", .like, SQLBind(region.rawValue + ".%"))
            }
        }
        return try await query.orderBy("region_code").orderBy("skill_code").all(decoding: CraftRow.self).map(\.craft)
    }

    public func localCrafts(on regions: [RegionCode]) async throws -> [LocalCraft] {
        guard !regions.isEmpty else { return [] }
        return try await selectCrafts().where("region_code", .in, SQLBind.group(regions.map(\.rawValue)))
            .orderBy("region_code").orderBy("skill_code").all(decoding: CraftRow.self).map(\.craft)
    }

    func findCraft(skill: String, on region: RegionCode) async throws -> LocalCraft? {
        try await selectCrafts().where("region_code", .equal, SQLBind(region.rawValue)).where("skill_code", .equal, SQLBind(skill))
            .first(decoding: CraftRow.self)?.craft
    }

    public func save(_ craft: LocalCraft) async throws -> LocalCraft? {
        let previous = try await findCraft(skill: craft.skill, on: craft.region)
        if previous == nil {
            try await sqlDatabase.insert(into: "local_crafts").columns(["id", "updated_at"] + Self.craftColumns)
                .values(
                    SQLBind(UUID()), SQLBind(Date()), SQLBind(craft.region.rawValue), SQLBind(craft.skill), SQLBind(craft.producers),
                    SQLBind(craft.hasTrainers), SQLBind(craft.hasBuyers), SQLBind(craft.notes), SQLBind(craft.source)
                )
                .run()
        } else {
            try await sqlDatabase.update("local_crafts").set("producers", to: SQLBind(craft.producers))
                .set("has_trainers", to: SQLBind(craft.hasTrainers)).set("has_buyers", to: SQLBind(craft.hasBuyers))
                .set("notes", to: SQLBind(craft.notes)).set("source", to: SQLBind(craft.source)).set("updated_at", to: SQLBind(Date()))
                .where("region_code", .equal, SQLBind(craft.region.rawValue)).where("skill_code", .equal, SQLBind(craft.skill))
                .run()
        }
        return previous
    }

    public func removeCraft(skill: String, on region: RegionCode) async throws -> LocalCraft? {
        guard let previous = try await findCraft(skill: skill, on: region) else { return nil }
        try await sqlDatabase.delete(from: "local_crafts").where("region_code", .equal, SQLBind(region.rawValue))
            .where("skill_code", .equal, SQLBind(skill)).run()
        return previous
    }

    static let craftsAppliedKey = "starting_crafts_applied"

    /// Records the shipped crafts (`StartingCatalogue.localCrafts`) whose region now exists and
    /// that were never applied before, like the starting potentials.
    @discardableResult
    func applyStartingCrafts() async throws -> Int {
        struct Value: Decodable { let value: String }
        let stored = try await sqlDatabase.select().column("value").from("settings").where("key", .equal, SQLBind(Self.craftsAppliedKey))
            .first(decoding: Value.self)
        var applied = Set((stored?.value ?? "").split(separator: "\n").map(String.init))
        let pending = StartingCatalogue.localCrafts.filter { !applied.contains("\($0.region.rawValue)/\($0.skill)") }
        guard !pending.isEmpty else { return 0 }
        let existing = try await FluentRegionRepository(database: database).existing(Set(pending.map(\.region)))
        let skills = Set(try await FluentSkillRepository(database: database).all().map(\.code))
        var added = 0
        for craft in pending where existing[craft.region] != nil && skills.contains(craft.skill) {
            if try await findCraft(skill: craft.skill, on: craft.region) == nil {
                _ = try await save(craft)
                added += 1
            }
            applied.insert("\(craft.region.rawValue)/\(craft.skill)")
        }
        try await sqlDatabase.delete(from: "settings").where("key", .equal, SQLBind(Self.craftsAppliedKey)).run()
        try await sqlDatabase.insert(into: "settings").columns("key", "value", "updated_at")
            .values(SQLBind(Self.craftsAppliedKey), SQLBind(applied.sorted().joined(separator: "\n")), SQLBind(Date())).run()
        return added
    }
}
