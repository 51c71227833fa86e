import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// Plans are written whole: an edit replaces the plan's groups, members and left-out rows in one
/// transaction, guarded by the plan's version.
public struct FluentGroupPlanRepository: GroupPlanRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    private static let batch = 400

    public func insert(_ plan: GroupPlan) async throws {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "group_plans")
                .columns(
                    "id", "scope_code", "rules", "status", "created_by", "created_at", "decided_by", "decided_at", "version",
                    "group_count", "member_count", "left_out_count"
                )
                .values(
                    SQLBind(plan.id), Self.optional(plan.scope?.rawValue), SQLBind(Self.json(plan.rules)), SQLBind(plan.status.rawValue),
                    SQLBind(plan.createdBy), SQLBind(plan.createdAt), Self.optional(plan.decidedBy), Self.optionalDate(plan.decidedAt),
                    SQLBind(plan.version), SQLBind(plan.groups.count), SQLBind(plan.memberCount), SQLBind(plan.leftOut.count)
                )
                .run()
            try await Self.writeContents(plan, sql)
        }
    }

    static func writeContents(_ plan: GroupPlan, _ sql: any SQLDatabase) async throws {
        for chunk in stride(from: 0, to: plan.groups.count, by: batch) {
            var insert = sql.insert(into: "group_plan_groups").columns("id", "plan_id", "position", "skill_code", "kecamatan_code")
            for (offset, group) in plan.groups[chunk..<min(chunk + batch, plan.groups.count)].enumerated() {
                insert = insert.values(
                    SQLBind(group.id), SQLBind(plan.id), SQLBind(chunk + offset), SQLBind(group.skill),
                    SQLBind(group.kecamatan.rawValue))
            }
            try await insert.run()
        }
        let members = plan.groups.flatMap { group in group.members.enumerated().map { (group.id, $0.offset, $0.element) } }
        for chunk in stride(from: 0, to: members.count, by: batch) {
            var insert = sql.insert(into: "group_plan_members")
                .columns("plan_id", "group_id", "position", "beneficiary_id", "no_kk", "desa_code", "failed_checks", "options", "override_reason")
            for (group, position, m) in members[chunk..<min(chunk + batch, members.count)] {
                insert = insert.values(
                    SQLBind(plan.id), SQLBind(group), SQLBind(position), SQLBind(m.id), SQLBind(m.noKK),
                    SQLBind(m.desa.rawValue), SQLBind(m.failedChecks.joined(separator: ";")), SQLBind(json(m.options)),
                    optional(m.overrideReason))
            }
            try await insert.run()
        }
        for chunk in stride(from: 0, to: plan.leftOut.count, by: batch) {
            var insert = sql.insert(into: "group_plan_left_out")
                .columns("plan_id", "position", "beneficiary_id", "no_kk", "desa_code", "failed_checks", "options", "reason")
            for (offset, p) in plan.leftOut[chunk..<min(chunk + batch, plan.leftOut.count)].enumerated() {
                insert = insert.values(
                    SQLBind(plan.id), SQLBind(chunk + offset), SQLBind(p.id), SQLBind(p.noKK), SQLBind(p.desa.rawValue),
                    SQLBind(p.failedChecks.joined(separator: ";")), SQLBind(json(p.options)), SQLBind(json(p.reason)))
            }
            try await insert.run()
        }
    }

    struct PlanRow: Decodable {
        let id: UUID, scope_code: String?, rules: String, status: String, created_by: String, created_at: Date
        let decided_by: String?, decided_at: Date?, version: Int, group_count: Int, member_count: Int, left_out_count: Int
    }
    struct GroupRow: Decodable { let id: UUID, skill_code: String, kecamatan_code: String }
    struct MemberRow: Decodable {
        let group_id: UUID, beneficiary_id: UUID, no_kk: String, desa_code: String, failed_checks: String, options: String, override_reason: String?
    }
    struct LeftOutRow: Decodable {
        let beneficiary_id: UUID, no_kk: String, desa_code: String, failed_checks: String, options: String, reason: String
    }

    public func find(id: UUID) async throws -> GroupPlan? {
        let sql = database as! any SQLDatabase
        guard let row = try await sql.select().column("*").from("group_plans").where("id", .equal, SQLBind(id)).first(decoding: PlanRow.self)
        else { return nil }
        let groupRows = try await sql.select().columns("id", "skill_code", "kecamatan_code").from("group_plan_groups")
            .where("plan_id", .equal, SQLBind(id)).orderBy("position").all(decoding: GroupRow.self)
        let memberRows = try await sql.select()
            .columns("group_id", "beneficiary_id", "no_kk", "desa_code", "failed_checks", "options", "override_reason")
            .from("group_plan_members").where("plan_id", .equal, SQLBind(id)).orderBy("position").all(decoding: MemberRow.self)
        let byGroup = Dictionary(grouping: memberRows, by: \.group_id)
        let groups = try groupRows.map { g in
            PlannedGroup(
                id: g.id, skill: g.skill_code, kecamatan: RegionCode(trusted: g.kecamatan_code),
                members: try (byGroup[g.id] ?? []).map {
                    PlannedMember(
                        id: $0.beneficiary_id, noKK: $0.no_kk, desa: RegionCode(trusted: $0.desa_code), failedChecks: Self.keys($0.failed_checks),
                        options: try Stored.json($0.options, as: [SkillScore].self, "group_plan_members.options", of: id),
                        overrideReason: $0.override_reason)
                })
        }
        let leftOut = try await sql.select().columns("beneficiary_id", "no_kk", "desa_code", "failed_checks", "options", "reason")
            .from("group_plan_left_out").where("plan_id", .equal, SQLBind(id)).orderBy("position").all(decoding: LeftOutRow.self)
            .map {
                LeftOutPerson(
                    id: $0.beneficiary_id, noKK: $0.no_kk, desa: RegionCode(trusted: $0.desa_code), failedChecks: Self.keys($0.failed_checks),
                    options: try Stored.json($0.options, as: [SkillScore].self, "group_plan_left_out.options", of: id),
                    reason: try Stored.json($0.reason, as: LeftOutReason.self, "group_plan_left_out.reason", of: id))
            }
        return GroupPlan(
            id: row.id, scope: row.scope_code.map(RegionCode.init(trusted:)),
            rules: try Stored.json(row.rules, as: PlanningRules.self, "group_plans.rules", of: id),
            status: try Stored.value(row.status, "group_plans.status", of: id), createdBy: row.created_by, createdAt: row.created_at,
            decidedBy: row.decided_by, decidedAt: row.decided_at, version: row.version, groups: groups, leftOut: leftOut)
    }

    public func update(_ plan: GroupPlan, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            guard try await sql.claimVersion(of: "group_plans", id: plan.id, expected: expectedVersion) else { return false }
            try await sql.update("group_plans").set("status", to: SQLBind(plan.status.rawValue))
                .set("decided_by", to: Self.optional(plan.decidedBy)).set("decided_at", to: Self.optionalDate(plan.decidedAt))
                .set("version", to: SQLBind(expectedVersion + 1)).set("group_count", to: SQLBind(plan.groups.count))
                .set("member_count", to: SQLBind(plan.memberCount)).set("left_out_count", to: SQLBind(plan.leftOut.count))
                .where("id", .equal, SQLBind(plan.id)).run()
            for table in ["group_plan_members", "group_plan_left_out", "group_plan_groups"] {
                try await sql.delete(from: table).where("plan_id", .equal, SQLBind(plan.id)).run()
            }
            try await Self.writeContents(plan, sql)
            return true
        }
    }

    public func list(within scope: RegionCode?, limit: Int) async throws -> [GroupPlanSummary] {
        var query = (database as! any SQLDatabase).select().column("*").from("group_plans")
        if let scope {
            query = query.where {
                $0.where("scope_code", .equal, SQLBind(scope.rawValue)).orWhere("scope_code", .like, SQLBind(scope.rawValue + ".%"))
            }
        }
        return try await query.orderBy("created_at", .descending).limit(limit).all(decoding: PlanRow.self).map {
            GroupPlanSummary(
                id: $0.id, scope: $0.scope_code.map(RegionCode.init(trusted:)),
                status: try Stored.value($0.status, "group_plans.status", of: $0.id),
                createdBy: $0.created_by, createdAt: $0.created_at, groupCount: $0.group_count, memberCount: $0.member_count,
                leftOutCount: $0.left_out_count)
        }
    }

    public func peopleInAcceptedPlans(within scope: RegionCode?) async throws -> Set<UUID> {
        struct Row: Decodable { let beneficiary_id: UUID }
        var query = (database as! any SQLDatabase).select().column(SQLColumn("beneficiary_id", table: "m")).from(
            SQLAlias(SQLIdentifier("group_plan_members"), as: SQLIdentifier("m"))
        )
        .join(
            SQLAlias(SQLIdentifier("group_plans"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
            on: SQLColumn("id", table: "p"), .equal, SQLColumn("plan_id", table: "m")
        )
        .where(SQLColumn("status", table: "p"), .equal, SQLBind(GroupPlan.Status.accepted.rawValue))
        if let scope {
            query = query.where { $0.where(SQLColumn("desa_code", table: "m"), .like, SQLBind(scope.rawValue + ".%")) }
        }
        return Set(try await query.all(decoding: Row.self).map(\.beneficiary_id))
    }

    static func keys(_ text: String) -> [String] { text.split(separator: ";").map(String.init) }
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
    static func optional(_ text: String?) -> any SQLExpression { text.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null }
    static func optionalDate(_ date: Date?) -> any SQLExpression { date.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null }
}
