import FluentKit
import SQLKit

/// The production and sales ledger: one row per group and month with its totals (so that
/// summaries per kab/kota, skill and month add up columns of one table through an index) and
/// its lines as JSON; the months each kab/kota has closed; and the corrections of closed months.
struct CreateLedger: AsyncMigration {
    var name: String { "0022_create_ledger" }

    func prepare(on database: any Database) async throws {
        try await database.schema("ledger_months")
            .id()
            .field("group_id", .uuid, .required)
            .field("month", .string, .required)
            .field("kabkota_code", .string, .required)
            .field("kecamatan_code", .string, .required)
            .field("desa_code", .string, .required)
            .field("skill_code", .string, .required)
            .field("revenue", .int64, .required)
            .field("material_cost", .int64, .required)
            .field("other_cost", .int64, .required)
            .field("profit", .int64, .required)
            .field("alloc_modal", .int64, .required)
            .field("alloc_welfare", .int64, .required)
            .field("alloc_iks", .int64, .required)
            .field("units_made", .int64, .required)
            .field("units_sold", .int64, .required)
            .field("active_members", .int, .required)
            .field("detail", .string, .required)
            .field("version", .int, .required)
            .field("adjustments", .int, .required)
            .unique(on: "group_id", "month")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "ledger_months_kabkota_month_idx").on("ledger_months").column("kabkota_code").column("month").run()
        try await sql.create(index: "ledger_months_month_idx").on("ledger_months").column("month").run()
        try await sql.create(index: "ledger_months_kecamatan_month_idx").on("ledger_months").column("kecamatan_code").column("month").run()

        try await database.schema("ledger_closures")
            .field("kabkota_code", .string, .required)
            .field("month", .string, .required)
            .field("closed_at", .datetime, .required)
            .field("closed_by", .string, .required)
            .unique(on: "kabkota_code", "month")
            .create()

        try await database.schema("ledger_adjustments")
            .id()
            .field("ledger_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("by_user", .string, .required)
            .field("reason", .string, .required)
            .field("revenue_before", .int64, .required)
            .field("revenue_after", .int64, .required)
            .field("profit_before", .int64, .required)
            .field("profit_after", .int64, .required)
            .create()
        try await sql.create(index: "ledger_adjustments_ledger_idx").on("ledger_adjustments").column("ledger_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ledger_adjustments").delete()
        try await database.schema("ledger_closures").delete()
        try await database.schema("ledger_months").delete()
    }
}
