import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// Fills an empty benchmark database with a province's ledger: `groups` groups spread over the
/// 17 kab/kota, each with `months` months ending at `last`, written in large batches (the
/// figures are generated, not entered, so they skip the use case) and then summed into
/// `ledger_totals` as the writes would have. For `binausaha bench ledger` only.
public enum LedgerBenchmarkData {
    public static func fill(_ database: any Database, groups: Int, months: [YearMonth], skills: [String]) async throws {
        let kabkotas = SumateraSelatan.all.filter { $0.level == .kabupatenKota }.map(\.code)
        var random = SeededRandom(seed: 11)
        let detail = #"{"incomes":{},"otherCosts":{},"production":[],"sales":[]}"#
        let columns = [
            "id", "group_id", "month", "version", "kabkota_code", "kecamatan_code", "desa_code", "skill_code", "revenue", "material_cost",
            "other_cost",
            "profit", "alloc_modal", "alloc_welfare", "alloc_iks", "units_made", "units_sold", "active_members", "detail", "adjustments",
        ]
        struct Row: Sendable {
            var group: UUID, month: String, kabkota: String, kecamatan: String, desa: String, skill: String, numbers: [Int64]
        }
        for first in stride(from: 0, to: groups, by: 2_000) {
            var batch: [Row] = []
            for index in first..<min(first + 2_000, groups) {
                let kabkota = kabkotas[index % kabkotas.count].rawValue
                let kecamatan = "\(kabkota).\(String(format: "%02d", 1 + (index / kabkotas.count) % 20))"
                let desa = "\(kecamatan).\(2_001 + (index / (kabkotas.count * 20)) % 30)"
                let skill = skills[index % skills.count]
                let group = UUID()
                let members = Int64(Int.random(in: 5...20, using: &random))
                for month in months {
                    let material = Int64.random(in: 200_000...2_000_000, using: &random)
                    let revenue = material * Int64.random(in: 15...45, using: &random) / 10
                    let other = revenue / 20
                    let profit = revenue - material - other
                    let modal = profit > 0 ? profit * 3 / 10 : 0
                    let iks = profit > 0 ? profit / 20 : 0
                    let welfare = profit > 0 ? profit - modal - iks : 0
                    batch.append(
                        Row(
                            group: group, month: month.text, kabkota: kabkota, kecamatan: kecamatan, desa: desa, skill: skill,
                            numbers: [revenue, material, other, profit, modal, welfare, iks, 40, 30, members]))
                }
            }
            let rows = batch
            try await database.transaction { db in
                let sql = db as! any SQLDatabase
                for start in stride(from: 0, to: rows.count, by: 1_000) {
                    var insert = sql.insert(into: "ledger_months").columns(columns)
                    for r in rows[start..<min(start + 1_000, rows.count)] {
                        insert = insert.values(
                            [
                                SQLBind(UUID()), SQLBind(r.group), SQLBind(r.month), SQLBind(1), SQLBind(r.kabkota), SQLBind(r.kecamatan),
                                SQLBind(r.desa),
                                SQLBind(r.skill),
                            ] + r.numbers.map { SQLBind($0) as any SQLExpression } + [SQLBind(detail), SQLBind(0)])
                    }
                    try await insert.run()
                }
            }
        }
        try await (database as! any SQLDatabase).raw(
            """
            INSERT INTO ledger_totals (kabkota_code, skill_code, month, group_months, revenue, material_cost, other_cost, profit,
              alloc_modal, alloc_welfare, alloc_iks, units_made, units_sold, active_members)
            SELECT kabkota_code, skill_code, month, COUNT(*), SUM(revenue), SUM(material_cost), SUM(other_cost), SUM(profit),
              SUM(alloc_modal), SUM(alloc_welfare), SUM(alloc_iks), SUM(units_made), SUM(units_sold), SUM(active_members)
            FROM ledger_months GROUP BY kabkota_code, skill_code, month
            """
        ).run()
    }
}
