import Foundation

/// A kab/kota's month, closed by its operator: from then on a group's figures for that month
/// change only through corrections with a reason.
public struct LedgerClosure: Sendable, Equatable {
    public var kabupatenKota: RegionCode
    public var month: YearMonth
    public var closedAt: Date
    public var closedBy: String

    public init(kabupatenKota: RegionCode, month: YearMonth, closedAt: Date, closedBy: String) {
        self.kabupatenKota = kabupatenKota
        self.month = month
        self.closedAt = closedAt
        self.closedBy = closedBy
    }
}

/// A correction of a closed month: who, when, why, and the figures before and after.
public struct LedgerAdjustment: Sendable, Equatable {
    public var id: UUID
    public var ledger: UUID
    public var at: Date
    public var by: String
    public var reason: String
    public var revenueBefore: Rupiah
    public var revenueAfter: Rupiah
    public var profitBefore: Rupiah
    public var profitAfter: Rupiah

    public init(
        id: UUID = UUID(), ledger: UUID, at: Date, by: String, reason: String, revenueBefore: Rupiah, revenueAfter: Rupiah,
        profitBefore: Rupiah, profitAfter: Rupiah
    ) {
        self.id = id
        self.ledger = ledger
        self.at = at
        self.by = by
        self.reason = reason
        self.revenueBefore = revenueBefore
        self.revenueAfter = revenueAfter
        self.profitBefore = profitBefore
        self.profitAfter = profitAfter
    }
}

/// What a summary adds up per row.
public enum LedgerBreakdown: String, Sendable, CaseIterable {
    case kabupatenKota = "kabkota"
    case skill
    case month
}

/// The sums of a set of group-months: one row of a summary.
public struct LedgerTotals: Sendable, Equatable {
    /// The kab/kota code, skill code or month, by the breakdown asked for.
    public var key: String
    public var groupMonths: Int
    public var revenue: Rupiah
    public var materialCost: Rupiah
    public var otherCost: Rupiah
    public var profit: Rupiah
    public var modal: Rupiah
    public var kesejahteraan: Rupiah
    public var iks: Rupiah
    public var unitsMade: Int
    public var unitsSold: Int
    /// Active members summed over the months (a member counted once per month).
    public var memberMonths: Int

    public init(
        key: String, groupMonths: Int = 0, revenue: Rupiah = Rupiah(0), materialCost: Rupiah = Rupiah(0), otherCost: Rupiah = Rupiah(0),
        profit: Rupiah = Rupiah(0), modal: Rupiah = Rupiah(0), kesejahteraan: Rupiah = Rupiah(0), iks: Rupiah = Rupiah(0),
        unitsMade: Int = 0, unitsSold: Int = 0, memberMonths: Int = 0
    ) {
        self.key = key
        self.groupMonths = groupMonths
        self.revenue = revenue
        self.materialCost = materialCost
        self.otherCost = otherCost
        self.profit = profit
        self.modal = modal
        self.kesejahteraan = kesejahteraan
        self.iks = iks
        self.unitsMade = unitsMade
        self.unitsSold = unitsSold
        self.memberMonths = memberMonths
    }

    public var valueAdded: Double? { valueAddedRatio(revenue: revenue, materialCost: materialCost) }
    /// The welfare allocation per member per month: a member's income from the group.
    public var incomePerMemberMonth: Rupiah? { memberMonths > 0 ? Rupiah(kesejahteraan.amount / Int64(memberMonths)) : nil }

    /// Adds another row's sums to this one.
    public mutating func add(_ other: LedgerTotals) {
        groupMonths += other.groupMonths
        revenue = Rupiah(revenue.amount + other.revenue.amount)
        materialCost = Rupiah(materialCost.amount + other.materialCost.amount)
        otherCost = Rupiah(otherCost.amount + other.otherCost.amount)
        profit = Rupiah(profit.amount + other.profit.amount)
        modal = Rupiah(modal.amount + other.modal.amount)
        kesejahteraan = Rupiah(kesejahteraan.amount + other.kesejahteraan.amount)
        iks = Rupiah(iks.amount + other.iks.amount)
        unitsMade += other.unitsMade
        unitsSold += other.unitsSold
        memberMonths += other.memberMonths
    }

    /// The totals of one month, as its summary row would show them.
    public init(_ ledger: MonthlyLedger, key: String) {
        self.init(
            key: key, groupMonths: 1, revenue: ledger.revenue, materialCost: ledger.materialCost, otherCost: ledger.otherCost,
            profit: ledger.profit, modal: ledger.allocation.modal, kesejahteraan: ledger.allocation.kesejahteraan, iks: ledger.allocation.iks,
            unitsMade: ledger.unitsMade, unitsSold: ledger.unitsSold, memberMonths: ledger.memberIncomes.count)
    }
}

/// Where the groups' monthly ledgers, closures and corrections are stored.
public protocol LedgerRepository: TrackRecordSource {
    func find(group: UUID, month: YearMonth) async throws -> MonthlyLedger?
    /// Every month of a group, oldest first.
    func months(ofGroup group: UUID) async throws -> [MonthlyLedger]
    /// Every group's entry for one month inside a region.
    func months(within scope: RegionCode?, month: YearMonth) async throws -> [MonthlyLedger]
    func insert(_ ledger: MonthlyLedger) async throws
    /// Saves if the stored version is still `expectedVersion`.
    func update(_ ledger: MonthlyLedger, expectedVersion: Int) async throws -> Bool
    func insert(_ adjustment: LedgerAdjustment) async throws
    func adjustments(of ledger: UUID) async throws -> [LedgerAdjustment]
    func closure(of kabupatenKota: RegionCode, month: YearMonth) async throws -> LedgerClosure?
    func insert(_ closure: LedgerClosure) async throws
    /// Closures inside a region (a kab/kota's own, or every one for the province), newest first.
    func closures(within scope: RegionCode?) async throws -> [LedgerClosure]
    /// Sums of the group-months inside `scope` from `from` to `to`, one row per key of `by`.
    func totals(within scope: RegionCode?, from: YearMonth, to: YearMonth, by: LedgerBreakdown) async throws -> [LedgerTotals]
}
