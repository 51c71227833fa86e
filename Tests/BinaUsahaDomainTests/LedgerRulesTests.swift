import BinaUsahaDomain
import Foundation
import Testing

/// The ledger's arithmetic and rules, without a database.
@Suite("Ledger rules")
struct LedgerRulesTests {
    static let november = YearMonth(year: 2026, month: 11)!

    static func ledger(sold: Int = 30, price: Int64 = 35_000, allocation: ProfitAllocation, incomes: [UUID: Rupiah]) -> MonthlyLedger {
        MonthlyLedger(
            group: UUID(), month: november, desa: RegionCode(trusted: "16.02.03.2007"), skill: "anyaman-purun",
            production: [ProductionLine(product: "Tikar", unit: "lembar", quantity: 40, materialCost: Rupiah(400_000))],
            sales: [SaleLine(product: "Tikar", channel: .pasarLokal, quantity: sold, unitPrice: Rupiah(price))],
            otherCosts: [.transport: Rupiah(50_000)], allocation: allocation, memberIncomes: incomes)
    }

    @Test("Equal shares always add up to the total, whatever the total and the number of members")
    func equalShares() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let members = (0..<Int.random(in: 1...20, using: &generator)).map { _ in UUID() }
            let total = Rupiah(Int64.random(in: 0...5_000_000_000, using: &generator))
            let shares = MonthlyLedger.equalShares(total, among: members)
            #expect(shares.count == members.count)
            #expect(shares.values.reduce(0) { $0 + $1.amount } == total.amount)
            #expect((shares.values.map(\.amount).max() ?? 0) - (shares.values.map(\.amount).min() ?? 0) <= 1)
        }
    }

    @Test("Revenue − costs = profit; a month whose allocation or incomes do not add up is refused")
    func reconciliation() {
        let members = (0..<5).map { _ in UUID() }
        let good = Self.ledger(
            allocation: ProfitAllocation(modal: Rupiah(200_000), kesejahteraan: Rupiah(350_000), iks: Rupiah(50_000)),
            incomes: MonthlyLedger.equalShares(Rupiah(350_000), among: members))
        #expect(good.revenue.amount - good.materialCost.amount - good.otherCost.amount == good.profit.amount)
        #expect(good.problems(activeMembers: Set(members), stockBefore: [:], currentMonth: Self.november).isEmpty)

        let short = Self.ledger(
            allocation: ProfitAllocation(modal: Rupiah(200_000), kesejahteraan: Rupiah(300_000), iks: Rupiah(50_000)),
            incomes: MonthlyLedger.equalShares(Rupiah(300_000), among: members))
        #expect(
            short.problems(activeMembers: Set(members), stockBefore: [:], currentMonth: Self.november).contains {
                if case .allocationMismatch = $0 { true } else { false }
            })

        let unpaid = Self.ledger(
            allocation: ProfitAllocation(modal: Rupiah(200_000), kesejahteraan: Rupiah(350_000), iks: Rupiah(50_000)),
            incomes: MonthlyLedger.equalShares(Rupiah(340_000), among: members))
        #expect(
            unpaid.problems(activeMembers: Set(members), stockBefore: [:], currentMonth: Self.november).contains(
                .incomesMismatch(welfare: Rupiah(350_000), paid: Rupiah(340_000))))
    }

    @Test("Stock: what is sold may not exceed what was left plus what was made")
    func stock() {
        let sale = Self.ledger(sold: 45, allocation: .none, incomes: [:])
        let problems = sale.problems(activeMembers: [], stockBefore: [:], currentMonth: Self.november)
        #expect(problems.contains(.saleExceedsStock("Tikar", sold: 45, available: 40)))
        #expect(
            !sale.problems(activeMembers: [], stockBefore: ["tikar": 5], currentMonth: Self.november).contains {
                if case .saleExceedsStock = $0 { true } else { false }
            })
        #expect(sale.stock(after: ["tikar": 5]) == ["tikar": 0])
    }

    @Test("Numbers beyond the limits are refused before any sum is taken (no overflow trap)")
    func limits() {
        let huge = MonthlyLedger.limits(
            production: [ProductionLine(product: "x", unit: "u", quantity: .max, materialCost: Rupiah(.max))],
            sales: Array(repeating: SaleLine(product: "x", channel: .online, quantity: .max, unitPrice: Rupiah(.max)), count: 40),
            amounts: [Rupiah(.min)], incomes: [Rupiah(.max)])
        #expect(
            huge.contains(.tooManyLines(30)) && huge.contains(.tooLarge(line: 1)) && huge.contains(.costTooLarge) && huge.contains(.incomeTooLarge))
    }

    @Test("Months parse only as YYYY-MM; any other text is nil, never a trap")
    func months() {
        #expect(YearMonth(parsing: "2026-11") == Self.november && Self.november.text == "2026-11")
        #expect(Self.november.label(.id) == "November 2026" && Self.november.next == YearMonth(year: 2026, month: 12))
        #expect(YearMonth(year: 2026, month: 1)!.previous == YearMonth(year: 2025, month: 12))
        for text in ["", "2026-1", "2026-13", "2026-00", "-2026-11", "2026/11", "２０２６-11", "2026-11x", "9999999-11", "2026-1\u{0}"] {
            #expect(YearMonth(parsing: text) == nil, "\(text)")
        }
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...9)).map { _ in "0123456789-x/ ".randomElement()! })
            if let month = YearMonth(parsing: text) { #expect(month.text == text.trimmingCharacters(in: .whitespaces)) }
        }
        #expect(Self.november.lastMonths(24).count == 24 && Self.november.lastMonths(24).last == Self.november)
        #expect(formatValueAdded(2.625, .id) == "2,6×" && formatValueAdded(nil, .id) == "—")
    }
}
