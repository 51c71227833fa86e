import FluentKit
import SQLKit

/// Sums of the ledger per kab/kota, skill and month, kept by every write of a group's month
/// (in its transaction), so that a province's or a kab/kota's summary adds up a few hundred
/// rows instead of every group-month.
struct CreateLedgerTotals: AsyncMigration {
    var name: String { "0025_create_ledger_totals" }

    func prepare(on database: any Database) async throws {
        try await database.schema("ledger_totals")
            .field("kabkota_code", .string, .required)
            .field("skill_code", .string, .required)
            .field("month", .string, .required)
            .field("group_months", .int64, .required)
            .field("revenue", .int64, .required)
            .field("material_cost", .int64, .required)
            .field("other_cost", .int64, .required)
            .field("profit", .int64, .required)
            .field("alloc_modal", .int64, .required)
            .field("alloc_welfare", .int64, .required)
            .field("alloc_iks", .int64, .required)
            .field("units_made", .int64, .required)
            .field("units_sold", .int64, .required)
            .field("active_members", .int64, .required)
            .unique(on: "kabkota_code", "skill_code", "month")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "ledger_totals_month_idx").on("ledger_totals").column("month").run()
        // Months entered before this table existed.
        try await sql.raw(
            """
            INSERT INTO ledger_totals (kabkota_code, skill_code, month, group_months, revenue, material_cost, other_cost, profit,
              alloc_modal, alloc_welfare, alloc_iks, units_made, units_sold, active_members)
            SELECT kabkota_code, skill_code, month, COUNT(*), SUM(revenue), SUM(material_cost), SUM(other_cost), SUM(profit),
              SUM(alloc_modal), SUM(alloc_welfare), SUM(alloc_iks), SUM(units_made), SUM(units_sold), SUM(active_members)
            FROM ledger_months GROUP BY kabkota_code, skill_code, month
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ledger_totals").delete()
    }
}
