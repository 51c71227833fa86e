import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// The production and sales ledger in `ledger_months` (totals as columns, lines as JSON),
/// `ledger_closures` and `ledger_adjustments`.
public struct FluentLedgerRepository: LedgerRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) { base = database }

    /// The lines of a month as stored in `detail`.
    struct Detail: Codable {
        struct Made: Codable {
            var product: String, unit: String, quantity: Int, materialCost: Int64
        }
        struct Sold: Codable {
            var product: String, channel: String, quantity: Int, unitPrice: Int64
        }
        var production: [Made]
        var sales: [Sold]
        var otherCosts: [String: Int64]
        var incomes: [String: Int64]
    }

    struct Row: Decodable {
        let id: UUID, group_id: UUID, month: String, desa_code: String, skill_code: String
        let alloc_modal: Int64, alloc_welfare: Int64, alloc_iks: Int64, detail: String, version: Int, adjustments: Int
    }

    static func detail(_ ledger: MonthlyLedger) throws -> String {
        let detail = Detail(
            production: ledger.production.map {
                .init(product: $0.product, unit: $0.unit, quantity: $0.quantity, materialCost: $0.materialCost.amount)
            },
            sales: ledger.sales.map {
                .init(product: $0.product, channel: $0.channel.rawValue, quantity: $0.quantity, unitPrice: $0.unitPrice.amount)
            },
            otherCosts: Dictionary(uniqueKeysWithValues: ledger.otherCosts.map { ($0.key.rawValue, $0.value.amount) }),
            incomes: Dictionary(uniqueKeysWithValues: ledger.memberIncomes.map { ($0.key.uuidString, $0.value.amount) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(detail), as: UTF8.self)
    }

    static func ledger(_ row: Row) throws -> MonthlyLedger {
        guard let month = YearMonth(parsing: row.month) else {
            throw StoredValueError(table: "ledger_months", column: "month", id: row.id.uuidString)
        }
        let detail = try JSONDecoder().decode(Detail.self, from: Data(row.detail.utf8))
        return MonthlyLedger(
            id: row.id, group: row.group_id, month: month, desa: RegionCode(trusted: row.desa_code), skill: row.skill_code,
            production: detail.production.map {
                ProductionLine(product: $0.product, unit: $0.unit, quantity: $0.quantity, materialCost: Rupiah($0.materialCost))
            },
            sales: try detail.sales.map { line in
                guard let channel = SalesChannel(rawValue: line.channel) else {
                    throw StoredValueError(table: "ledger_months", column: "detail", id: row.id.uuidString)
                }
                return SaleLine(product: line.product, channel: channel, quantity: line.quantity, unitPrice: Rupiah(line.unitPrice))
            },
            otherCosts: Dictionary(
                uniqueKeysWithValues: detail.otherCosts.compactMap { key, value in CostKind(rawValue: key).map { ($0, Rupiah(value)) } }),
            allocation: ProfitAllocation(modal: Rupiah(row.alloc_modal), kesejahteraan: Rupiah(row.alloc_welfare), iks: Rupiah(row.alloc_iks)),
            memberIncomes: Dictionary(
                uniqueKeysWithValues: detail.incomes.compactMap { key, value in UUID(uuidString: key).map { ($0, Rupiah(value)) } }),
            version: row.version, adjustments: row.adjustments)
    }

    /// The columns every write sets, with their values.
    static func columns(_ ledger: MonthlyLedger) throws -> [(String, any SQLExpression)] {
        let kecamatan = ledger.desa.parent ?? ledger.desa
        return [
            ("kabkota_code", SQLBind((kecamatan.parent ?? kecamatan).rawValue)), ("kecamatan_code", SQLBind(kecamatan.rawValue)),
            ("desa_code", SQLBind(ledger.desa.rawValue)), ("skill_code", SQLBind(ledger.skill)),
            ("revenue", SQLBind(ledger.revenue.amount)), ("material_cost", SQLBind(ledger.materialCost.amount)),
            ("other_cost", SQLBind(ledger.otherCost.amount)), ("profit", SQLBind(ledger.profit.amount)),
            ("alloc_modal", SQLBind(ledger.allocation.modal.amount)), ("alloc_welfare", SQLBind(ledger.allocation.kesejahteraan.amount)),
            ("alloc_iks", SQLBind(ledger.allocation.iks.amount)), ("units_made", SQLBind(Int64(ledger.unitsMade))),
            ("units_sold", SQLBind(Int64(ledger.unitsSold))), ("active_members", SQLBind(ledger.memberIncomes.count)),
            ("detail", SQLBind(try detail(ledger))), ("adjustments", SQLBind(ledger.adjustments)),
        ]
    }

    public func find(group: UUID, month: YearMonth) async throws -> MonthlyLedger? {
        try await sql.select().column("*").from("ledger_months").where("group_id", .equal, SQLBind(group))
            .where("month", .equal, SQLBind(month.text)).first(decoding: Row.self).map(Self.ledger)
    }

    public func months(ofGroup group: UUID) async throws -> [MonthlyLedger] {
        try await sql.select().column("*").from("ledger_months").where("group_id", .equal, SQLBind(group)).orderBy("month")
            .all(decoding: Row.self).map(Self.ledger)
    }

    public func insert(_ ledger: MonthlyLedger) async throws {
        let columns = try Self.columns(ledger)
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "ledger_months")
                .columns(["id", "group_id", "month", "version"] + columns.map(\.0))
                .values([SQLBind(ledger.id), SQLBind(ledger.group), SQLBind(ledger.month.text), SQLBind(ledger.version)] + columns.map(\.1))
                .run()
            try await Self.addToTotals(Self.figures(ledger), sign: 1, sql)
        }
    }

    public func update(_ ledger: MonthlyLedger, expectedVersion: Int) async throws -> Bool {
        let columns = try Self.columns(ledger)
        return try await database.write { db in
            let sql = db as! any SQLDatabase
            guard try await sql.claimVersion(of: "ledger_months", id: ledger.id, expected: expectedVersion) else { return false }
            let old = try await sql.select().columns(Figures.columns.map { SQLColumn($0) }).from("ledger_months")
                .where("id", .equal, SQLBind(ledger.id)).first(decoding: Figures.self)
            var update = sql.update("ledger_months")
            for (column, value) in columns { update = update.set(SQLColumn(column), to: value) }
            try await update.where("id", .equal, SQLBind(ledger.id)).run()
            if let old { try await Self.addToTotals(old, sign: -1, sql) }
            try await Self.addToTotals(Self.figures(ledger), sign: 1, sql)
            return true
        }
    }

    /// One month's figures as `ledger_months` stores them and `ledger_totals` adds them up.
    struct Figures: Decodable {
        static let columns = [
            "kabkota_code", "skill_code", "month", "revenue", "material_cost", "other_cost", "profit", "alloc_modal", "alloc_welfare", "alloc_iks",
            "units_made", "units_sold", "active_members",
        ]
        let kabkota_code: String, skill_code: String, month: String
        let revenue: Int64, material_cost: Int64, other_cost: Int64, profit: Int64, alloc_modal: Int64, alloc_welfare: Int64, alloc_iks: Int64
        let units_made: Int64, units_sold: Int64, active_members: Int64
    }

    static func figures(_ l: MonthlyLedger) -> Figures {
        let kecamatan = l.desa.parent ?? l.desa
        return Figures(
            kabkota_code: (kecamatan.parent ?? kecamatan).rawValue, skill_code: l.skill, month: l.month.text, revenue: l.revenue.amount,
            material_cost: l.materialCost.amount, other_cost: l.otherCost.amount, profit: l.profit.amount, alloc_modal: l.allocation.modal.amount,
            alloc_welfare: l.allocation.kesejahteraan.amount, alloc_iks: l.allocation.iks.amount, units_made: Int64(l.unitsMade),
            units_sold: Int64(l.unitsSold), active_members: Int64(l.memberIncomes.count))
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) one month from its kab/kota, skill and month
    /// sums: one statement that both databases read the same way.
    static func addToTotals(_ f: Figures, sign: Int64, _ sql: any SQLDatabase) async throws {
        let values: [Int64] = [
            sign, sign * f.revenue, sign * f.material_cost, sign * f.other_cost, sign * f.profit, sign * f.alloc_modal, sign * f.alloc_welfare,
            sign * f.alloc_iks, sign * f.units_made, sign * f.units_sold, sign * f.active_members,
        ]
        let summed = [
            "group_months", "revenue", "material_cost", "other_cost", "profit", "alloc_modal", "alloc_welfare", "alloc_iks", "units_made",
            "units_sold", "active_members",
        ]
        var query = SQLQueryString(
            "INSERT INTO ledger_totals (kabkota_code, skill_code, month, \(unsafeRaw: summed.joined(separator: ", "))) VALUES (")
        query.appendInterpolation(bind: f.kabkota_code)
        query.appendLiteral(", ")
        query.appendInterpolation(bind: f.skill_code)
        query.appendLiteral(", ")
        query.appendInterpolation(bind: f.month)
        for value in values {
            query.appendLiteral(", ")
            query.appendInterpolation(bind: value)
        }
        query.appendLiteral(") ON CONFLICT (kabkota_code, skill_code, month) DO UPDATE SET ")
        query.appendInterpolation(unsafeRaw: summed.map { "\($0) = ledger_totals.\($0) + excluded.\($0)" }.joined(separator: ", "))
        try await sql.raw(query).run()
    }

    struct AdjustmentRow: Decodable {
        let id: UUID, ledger_id: UUID, at: Date, by_user: String, reason: String
        let revenue_before: Int64, revenue_after: Int64, profit_before: Int64, profit_after: Int64
    }

    public func insert(_ a: LedgerAdjustment) async throws {
        try await database.write { db in
            try await (db as! any SQLDatabase).insert(into: "ledger_adjustments")
                .columns("id", "ledger_id", "at", "by_user", "reason", "revenue_before", "revenue_after", "profit_before", "profit_after")
                .values(
                    SQLBind(a.id), SQLBind(a.ledger), SQLBind(a.at), SQLBind(a.by), SQLBind(a.reason), SQLBind(a.revenueBefore.amount),
                    SQLBind(a.revenueAfter.amount), SQLBind(a.profitBefore.amount), SQLBind(a.profitAfter.amount)
                ).run()
        }
    }

    public func adjustments(of ledger: UUID) async throws -> [LedgerAdjustment] {
        try await sql.select().column("*").from("ledger_adjustments").where("ledger_id", .equal, SQLBind(ledger)).orderBy("at")
            .all(decoding: AdjustmentRow.self).map {
                LedgerAdjustment(
                    id: $0.id, ledger: $0.ledger_id, at: $0.at, by: $0.by_user, reason: $0.reason, revenueBefore: Rupiah($0.revenue_before),
                    revenueAfter: Rupiah($0.revenue_after), profitBefore: Rupiah($0.profit_before), profitAfter: Rupiah($0.profit_after))
            }
    }

    struct ClosureRow: Decodable {
        let kabkota_code: String, month: String, closed_at: Date, closed_by: String
    }

    static func closure(_ row: ClosureRow) -> LedgerClosure? {
        YearMonth(parsing: row.month).map {
            LedgerClosure(kabupatenKota: RegionCode(trusted: row.kabkota_code), month: $0, closedAt: row.closed_at, closedBy: row.closed_by)
        }
    }

    public func closure(of kabupatenKota: RegionCode, month: YearMonth) async throws -> LedgerClosure? {
        try await sql.select().column("*").from("ledger_closures").where("kabkota_code", .equal, SQLBind(kabupatenKota.rawValue))
            .where("month", .equal, SQLBind(month.text)).first(decoding: ClosureRow.self).flatMap(Self.closure)
    }

    public func insert(_ closure: LedgerClosure) async throws {
        try await database.write { db in
            try await (db as! any SQLDatabase).insert(into: "ledger_closures").columns("kabkota_code", "month", "closed_at", "closed_by")
                .values(SQLBind(closure.kabupatenKota.rawValue), SQLBind(closure.month.text), SQLBind(closure.closedAt), SQLBind(closure.closedBy))
                .run()
        }
    }

    public func closures(within scope: RegionCode?) async throws -> [LedgerClosure] {
        var query = sql.select().column("*").from("ledger_closures")
        if let scope, scope.level != .provinsi {
            let kabkota = scope.lineage.first { $0.level == .kabupatenKota } ?? scope
            query = query.where("kabkota_code", .equal, SQLBind(kabkota.rawValue))
        }
        return try await query.orderBy("month", .descending).orderBy("kabkota_code").all(decoding: ClosureRow.self).compactMap(Self.closure)
    }

    struct TotalsRow: Decodable {
        let key: String, group_months: Int64, revenue: Int64?, material_cost: Int64?, other_cost: Int64?, profit: Int64?
        let alloc_modal: Int64?, alloc_welfare: Int64?, alloc_iks: Int64?, units_made: Int64?, units_sold: Int64?, member_months: Int64?
    }

    /// `CAST(SUM(column) AS BIGINT)`: PostgreSQL sums a bigint as numeric, which does not read as an integer.
    static func sum(_ column: String, as name: String) -> any SQLExpression {
        SQLAlias(SQLRaw("CAST(SUM(\(column)) AS BIGINT)"), as: SQLIdentifier(name))
    }

    public func months(within scope: RegionCode?, month: YearMonth) async throws -> [MonthlyLedger] {
        let query = sql.select().column("*").from("ledger_months").where("month", .equal, SQLBind(month.text))
        if let scope, scope.level != .provinsi { FluentBeneficiaryRepository.within(scope, query) }
        return try await query.all(decoding: Row.self).map(Self.ledger)
    }

    public func totals(within scope: RegionCode?, from: YearMonth, to: YearMonth, by: LedgerBreakdown) async throws -> [LedgerTotals] {
        let key =
            switch by {
            case .kabupatenKota: "kabkota_code"
            case .skill: "skill_code"
            case .month: "month"
            }
        // The province and a kab/kota read the sums kept per kab/kota, skill and month; a
        // kecamatan or desa (a pendamping's region) adds up its own group-months.
        let kept = scope.map { $0.level == .provinsi || $0.level == .kabupatenKota } ?? true
        var query = sql.select().column(SQLAlias(SQLColumn(key), as: SQLIdentifier("key")))
            .column(
                kept
                    ? Self.sum("group_months", as: "group_months")
                    : SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("group_months")))
        for column in ["revenue", "material_cost", "other_cost", "profit", "alloc_modal", "alloc_welfare", "alloc_iks", "units_made", "units_sold"] {
            query = query.column(Self.sum(column, as: column))
        }
        query = query.column(Self.sum("active_members", as: "member_months"))
            .from(kept ? "ledger_totals" : "ledger_months")
            .where("month", .greaterThanOrEqual, SQLBind(from.text)).where("month", .lessThanOrEqual, SQLBind(to.text))
        if let scope, scope.level == .kabupatenKota {
            query = query.where("kabkota_code", .equal, SQLBind(scope.rawValue))
        } else if let scope, scope.level != .provinsi {
            FluentBeneficiaryRepository.within(scope, query)
        }
        let rows = try await query.groupBy(key).orderBy(key).all(decoding: TotalsRow.self)
        return rows.filter { $0.group_months > 0 }.map { r in
            LedgerTotals(
                key: r.key, groupMonths: Int(r.group_months), revenue: Rupiah(r.revenue ?? 0), materialCost: Rupiah(r.material_cost ?? 0),
                otherCost: Rupiah(r.other_cost ?? 0), profit: Rupiah(r.profit ?? 0), modal: Rupiah(r.alloc_modal ?? 0),
                kesejahteraan: Rupiah(r.alloc_welfare ?? 0), iks: Rupiah(r.alloc_iks ?? 0), unitsMade: Int(r.units_made ?? 0),
                unitsSold: Int(r.units_sold ?? 0), memberMonths: Int(r.member_months ?? 0))
        }
    }
}
