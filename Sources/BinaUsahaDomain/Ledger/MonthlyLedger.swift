import Foundation

/// What a group made in a month: a product, how many, and the raw materials it used.
public struct ProductionLine: Sendable, Equatable, Codable {
    public var product: String
    public var unit: String
    public var quantity: Int
    public var materialCost: Rupiah

    public init(product: String, unit: String, quantity: Int, materialCost: Rupiah) {
        self.product = product
        self.unit = unit
        self.quantity = quantity
        self.materialCost = materialCost
    }
}

/// What a group sold in a month through one channel.
public struct SaleLine: Sendable, Equatable, Codable {
    public var product: String
    public var channel: SalesChannel
    public var quantity: Int
    public var unitPrice: Rupiah

    public init(product: String, channel: SalesChannel, quantity: Int, unitPrice: Rupiah) {
        self.product = product
        self.channel = channel
        self.quantity = quantity
        self.unitPrice = unitPrice
    }

    public var revenue: Rupiah { Rupiah(Int64(quantity) * unitPrice.amount) }
}

/// How a month's profit is set aside (DOMAIN.md §1.5, Permensos 2/2019): business capital,
/// the members' welfare (their income) and the social-solidarity contribution (IKS). The
/// three add up to the profit; a month without profit allocates nothing.
public struct ProfitAllocation: Sendable, Equatable, Codable {
    public var modal: Rupiah
    public var kesejahteraan: Rupiah
    public var iks: Rupiah

    public init(modal: Rupiah, kesejahteraan: Rupiah, iks: Rupiah) {
        self.modal = modal
        self.kesejahteraan = kesejahteraan
        self.iks = iks
    }

    public static let none = ProfitAllocation(modal: Rupiah(0), kesejahteraan: Rupiah(0), iks: Rupiah(0))
    public var total: Rupiah { Rupiah(modal.amount + kesejahteraan.amount + iks.amount) }
}

/// One group's production and sales ledger for one month, entered in one submit and saved with
/// a version. The region and skill are the group's at the time, kept with the month so that
/// summaries per kab/kota and skill read one table.
public struct MonthlyLedger: Sendable, Equatable {
    public var id: UUID
    public var group: UUID
    public var month: YearMonth
    public var desa: RegionCode
    public var skill: String
    public var production: [ProductionLine]
    public var sales: [SaleLine]
    public var otherCosts: [CostKind: Rupiah]
    public var allocation: ProfitAllocation
    /// Active member → their share of the welfare allocation (their income from the group).
    public var memberIncomes: [UUID: Rupiah]
    public var version: Int
    /// Corrections made after the month was closed.
    public var adjustments: Int

    public init(
        id: UUID = UUID(), group: UUID, month: YearMonth, desa: RegionCode, skill: String, production: [ProductionLine],
        sales: [SaleLine], otherCosts: [CostKind: Rupiah], allocation: ProfitAllocation, memberIncomes: [UUID: Rupiah],
        version: Int = 1, adjustments: Int = 0
    ) {
        self.id = id
        self.group = group
        self.month = month
        self.desa = desa
        self.skill = skill
        self.production = production
        self.sales = sales
        self.otherCosts = otherCosts
        self.allocation = allocation
        self.memberIncomes = memberIncomes
        self.version = version
        self.adjustments = adjustments
    }

    public var revenue: Rupiah { Rupiah(sales.reduce(0) { $0 + $1.revenue.amount }) }
    public var materialCost: Rupiah { Rupiah(production.reduce(0) { $0 + $1.materialCost.amount }) }
    public var otherCost: Rupiah { Rupiah(otherCosts.values.reduce(0) { $0 + $1.amount }) }
    /// Revenue − material cost − other costs; negative for a loss.
    public var profit: Rupiah { Rupiah(revenue.amount - materialCost.amount - otherCost.amount) }
    public var unitsMade: Int { production.reduce(0) { $0 + $1.quantity } }
    public var unitsSold: Int { sales.reduce(0) { $0 + $1.quantity } }
    /// Selling value ÷ raw-material cost; `nil` without material cost.
    public var valueAdded: Double? { valueAddedRatio(revenue: revenue, materialCost: materialCost) }

    /// Value added per product: its sales ÷ the materials of its production this month.
    public var valueAddedByProduct: [String: Double] {
        var result: [String: Double] = [:]
        for product in Set(production.map(\.product)) {
            let cost = production.filter { $0.product == product }.reduce(0) { $0 + $1.materialCost.amount }
            let sold = sales.filter { $0.product == product }.reduce(0) { $0 + $1.revenue.amount }
            if let ratio = valueAddedRatio(revenue: Rupiah(sold), materialCost: Rupiah(cost)) { result[product] = ratio }
        }
        return result
    }

    /// Units of each product left after this month, from what was left before it.
    public func stock(after before: [String: Int]) -> [String: Int] {
        var stock = before
        for line in production { stock[Self.productKey(line.product), default: 0] += line.quantity }
        for line in sales { stock[Self.productKey(line.product), default: 0] -= line.quantity }
        return stock
    }

    /// Products are matched by their name without case or extra spaces.
    public static func productKey(_ name: String) -> String { TextFolding.trim(name).lowercased() }

    /// Shares `total` equally among `members`; the rupiah left over from the division go to the
    /// first members, so the shares always add up to `total`.
    public static func equalShares(_ total: Rupiah, among members: [UUID]) -> [UUID: Rupiah] {
        guard !members.isEmpty else { return [:] }
        let sorted = members.sorted { $0.uuidString < $1.uuidString }
        let share = total.amount / Int64(sorted.count)
        let rest = total.amount - share * Int64(sorted.count)
        return Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Rupiah(share + (Int64($0) < rest ? 1 : 0))) })
    }

    /// Everything wrong with the month: lines, allocation, incomes and stock. `stockBefore` is
    /// what the group had left of each product (by `productKey`) before this month.
    public func problems(activeMembers: Set<UUID>, stockBefore: [String: Int], currentMonth: YearMonth) -> [LedgerProblem] {
        var problems: [LedgerProblem] = []
        if month > currentMonth { problems.append(.monthInFuture(month)) }
        var seen: Set<String> = []
        for (index, line) in production.enumerated() {
            let key = Self.productKey(line.product)
            if key.isEmpty { problems.append(.productRequired(line: index + 1)) }
            if !key.isEmpty, !seen.insert(key).inserted { problems.append(.productTwice(line.product)) }
            if line.product.count > 80 || line.unit.count > 20 { problems.append(.textTooLong(line: index + 1)) }
            if line.quantity < 0 || line.materialCost.amount < 0 { problems.append(.negative(line: index + 1)) }
            if line.quantity > Self.maximumQuantity || line.materialCost.amount > Self.maximumAmount { problems.append(.tooLarge(line: index + 1)) }
            if TextFolding.trim(line.unit).isEmpty { problems.append(.unitRequired(line.product)) }
        }
        for (index, line) in sales.enumerated() {
            if Self.productKey(line.product).isEmpty { problems.append(.saleProductRequired(line: index + 1)) }
            if line.quantity < 0 || line.unitPrice.amount < 0 { problems.append(.saleNegative(line: index + 1)) }
            if line.quantity > Self.maximumQuantity || line.unitPrice.amount > Self.maximumAmount {
                problems.append(.saleTooLarge(line: index + 1))
            }
            if line.quantity > 0 && line.unitPrice.amount == 0 { problems.append(.priceZero(line.product)) }
        }
        if otherCosts.values.contains(where: { $0.amount < 0 }) { problems.append(.costNegative) }
        if otherCosts.values.contains(where: { $0.amount > Self.maximumAmount }) { problems.append(.costTooLarge) }
        let after = stock(after: stockBefore)
        for key in Set(sales.map { Self.productKey($0.product) }).sorted() where !key.isEmpty && (after[key] ?? 0) < 0 {
            let sold = sales.filter { Self.productKey($0.product) == key }.reduce(0) { $0 + $1.quantity }
            let name = sales.first { Self.productKey($0.product) == key }!.product
            problems.append(.saleExceedsStock(TextFolding.trim(name), sold: sold, available: sold + (after[key] ?? 0)))
        }
        let parts = [allocation.modal, allocation.kesejahteraan, allocation.iks]
        if parts.contains(where: { $0.amount < 0 }) {
            problems.append(.allocationNegative)
        } else if profit.amount <= 0 {
            if allocation.total.amount != 0 { problems.append(.allocationWithoutProfit(profit)) }
        } else if allocation.total != profit {
            problems.append(.allocationMismatch(profit: profit, allocated: allocation.total))
        }
        let strangers = Set(memberIncomes.keys).subtracting(activeMembers)
        if !strangers.isEmpty { problems.append(.incomeForNonMember(strangers.count)) }
        if memberIncomes.values.contains(where: { $0.amount < 0 }) { problems.append(.incomeNegative) }
        let paid = memberIncomes.values.reduce(0) { $0 + $1.amount }
        if paid != allocation.kesejahteraan.amount, strangers.isEmpty {
            problems.append(.incomesMismatch(welfare: allocation.kesejahteraan, paid: Rupiah(paid)))
        }
        return problems
    }

    /// Limits that keep every sum of a month far inside 64 bits (30 lines × 10⁶ × Rp 10¹⁰).
    public static let maximumQuantity = 1_000_000
    public static let maximumAmount: Int64 = 10_000_000_000
    public static let maximumLines = 30

    /// What must hold before any total of the input is computed: every number within its
    /// limit and no more lines than a month form has. Checked first, so no sum can overflow.
    public static func limits(
        production: [ProductionLine], sales: [SaleLine], amounts: [Rupiah], incomes: [Rupiah]
    ) -> [LedgerProblem] {
        var problems: [LedgerProblem] = []
        if production.count > maximumLines || sales.count > maximumLines { problems.append(.tooManyLines(maximumLines)) }
        let quantity = -maximumQuantity...maximumQuantity
        let amount = -maximumAmount...maximumAmount
        for (index, line) in production.enumerated() where !quantity.contains(line.quantity) || !amount.contains(line.materialCost.amount) {
            problems.append(.tooLarge(line: index + 1))
        }
        for (index, line) in sales.enumerated() where !quantity.contains(line.quantity) || !amount.contains(line.unitPrice.amount) {
            problems.append(.saleTooLarge(line: index + 1))
        }
        if amounts.contains(where: { !amount.contains($0.amount) }) { problems.append(.costTooLarge) }
        if incomes.count > 1000 || incomes.contains(where: { !amount.contains($0.amount) }) { problems.append(.incomeTooLarge) }
        return problems
    }
}

/// Selling value over raw-material cost; `nil` without material cost.
public func valueAddedRatio(revenue: Rupiah, materialCost: Rupiah) -> Double? {
    materialCost.amount > 0 ? Double(revenue.amount) / Double(materialCost.amount) : nil
}

/// `2,8×` — a value-added ratio the way the office writes it.
public func formatValueAdded(_ ratio: Double?, _ lang: Lang) -> String {
    ratio.map { formatRatio($0, lang) + "×" } ?? "—"
}
