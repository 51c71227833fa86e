import BinaUsahaDomain
import Foundation

/// The month form as sent (`prod_N_*`, `sale_N_*`, `cost_*`, `modal`, `iks`, `inc_<member>`,
/// `alasan`), read into a use-case input; what cannot be read is reported per section, and the
/// values sent stay so the page shows them again.
struct LedgerFormInput {
    static let maximumLines = 30

    var values: [String: String]
    var input: LedgerWrites.MonthInput
    /// Section (`produksi`, `penjualan`, `biaya`, `alokasi`, `pendapatan`) → problems.
    var errors: [String: [String]]

    init(values: [String: String], lang: Lang) {
        self.values = values
        var errors: [String: [String]] = [:]
        func number(_ key: String, section: String) -> Int64 {
            let text = TextFolding.trim(values[key] ?? "")
            if text.isEmpty { return 0 }
            let negative = text.hasPrefix("-")
            guard let amount = RupiahParsing.parse(negative ? String(text.dropFirst()) : text) else {
                errors[section, default: []].append(LedgerProblem.badNumber(String(text.prefix(20))).message(lang))
                return 0
            }
            return negative ? -amount.amount : amount.amount
        }
        func blank(_ keys: [String]) -> Bool { keys.allSatisfy { TextFolding.trim(values[$0] ?? "").isEmpty } }
        var production: [ProductionLine] = []
        var sales: [SaleLine] = []
        for index in 0..<Self.maximumLines {
            let p = "prod_\(index)_"
            if !blank([p + "product", p + "qty", p + "cost"]) {
                production.append(
                    ProductionLine(
                        product: values[p + "product"] ?? "", unit: values[p + "unit"] ?? "",
                        quantity: Int(clamping: number(p + "qty", section: "produksi")), materialCost: Rupiah(number(p + "cost", section: "produksi"))
                    ))
            }
            let s = "sale_\(index)_"
            if !blank([s + "product", s + "qty", s + "price"]) {
                let channel = SalesChannel(rawValue: values[s + "channel"] ?? "") ?? .pasarLokal
                sales.append(
                    SaleLine(
                        product: values[s + "product"] ?? "", channel: channel, quantity: Int(clamping: number(s + "qty", section: "penjualan")),
                        unitPrice: Rupiah(number(s + "price", section: "penjualan"))))
            }
        }
        var costs: [CostKind: Rupiah] = [:]
        for kind in CostKind.allCases { costs[kind] = Rupiah(number("cost_\(kind.rawValue)", section: "biaya")) }
        var incomes: [UUID: Rupiah] = [:]
        for (key, _) in values where key.hasPrefix("inc_") && !blank([key]) {
            guard let id = UUID(uuidString: String(key.dropFirst(4))) else { continue }
            incomes[id] = Rupiah(number(key, section: "pendapatan"))
        }
        input = LedgerWrites.MonthInput(
            production: production, sales: sales, otherCosts: costs, modal: Rupiah(number("modal", section: "alokasi")),
            iks: Rupiah(number("iks", section: "alokasi")), memberIncomes: incomes, reason: values["alasan"] ?? "")
        self.errors = errors
    }

    /// The form's values for a stored month (or an empty one).
    static func values(_ ledger: MonthlyLedger?) -> [String: String] {
        guard let ledger else { return [:] }
        var values: [String: String] = [:]
        for (index, line) in ledger.production.enumerated() {
            values["prod_\(index)_product"] = line.product
            values["prod_\(index)_unit"] = line.unit
            values["prod_\(index)_qty"] = String(line.quantity)
            values["prod_\(index)_cost"] = String(line.materialCost.amount)
        }
        for (index, line) in ledger.sales.enumerated() {
            values["sale_\(index)_product"] = line.product
            values["sale_\(index)_channel"] = line.channel.rawValue
            values["sale_\(index)_qty"] = String(line.quantity)
            values["sale_\(index)_price"] = String(line.unitPrice.amount)
        }
        for (kind, amount) in ledger.otherCosts { values["cost_\(kind.rawValue)"] = String(amount.amount) }
        values["modal"] = String(ledger.allocation.modal.amount)
        values["iks"] = String(ledger.allocation.iks.amount)
        return values
    }

    /// How many rows of a kind (`prod`, `sale`) the form shows: those filled in and a few empty ones.
    static func rows(_ prefix: String, in values: [String: String], blank: Int) -> Int {
        let used = (0..<maximumLines).last { index in
            values.keys.contains { $0.hasPrefix("\(prefix)_\(index)_") && !TextFolding.trim(values[$0] ?? "").isEmpty }
        }
        return min(maximumLines, (used.map { $0 + 1 } ?? 0) + blank)
    }
}
