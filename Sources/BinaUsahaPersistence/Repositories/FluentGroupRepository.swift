import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// Groups are written whole: an update rewrites the group row and its member rows in one
/// transaction guarded by the version. Members who left keep their rows.
public struct FluentGroupRepository: GroupRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    struct GroupRow: Decodable {
        let id: UUID, name: String, skill_code: String, kecamatan_code: String, desa_code: String, formed_on: String?
        let decree_number: String, status: String, stage: String, pendamping_id: UUID?, checklist: String, plan_id: UUID?, version: Int
    }
    struct MemberRow: Decodable {
        let group_id: UUID, beneficiary_id: UUID, no_kk: String, desa_code: String, role: String, joined_on: String
        let left_on: String?, leave_reason: String?
    }

    public func insert(_ group: KUBEGroup) async throws {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "kube_groups")
                .columns(
                    "id", "name", "skill_code", "kabkota_code", "kecamatan_code", "desa_code", "formed_on", "decree_number", "status",
                    "stage", "pendamping_id", "checklist", "plan_id", "version", "updated_at"
                )
                .values(
                    SQLBind(group.id), SQLBind(group.name), SQLBind(group.skill), SQLBind(group.kecamatan.parent?.rawValue ?? ""),
                    SQLBind(group.kecamatan.rawValue), SQLBind(group.desa.rawValue), Self.text(group.formedOn?.iso),
                    SQLBind(group.decreeNumber), SQLBind(group.status.rawValue), SQLBind(group.stage.rawValue), Self.uuid(group.pendamping),
                    SQLBind(Self.checklist(group.checklist)), Self.uuid(group.planID), SQLBind(group.version), SQLBind(Date())
                )
                .run()
            try await Self.writeMembers(group, sql)
        }
    }

    static func writeMembers(_ group: KUBEGroup, _ sql: any SQLDatabase) async throws {
        guard !group.members.isEmpty else { return }
        var insert = sql.insert(into: "kube_members")
            .columns("group_id", "position", "beneficiary_id", "no_kk", "desa_code", "role", "joined_on", "left_on", "leave_reason")
        for (position, m) in group.members.enumerated() {
            insert = insert.values(
                SQLBind(group.id), SQLBind(position), SQLBind(m.beneficiary), SQLBind(m.noKK), SQLBind(m.desa.rawValue),
                SQLBind(m.role.rawValue), SQLBind(m.joinedOn.iso), text(m.leftOn?.iso), text(m.leaveReason))
        }
        try await insert.run()
    }

    public func find(id: UUID) async throws -> KUBEGroup? {
        try await load(where: SQLBinaryExpression(SQLColumn("id"), .equal, SQLBind(id))).first
    }

    func load(where condition: (any SQLExpression)?) async throws -> [KUBEGroup] {
        let sql = database as! any SQLDatabase
        var query = sql.select().column("*").from("kube_groups")
        if let condition { query = query.where(condition) }
        let rows = try await query.orderBy("kecamatan_code").orderBy("name").all(decoding: GroupRow.self)
        guard !rows.isEmpty else { return [] }
        var members: [UUID: [Membership]] = [:]
        for chunk in stride(from: 0, to: rows.count, by: 500) {
            let ids = rows[chunk..<min(chunk + 500, rows.count)].map(\.id)
            for m in try await sql.select().column("*").from("kube_members").where("group_id", .in, SQLBind.group(ids))
                .orderBy("position").all(decoding: MemberRow.self)
            {
                members[m.group_id, default: []].append(
                    Membership(
                        beneficiary: m.beneficiary_id, noKK: m.no_kk, desa: RegionCode(trusted: m.desa_code),
                        role: try Stored.value(m.role, "kube_members.role", of: m.group_id),
                        joinedOn: try Stored.date(m.joined_on, "kube_members.joined_on", of: m.group_id),
                        leftOn: try m.left_on.map { try Stored.date($0, "kube_members.left_on", of: m.group_id) }, leaveReason: m.leave_reason))
            }
        }
        return try rows.map { r in
            KUBEGroup(
                id: r.id, name: r.name, skill: r.skill_code, kecamatan: RegionCode(trusted: r.kecamatan_code), desa: RegionCode(trusted: r.desa_code),
                formedOn: try r.formed_on.map { try Stored.date($0, "kube_groups.formed_on", of: r.id) }, decreeNumber: r.decree_number,
                status: try Stored.value(r.status, "kube_groups.status", of: r.id), stage: try Stored.value(r.stage, "kube_groups.stage", of: r.id),
                pendamping: r.pendamping_id, checklist: Self.checklist(r.checklist), planID: r.plan_id, version: r.version,
                members: members[r.id] ?? [])
        }
    }

    public func update(_ group: KUBEGroup, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            guard try await sql.claimVersion(of: "kube_groups", id: group.id, expected: expectedVersion) else { return false }
            try await sql.update("kube_groups").set("name", to: SQLBind(group.name)).set("skill_code", to: SQLBind(group.skill))
                .set("desa_code", to: SQLBind(group.desa.rawValue)).set("formed_on", to: Self.text(group.formedOn?.iso))
                .set("decree_number", to: SQLBind(group.decreeNumber)).set("status", to: SQLBind(group.status.rawValue))
                .set("stage", to: SQLBind(group.stage.rawValue)).set("pendamping_id", to: Self.uuid(group.pendamping))
                .set("checklist", to: SQLBind(Self.checklist(group.checklist))).set("version", to: SQLBind(expectedVersion + 1))
                .set("updated_at", to: SQLBind(Date()))
                .where("id", .equal, SQLBind(group.id)).run()
            try await sql.delete(from: "kube_members").where("group_id", .equal, SQLBind(group.id)).run()
            try await Self.writeMembers(group, sql)
            return true
        }
    }

    public func list(within scope: RegionCode?, pendamping: UUID?) async throws -> [KUBEGroup] {
        var conditions: [any SQLExpression] = []
        if let scope {
            switch scope.level {
            case .provinsi: conditions.append(SQLBinaryExpression(SQLColumn("kabkota_code"), .like, SQLBind(scope.rawValue + ".%")))
            case .kabupatenKota: conditions.append(SQLBinaryExpression(SQLColumn("kabkota_code"), .equal, SQLBind(scope.rawValue)))
            case .kecamatan: conditions.append(SQLBinaryExpression(SQLColumn("kecamatan_code"), .equal, SQLBind(scope.rawValue)))
            case .desaKelurahan: conditions.append(SQLBinaryExpression(SQLColumn("desa_code"), .equal, SQLBind(scope.rawValue)))
            }
        }
        if let pendamping { conditions.append(SQLBinaryExpression(SQLColumn("pendamping_id"), .equal, SQLBind(pendamping))) }
        let condition = conditions.reduce(nil as (any SQLExpression)?) { partial, next in
            partial.map { SQLBinaryExpression($0, .and, next) as any SQLExpression } ?? next
        }
        return try await load(where: condition)
    }

    public func groups(of beneficiary: UUID) async throws -> [KUBEGroup] {
        struct Row: Decodable { let group_id: UUID }
        let ids = try await (database as! any SQLDatabase).select().column("group_id").from("kube_members")
            .where("beneficiary_id", .equal, SQLBind(beneficiary)).all(decoding: Row.self).map(\.group_id)
        guard !ids.isEmpty else { return [] }
        return try await load(where: SQLBinaryExpression(SQLColumn("id"), .in, SQLBind.group(ids)))
    }

    public func activeGroup(of beneficiary: UUID) async throws -> UUID? {
        struct Row: Decodable { let group_id: UUID }
        return try await (database as! any SQLDatabase).select().column(SQLColumn("group_id", table: "m"))
            .from(SQLAlias(SQLIdentifier("kube_members"), as: SQLIdentifier("m")))
            .join(
                SQLAlias(SQLIdentifier("kube_groups"), as: SQLIdentifier("g")), method: SQLJoinMethod.inner,
                on: SQLColumn("id", table: "g"), .equal, SQLColumn("group_id", table: "m")
            )
            .where(SQLColumn("beneficiary_id", table: "m"), .equal, SQLBind(beneficiary))
            .where(SQLColumn("left_on", table: "m"), .is, SQLLiteral.null)
            .where(SQLColumn("status", table: "g"), .equal, SQLBind(KUBEGroup.Status.aktif.rawValue))
            .first(decoding: Row.self)?.group_id
    }

    public func activeMembers(within scope: RegionCode?) async throws -> Set<UUID> {
        struct Row: Decodable { let beneficiary_id: UUID }
        var query = (database as! any SQLDatabase).select().column(SQLColumn("beneficiary_id", table: "m"))
            .from(SQLAlias(SQLIdentifier("kube_members"), as: SQLIdentifier("m")))
            .join(
                SQLAlias(SQLIdentifier("kube_groups"), as: SQLIdentifier("g")), method: SQLJoinMethod.inner,
                on: SQLColumn("id", table: "g"), .equal, SQLColumn("group_id", table: "m")
            )
            .where(SQLColumn("left_on", table: "m"), .is, SQLLiteral.null)
            .where(SQLColumn("status", table: "g"), .notEqual, SQLBind(KUBEGroup.Status.bubar.rawValue))
        if let scope { query = query.where(SQLColumn("desa_code", table: "m"), .like, SQLBind(scope.rawValue + ".%")) }
        return Set(try await query.all(decoding: Row.self).map(\.beneficiary_id))
    }

    public func record(_ change: StageChange) async throws {
        try await (database as! any SQLDatabase).insert(into: "kube_stage_changes")
            .columns("id", "group_id", "from_stage", "to_stage", "at", "by_name", "reason", "checklist")
            .values(
                SQLBind(UUID()), SQLBind(change.group), SQLBind(change.from.rawValue), SQLBind(change.to.rawValue), SQLBind(change.at),
                SQLBind(change.by), SQLBind(change.reason), SQLBind(Self.checklist(change.checklist))
            )
            .run()
    }

    public func stageHistory(of group: UUID) async throws -> [StageChange] {
        struct Row: Decodable {
            let group_id: UUID, from_stage: String, to_stage: String, at: Date, by_name: String, reason: String, checklist: String
        }
        return try await (database as! any SQLDatabase).select().column("*").from("kube_stage_changes").where("group_id", .equal, SQLBind(group))
            .orderBy("at").all(decoding: Row.self).map {
                StageChange(
                    group: $0.group_id, from: try Stored.value($0.from_stage, "kube_stage_changes.from_stage", of: $0.group_id),
                    to: try Stored.value($0.to_stage, "kube_stage_changes.to_stage", of: $0.group_id),
                    at: $0.at, by: $0.by_name, reason: $0.reason, checklist: Self.checklist($0.checklist))
            }
    }

    static func checklist(_ set: Set<StageIndicator>) -> String { set.sorted().map(\.rawValue).joined(separator: ";") }
    static func checklist(_ text: String) -> Set<StageIndicator> {
        Set(text.split(separator: ";").compactMap { StageIndicator(rawValue: String($0)) })
    }
    static func text(_ value: String?) -> any SQLExpression { value.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null }
    static func uuid(_ value: UUID?) -> any SQLExpression { value.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null }
}
