import FluentKit
import SQLKit

/// KUBE group plans: the plan, its proposed groups, their members, and the people left out with the reason.
struct CreateGroupPlans: AsyncMigration {
    var name: String { "0011_create_group_plans" }

    func prepare(on database: any Database) async throws {
        try await database.schema("group_plans")
            .id()
            .field("scope_code", .string)
            .field("rules", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("version", .int, .required)
            .field("group_count", .int, .required)
            .field("member_count", .int, .required)
            .field("left_out_count", .int, .required)
            .create()
        try await database.schema("group_plan_groups")
            .id()
            .field("plan_id", .uuid, .required, .references("group_plans", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("skill_code", .string, .required)
            .field("kecamatan_code", .string, .required)
            .create()
        try await database.schema("group_plan_members")
            .field("plan_id", .uuid, .required, .references("group_plans", "id", onDelete: .cascade))
            .field("group_id", .uuid, .required, .references("group_plan_groups", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("beneficiary_id", .uuid, .required, .references("beneficiaries", "id", onDelete: .cascade))
            .field("no_kk", .string, .required)
            .field("desa_code", .string, .required)
            .field("failed_checks", .string, .required)
            .field("options", .string, .required)
            .field("override_reason", .string)
            .create()
        try await database.schema("group_plan_left_out")
            .field("plan_id", .uuid, .required, .references("group_plans", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("beneficiary_id", .uuid, .required, .references("beneficiaries", "id", onDelete: .cascade))
            .field("no_kk", .string, .required)
            .field("desa_code", .string, .required)
            .field("failed_checks", .string, .required)
            .field("options", .string, .required)
            .field("reason", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "group_plan_groups_plan_idx").on("group_plan_groups").column("plan_id").run()
        try await sql.create(index: "group_plan_members_plan_idx").on("group_plan_members").column("plan_id").run()
        try await sql.create(index: "group_plan_members_person_idx").on("group_plan_members").column("beneficiary_id").run()
        try await sql.create(index: "group_plan_left_out_plan_idx").on("group_plan_left_out").column("plan_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["group_plan_left_out", "group_plan_members", "group_plan_groups", "group_plans"] {
            try await database.schema(table).delete()
        }
    }
}
