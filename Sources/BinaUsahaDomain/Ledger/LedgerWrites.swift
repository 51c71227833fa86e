import Foundation

/// The writes of the production and sales ledger: a group's month in one submit, the closing
/// of a kab/kota's month, and corrections of a closed month. Each checks the writer's role and
/// region, runs in one unit of work and writes its audit record there.
public struct LedgerWrites: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    /// One month of one group as entered: the welfare share is what is left of the profit after
    /// capital and IKS; members' incomes, when none is given, share it equally.
    public struct MonthInput: Sendable {
        public var production: [ProductionLine]
        public var sales: [SaleLine]
        public var otherCosts: [CostKind: Rupiah]
        public var modal: Rupiah
        public var iks: Rupiah
        public var memberIncomes: [UUID: Rupiah]
        /// Required when the month is closed: why the figures are corrected.
        public var reason: String

        public init(
            production: [ProductionLine], sales: [SaleLine], otherCosts: [CostKind: Rupiah] = [:], modal: Rupiah = Rupiah(0),
            iks: Rupiah = Rupiah(0), memberIncomes: [UUID: Rupiah] = [:], reason: String = ""
        ) {
            self.production = production
            self.sales = sales
            self.otherCosts = otherCosts
            self.modal = modal
            self.iks = iks
            self.memberIncomes = memberIncomes
            self.reason = reason
        }
    }

    /// Whether `principal` may enter a group's month: the field workers of the group's region,
    /// a pendamping only for the groups assigned to them.
    public static func mayRecord(_ principal: Principal, group: KUBEGroup) -> Bool {
        principal.covers(group.desa) && CoachingWrites.mayRecord(principal, groups: [group])
    }

    /// Saves a group's month. `version` is the one the form was read at (0 for a month not yet
    /// entered); a closed month takes only a correction by an operator, with a reason.
    public func recordMonth(
        group groupID: UUID, month: YearMonth, _ input: MonthInput, version: Int, by principal: Principal
    ) async throws -> MonthlyLedger {
        let now = clock.now()
        let limits = MonthlyLedger.limits(
            production: input.production, sales: input.sales, amounts: Array(input.otherCosts.values) + [input.modal, input.iks],
            incomes: Array(input.memberIncomes.values))
        return try await transactor.run { repositories in
            guard let group = try await repositories.groups.find(id: groupID), principal.covers(group.desa) else {
                throw GroupWriteError.notFound
            }
            guard Self.mayRecord(principal, group: group) else { throw GroupWriteError.forbidden }
            guard group.status == .aktif else { throw LedgerRuleError(.groupNotActive) }
            guard limits.isEmpty else { throw LedgerRuleError(limits) }
            let kabkota = group.kecamatan.parent ?? group.kecamatan
            let closed = try await repositories.ledger.closure(of: kabkota, month: month) != nil
            let reason = TextFolding.trim(input.reason)
            if closed {
                guard principal.may(.closeMonths) else { throw LedgerRuleError(.monthClosed(month)) }
                guard (5...500).contains(reason.count) else { throw LedgerRuleError(.reasonRequired) }
            }
            let all = try await repositories.ledger.months(ofGroup: group.id)
            let existing = all.first { $0.month == month }
            guard (existing?.version ?? 0) == version else { throw GroupWriteError.stale }
            let ledger = Self.ledger(input, group: group, month: month, existing: existing)
            var stock: [String: Int] = [:]
            for earlier in all where earlier.month < month { stock = earlier.stock(after: stock) }
            var problems = ledger.problems(
                activeMembers: Set(group.activeMembers.map(\.beneficiary)), stockBefore: stock, currentMonth: YearMonth(now))
            if problems.isEmpty { problems = Self.laterShortfalls(after: ledger, stock: stock, later: all.filter { $0.month > month }) }
            guard problems.isEmpty else { throw LedgerRuleError(problems) }
            var saved = ledger
            if let existing {
                saved.adjustments = existing.adjustments + (closed ? 1 : 0)
                guard try await repositories.ledger.update(saved, expectedVersion: version) else { throw GroupWriteError.stale }
                saved.version = version + 1
            } else {
                saved.adjustments = closed ? 1 : 0
                try await repositories.ledger.insert(saved)
            }
            if closed {
                try await repositories.ledger.insert(
                    LedgerAdjustment(
                        ledger: saved.id, at: now, by: principal.username, reason: reason,
                        revenueBefore: existing?.revenue ?? Rupiah(0), revenueAfter: saved.revenue,
                        profitBefore: existing?.profit ?? Rupiah(0), profitAfter: saved.profit))
            }
            try await repositories.audit.record(
                existing == nil ? .create : .update, by: AuditActor(principal), at: now, entity: "ledger_month",
                entityID: saved.id.uuidString, region: group.desa,
                changes: Self.changes(from: existing, to: saved),
                note: "kelompok \(group.id.uuidString.prefix(8)) · \(month.text)" + (closed ? " · koreksi: \(reason)" : ""))
            return saved
        }
    }

    static func ledger(_ input: MonthInput, group: KUBEGroup, month: YearMonth, existing: MonthlyLedger?) -> MonthlyLedger {
        func clean(_ text: String) -> String { TextFolding.trim(text) }
        var ledger = MonthlyLedger(
            id: existing?.id ?? UUID(), group: group.id, month: month, desa: group.desa, skill: group.skill,
            production: input.production.map {
                ProductionLine(product: clean($0.product), unit: clean($0.unit), quantity: $0.quantity, materialCost: $0.materialCost)
            },
            sales: input.sales.map { SaleLine(product: clean($0.product), channel: $0.channel, quantity: $0.quantity, unitPrice: $0.unitPrice) },
            otherCosts: input.otherCosts.filter { $0.value.amount != 0 }, allocation: .none, memberIncomes: [:],
            version: existing?.version ?? 1, adjustments: existing?.adjustments ?? 0)
        let profit = ledger.profit.amount
        let welfare = max(0, profit - input.modal.amount - input.iks.amount)
        ledger.allocation = ProfitAllocation(modal: input.modal, kesejahteraan: Rupiah(welfare), iks: input.iks)
        ledger.memberIncomes =
            input.memberIncomes.isEmpty
            ? MonthlyLedger.equalShares(Rupiah(welfare), among: group.activeMembers.map(\.beneficiary)) : input.memberIncomes
        return ledger
    }

    /// A change to an earlier month must not leave a later month selling what was never made.
    static func laterShortfalls(after ledger: MonthlyLedger, stock: [String: Int], later: [MonthlyLedger]) -> [LedgerProblem] {
        var stock = ledger.stock(after: stock)
        for month in later.sorted(by: { $0.month < $1.month }) {
            stock = month.stock(after: stock)
            if let short = month.sales.first(where: { (stock[MonthlyLedger.productKey($0.product)] ?? 0) < 0 }) {
                let key = MonthlyLedger.productKey(short.product)
                let sold = month.sales.filter { MonthlyLedger.productKey($0.product) == key }.reduce(0) { $0 + $1.quantity }
                return [.saleExceedsStock("\(short.product) (\(month.month.label(.id)))", sold: sold, available: sold + (stock[key] ?? 0))]
            }
        }
        return []
    }

    static func changes(from before: MonthlyLedger?, to after: MonthlyLedger) -> [FieldChange] {
        func pair(_ field: String, _ value: (MonthlyLedger) -> String) -> FieldChange? {
            let old = before.map(value)
            let new = value(after)
            return old == new ? nil : FieldChange(field: field, before: old, after: new)
        }
        return [
            pair("revenue") { String($0.revenue.amount) },
            pair("material_cost") { String($0.materialCost.amount) },
            pair("other_cost") { String($0.otherCost.amount) },
            pair("profit") { String($0.profit.amount) },
            pair("alloc_modal") { String($0.allocation.modal.amount) },
            pair("alloc_welfare") { String($0.allocation.kesejahteraan.amount) },
            pair("alloc_iks") { String($0.allocation.iks.amount) },
            pair("units_made") { String($0.unitsMade) },
            pair("units_sold") { String($0.unitsSold) },
        ].compactMap { $0 }
    }

    /// Closes a month of one kab/kota inside the writer's region, once the month has ended.
    public func closeMonth(_ month: YearMonth, kabupatenKota: String, by principal: Principal) async throws -> LedgerClosure {
        let now = clock.now()
        guard principal.may(.closeMonths) else { throw GroupWriteError.forbidden }
        guard let kabkota = try? RegionCode(validating: kabupatenKota), kabkota.level == .kabupatenKota, principal.covers(kabkota) else {
            throw LedgerRuleError(.chooseKabkota)
        }
        guard month < YearMonth(now) else { throw LedgerRuleError(.monthNotOver(month)) }
        return try await transactor.run { repositories in
            guard try await repositories.ledger.closure(of: kabkota, month: month) == nil else { throw LedgerRuleError(.alreadyClosed(month)) }
            let closure = LedgerClosure(kabupatenKota: kabkota, month: month, closedAt: now, closedBy: principal.username)
            try await repositories.ledger.insert(closure)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "ledger_closure", entityID: "\(kabkota.rawValue)/\(month.text)",
                region: kabkota, changes: [FieldChange(field: "month", before: nil, after: month.text)])
            return closure
        }
    }
}
