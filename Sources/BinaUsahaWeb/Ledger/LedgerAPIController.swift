import BinaUsahaDomain
import Foundation
import Vapor

/// `/api/v1/groups/{id}/ledger`, `/api/v1/ledger/summary`, `/api/v1/ledger/closures`: the same
/// use cases and rules as the pages.
struct LedgerAPIController {
    struct Line: Content {
        var product: String
        var unit: String?
        var channel: String?
        var quantity: Int
        var material_cost: Int64?
        var unit_price: Int64?
    }

    struct MonthResponse: Content {
        var id: UUID, group: UUID, month: String, version: Int, adjustments: Int
        var production: [Line], sales: [Line], other_costs: [String: Int64]
        var revenue: Int64, material_cost: Int64, other_cost: Int64, profit: Int64
        var alloc_modal: Int64, alloc_welfare: Int64, alloc_iks: Int64, member_incomes: [String: Int64]
        var value_added: Double?, closed: Bool

        init(_ l: MonthlyLedger, closed: Bool) {
            id = l.id
            group = l.group
            month = l.month.text
            version = l.version
            adjustments = l.adjustments
            production = l.production.map { Line(product: $0.product, unit: $0.unit, quantity: $0.quantity, material_cost: $0.materialCost.amount) }
            sales = l.sales.map { Line(product: $0.product, channel: $0.channel.rawValue, quantity: $0.quantity, unit_price: $0.unitPrice.amount) }
            other_costs = Dictionary(uniqueKeysWithValues: l.otherCosts.map { ($0.key.rawValue, $0.value.amount) })
            revenue = l.revenue.amount
            material_cost = l.materialCost.amount
            other_cost = l.otherCost.amount
            profit = l.profit.amount
            alloc_modal = l.allocation.modal.amount
            alloc_welfare = l.allocation.kesejahteraan.amount
            alloc_iks = l.allocation.iks.amount
            member_incomes = Dictionary(uniqueKeysWithValues: l.memberIncomes.map { ($0.key.uuidString, $0.value.amount) })
            value_added = l.valueAdded
            self.closed = closed
        }
    }

    struct MonthList: Content {
        var months: [MonthResponse]
    }

    func list(req: Request) async throws -> MonthList {
        let group = try await load(req)
        let store = req.services.ledger(req.db)
        let closed = Set(try await store.closures(within: group.kecamatan.parent).map(\.month))
        return MonthList(months: try await store.months(ofGroup: group.id).map { MonthResponse($0, closed: closed.contains($0.month)) })
    }

    func show(req: Request) async throws -> MonthResponse {
        let group = try await load(req)
        let month = try Self.month(req)
        let store = req.services.ledger(req.db)
        guard let ledger = try await store.find(group: group.id, month: month) else { throw APIError.notFound(req.t(.apiNotFound)) }
        return MonthResponse(ledger, closed: try await store.closure(of: group.kecamatan.parent ?? group.kecamatan, month: month) != nil)
    }

    struct MonthInput: Content {
        var version: Int
        var production: [Line]?
        var sales: [Line]?
        var other_costs: [String: Int64]?
        var alloc_modal: Int64?
        var alloc_iks: Int64?
        var member_incomes: [String: Int64]?
        var reason: String?
    }

    func put(req: Request) async throws -> MonthResponse {
        let principal = try req.requirePrincipal()
        let group = try await load(req)
        guard LedgerWrites.mayRecord(principal, group: group) else {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        }
        let month = try Self.month(req)
        let body = try req.content.decode(MonthInput.self)
        func invalid(_ message: String) -> APIError { APIError(status: .unprocessableEntity, code: "invalid", message: message) }
        var sales: [SaleLine] = []
        for line in body.sales ?? [] {
            guard let channel = SalesChannel(rawValue: line.channel ?? "") else {
                throw invalid(req.t(.apiBadChannel, SalesChannel.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            sales.append(SaleLine(product: line.product, channel: channel, quantity: line.quantity, unitPrice: Rupiah(line.unit_price ?? 0)))
        }
        var costs: [CostKind: Rupiah] = [:]
        for (key, amount) in body.other_costs ?? [:] {
            guard let kind = CostKind(rawValue: key) else {
                throw invalid(req.t(.apiBadCostKind, CostKind.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            costs[kind] = Rupiah(amount)
        }
        var incomes: [UUID: Rupiah] = [:]
        for (key, amount) in body.member_incomes ?? [:] {
            guard let id = UUID(uuidString: key) else { throw invalid(LedgerProblem.incomeForNonMember(1).message(req.lang)) }
            incomes[id] = Rupiah(amount)
        }
        let input = LedgerWrites.MonthInput(
            production: (body.production ?? []).map {
                ProductionLine(product: $0.product, unit: $0.unit ?? "", quantity: $0.quantity, materialCost: Rupiah($0.material_cost ?? 0))
            },
            sales: sales, otherCosts: costs, modal: Rupiah(body.alloc_modal ?? 0), iks: Rupiah(body.alloc_iks ?? 0), memberIncomes: incomes,
            reason: body.reason ?? "")
        do {
            let saved = try await req.services.ledgerWrites(req.db).recordMonth(
                group: group.id, month: month, input, version: body.version, by: principal)
            let closed = try await req.services.ledger(req.db).closure(of: group.kecamatan.parent ?? group.kecamatan, month: month) != nil
            return MonthResponse(saved, closed: closed)
        } catch let error as LedgerRuleError {
            throw invalid(error.message(req.lang))
        } catch GroupWriteError.stale {
            throw APIError(status: .conflict, code: "stale_version", message: req.t(.ldgStale))
        } catch GroupWriteError.forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        } catch GroupWriteError.notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    struct TotalsResponse: Content {
        var key: String, group_months: Int, revenue: Int64, material_cost: Int64, other_cost: Int64, profit: Int64
        var alloc_modal: Int64, alloc_welfare: Int64, alloc_iks: Int64, units_made: Int, units_sold: Int, member_months: Int
        var value_added: Double?, income_per_member_month: Int64?

        init(_ r: LedgerTotals) {
            key = r.key
            group_months = r.groupMonths
            revenue = r.revenue.amount
            material_cost = r.materialCost.amount
            other_cost = r.otherCost.amount
            profit = r.profit.amount
            alloc_modal = r.modal.amount
            alloc_welfare = r.kesejahteraan.amount
            alloc_iks = r.iks.amount
            units_made = r.unitsMade
            units_sold = r.unitsSold
            member_months = r.memberMonths
            value_added = r.valueAdded
            income_per_member_month = r.incomePerMemberMonth?.amount
        }
    }

    struct Summary: Content {
        var from: String, to: String, by: String, rows: [TotalsResponse]
    }

    /// `?from=YYYY-MM&to=YYYY-MM&by=kabkota|skill|month` inside the reader's region.
    func summary(req: Request) async throws -> Summary {
        let principal = try req.requirePrincipal()
        let now = YearMonth(req.services.clock.now())
        func month(_ field: String, _ fallback: YearMonth) throws -> YearMonth {
            guard let text = try? req.query.get(String.self, at: field), !text.isEmpty else { return fallback }
            guard let month = YearMonth(parsing: text) else {
                throw APIError.badRequest(LedgerProblem.badMonth(String(text.prefix(20))).message(req.lang))
            }
            return month
        }
        let to = try month("to", now)
        let from = try month("from", to.lastMonths(12).first ?? to)
        let byText = (try? req.query.get(String.self, at: "by")) ?? LedgerBreakdown.kabupatenKota.rawValue
        guard let by = LedgerBreakdown(rawValue: byText) else {
            throw APIError.badRequest(req.t(.apiBadBreakdown, LedgerBreakdown.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let rows = try await req.services.ledger(req.db).totals(within: principal.region, from: min(from, to), to: max(from, to), by: by)
        return Summary(from: min(from, to).text, to: max(from, to).text, by: by.rawValue, rows: rows.map(TotalsResponse.init))
    }

    struct CloseInput: Content {
        var kabupaten_kota: String
        var month: String
    }

    struct ClosureResponse: Content {
        var kabupaten_kota: String, month: String, closed_at: Date, closed_by: String
    }

    func close(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(CloseInput.self)
        do {
            guard let month = YearMonth(parsing: body.month) else { throw LedgerRuleError(.badMonth(String(body.month.prefix(20)))) }
            let closure = try await req.services.ledgerWrites(req.db).closeMonth(month, kabupatenKota: body.kabupaten_kota, by: principal)
            let response = Response(status: .created)
            try response.content.encode(
                ClosureResponse(
                    kabupaten_kota: closure.kabupatenKota.rawValue, month: closure.month.text, closed_at: closure.closedAt,
                    closed_by: closure.closedBy))
            return response
        } catch let error as LedgerRuleError {
            throw APIError(status: .unprocessableEntity, code: "invalid", message: error.message(req.lang))
        } catch GroupWriteError.forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        }
    }

    static func month(_ req: Request) throws -> YearMonth {
        let text = req.parameters.get("month") ?? ""
        guard let month = YearMonth(parsing: text) else {
            throw APIError.badRequest(LedgerProblem.badMonth(String(text.prefix(20))).message(req.lang))
        }
        return month
    }

    private func load(_ req: Request) async throws -> KUBEGroup {
        do { return try await GroupsController.load(req) } catch let abort as Abort where abort.status == .notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }
}
