import FluentKit
import SQLKit

/// KUBE groups and their members and stage history; coaching programmes, sessions with
/// attendance; capital assistance.
struct CreateGroups: AsyncMigration {
    var name: String { "0014_create_groups" }

    func prepare(on database: any Database) async throws {
        try await database.schema("kube_groups")
            .id()
            .field("name", .string, .required)
            .field("skill_code", .string, .required, .references("skills", "code", onDelete: .restrict))
            .field("kabkota_code", .string, .required)
            .field("kecamatan_code", .string, .required)
            .field("desa_code", .string, .required, .references("regions", "code", onDelete: .restrict))
            .field("formed_on", .string)
            .field("decree_number", .string, .required)
            .field("status", .string, .required)
            .field("stage", .string, .required)
            .field("pendamping_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("checklist", .string, .required)
            .field("plan_id", .uuid)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("kube_members")
            .field("group_id", .uuid, .required, .references("kube_groups", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("beneficiary_id", .uuid, .required, .references("beneficiaries", "id", onDelete: .restrict))
            .field("no_kk", .string, .required)
            .field("desa_code", .string, .required)
            .field("role", .string, .required)
            .field("joined_on", .string, .required)
            .field("left_on", .string)
            .field("leave_reason", .string)
            .create()
        try await database.schema("kube_stage_changes")
            .id()
            .field("group_id", .uuid, .required, .references("kube_groups", "id", onDelete: .cascade))
            .field("from_stage", .string, .required)
            .field("to_stage", .string, .required)
            .field("at", .datetime, .required)
            .field("by_name", .string, .required)
            .field("reason", .string, .required)
            .field("checklist", .string, .required)
            .create()
        try await database.schema("programmes")
            .id()
            .field("name", .string, .required)
            .field("kabkota_code", .string, .required, .references("regions", "code", onDelete: .restrict))
            .field("year", .int, .required)
            .field("skills", .string, .required)
            .field("target_groups", .int, .required)
            .field("target_people", .int, .required)
            .field("budget", .int64, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("partners", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("programme_groups")
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .field("group_id", .uuid, .required, .references("kube_groups", "id", onDelete: .cascade))
            .unique(on: "programme_id", "group_id")
            .create()
        try await database.schema("coaching_sessions")
            .id()
            .field("programme_id", .uuid, .references("programmes", "id", onDelete: .setNull))
            .field("type", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("hours", .double, .required)
            .field("place", .string, .required)
            .field("facilitator", .string, .required)
            .field("topic", .string, .required)
            .field("skill_code", .string)
            .field("version", .int, .required)
            .create()
        try await database.schema("session_groups")
            .field("session_id", .uuid, .required, .references("coaching_sessions", "id", onDelete: .cascade))
            .field("group_id", .uuid, .required, .references("kube_groups", "id", onDelete: .cascade))
            .unique(on: "session_id", "group_id")
            .create()
        try await database.schema("attendance")
            .field("session_id", .uuid, .required, .references("coaching_sessions", "id", onDelete: .cascade))
            .field("beneficiary_id", .uuid, .required, .references("beneficiaries", "id", onDelete: .restrict))
            .field("status", .string, .required)
            .unique(on: "session_id", "beneficiary_id")
            .create()
        try await database.schema("assistance")
            .id()
            .field("group_id", .uuid, .required, .references("kube_groups", "id", onDelete: .restrict))
            .field("programme_id", .uuid, .references("programmes", "id", onDelete: .setNull))
            .field("date", .string, .required)
            .field("amount", .int64, .required)
            .field("form", .string, .required)
            .field("source", .string, .required)
            .field("rab_items", .string, .required)
            .field("receipt", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        for (index, table, columns) in [
            ("kube_groups_kabkota_idx", "kube_groups", ["kabkota_code", "kecamatan_code"]),
            ("kube_groups_pendamping_idx", "kube_groups", ["pendamping_id"]),
            ("kube_members_group_idx", "kube_members", ["group_id"]),
            ("kube_members_person_idx", "kube_members", ["beneficiary_id"]),
            ("kube_stage_changes_group_idx", "kube_stage_changes", ["group_id"]),
            ("session_groups_group_idx", "session_groups", ["group_id"]),
            ("assistance_group_idx", "assistance", ["group_id"]),
        ] {
            var create = sql.create(index: index).on(table)
            for column in columns { create = create.column(column) }
            try await create.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "assistance", "attendance", "session_groups", "coaching_sessions", "programme_groups", "programmes",
            "kube_stage_changes", "kube_members", "kube_groups",
        ] {
            try await database.schema(table).delete()
        }
    }
}
