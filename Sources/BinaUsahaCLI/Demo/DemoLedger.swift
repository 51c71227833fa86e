import BinaUsahaDomain
import Foundation

/// Twelve months of production and sales for each active demo group, through the ledger's use
/// case: products and prices from the skill catalogue, output that grows as a group learns,
/// sales within stock over the channels a craft village uses, profit set aside for capital,
/// IKS and the members. Value added differs by kab/kota, so the summary shows where it lags.
/// Every month up to two months ago is closed; last month is left for the operator to close,
/// and a pendamping's groups have this month still to record.
enum DemoLedger {
    static func seed(groups: [KUBEGroup], writes: LedgerWrites, repositories: Repositories, admin: Principal, now: Date) async throws -> Int {
        var random = SeededRandom(seed: 13)
        let current = YearMonth(now)
        let months = current.lastMonths(13).dropLast()
        var recorded = 0
        for group in groups {
            guard let skill = try await repositories.skills.find(code: group.skill), !skill.products.isEmpty else { continue }
            let kabkota = group.kecamatan.parent ?? group.kecamatan
            // Some kab/kota sell better than others: the same craft fetches more near a market.
            let market = 0.8 + Double(Int(kabkota.digits.suffix(2)) ?? 0).truncatingRemainder(dividingBy: 5) * 0.12
            let channels: [SalesChannel] = [.pasarLokal, .pengepul, .tokoOlehOleh, .online, .pameran]
            var stock: [String: Int] = [:]
            let recordThisMonth = group.pendamping == nil
            for (index, month) in (recordThisMonth ? Array(months) + [current] : Array(months)).enumerated() {
                let growth = 1 + Double(index) * 0.06
                var production: [ProductionLine] = []
                var sales: [SaleLine] = []
                for product in skill.products.prefix(2) {
                    let made = Int(Double(Int.random(in: 15...40, using: &random)) * growth)
                    let cost = Double(product.materialCost.amount) * Double(made) * Double.random(in: 0.9...1.1, using: &random)
                    production.append(ProductionLine(product: product.name, unit: product.unit, quantity: made, materialCost: Rupiah(Int64(cost))))
                    let available = (stock[MonthlyLedger.productKey(product.name)] ?? 0) + made
                    let sold = Int(Double(available) * Double.random(in: 0.6...0.95, using: &random))
                    let price = Double(product.sellingPrice.amount) * market * Double.random(in: 0.9...1.1, using: &random)
                    let first = sold * 2 / 3
                    if first > 0 {
                        sales.append(
                            SaleLine(product: product.name, channel: channels[(index + first) % 2], quantity: first, unitPrice: Rupiah(Int64(price))))
                    }
                    if sold - first > 0 {
                        sales.append(
                            SaleLine(
                                product: product.name, channel: channels[2 + (index % 3)], quantity: sold - first,
                                unitPrice: Rupiah(Int64(price * 1.15))))
                    }
                    stock[MonthlyLedger.productKey(product.name)] = available - sold
                }
                let revenue = sales.reduce(Int64(0)) { $0 + $1.revenue.amount }
                let costs: [CostKind: Rupiah] = [.transport: Rupiah(revenue * 3 / 100), .kemasan: Rupiah(revenue * 2 / 100)]
                let profit = revenue - production.reduce(0) { $0 + $1.materialCost.amount } - costs.values.reduce(0) { $0 + $1.amount }
                let modal = profit > 0 ? Rupiah(profit * 30 / 100) : Rupiah(0)
                let iks = profit > 0 && group.stage != .tumbuh ? Rupiah(profit * 5 / 100) : Rupiah(0)
                _ = try await writes.recordMonth(
                    group: group.id, month: month,
                    .init(production: production, sales: sales, otherCosts: costs, modal: modal, iks: iks), version: 0, by: admin)
                recorded += 1
            }
        }
        for kabkota in Set(groups.map { $0.kecamatan.parent ?? $0.kecamatan }).sorted() {
            for month in months.dropLast() {
                _ = try await writes.closeMonth(month, kabupatenKota: kabkota.rawValue, by: admin)
            }
        }
        return recorded
    }
}
