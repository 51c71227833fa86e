import BinaUsahaDomain
import Foundation
import Vapor

/// `/groups/:id/ledger`: a group's month of production and sales; `/ledger`: the summary per
/// kab/kota, skill and group with the closing of a month (and its CSV).
struct LedgerController {
    /// The months a form offers: the last two years up to the current month.
    static func months(now: Date) -> [YearMonth] { YearMonth(now).lastMonths(24) }

    /// `?bulan=YYYY-MM`, or the current month; a month that cannot be read is a 400 with the reason.
    static func month(_ req: Request, field: String = "bulan") throws -> YearMonth {
        guard let text = try? req.query.get(String.self, at: field), !text.isEmpty else {
            return YearMonth(req.services.clock.now())
        }
        guard let month = YearMonth(parsing: text) else {
            throw Abort(.badRequest, reason: LedgerProblem.badMonth(String(text.prefix(20))).message(req.lang))
        }
        return month
    }

    func month(req: Request) async throws -> Response {
        let group = try await GroupsController.load(req)
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            let months = try await req.services.ledger(req.db).months(ofGroup: group.id)
            return CSVDownload.response(
                name: "usaha-\(group.id.uuidString.prefix(8).lowercased()).csv",
                header: [
                    "bulan", "omzet", "biaya_bahan", "biaya_lain", "laba", "modal_usaha", "kesejahteraan_anggota", "iks", "jumlah_diproduksi",
                    "jumlah_terjual", "nilai_tambah", "koreksi",
                ],
                rows: months.map { l in
                    [
                        l.month.text, String(l.revenue.amount), String(l.materialCost.amount), String(l.otherCost.amount), String(l.profit.amount),
                        String(l.allocation.modal.amount), String(l.allocation.kesejahteraan.amount), String(l.allocation.iks.amount),
                        String(l.unitsMade), String(l.unitsSold), l.valueAdded.map { String(format: "%.2f", $0) } ?? "", String(l.adjustments),
                    ]
                })
        }
        let month = try Self.month(req)
        let ledger = try await req.services.ledger(req.db).find(group: group.id, month: month)
        let notice = (try? req.query.get(String.self, at: "disimpan")).map { _ in req.t(.ldgSaved, month.label(req.lang)) }
        return try await page(req, group, month: month, values: LedgerFormInput.values(ledger), errors: [:], notice: notice)
    }

    func save(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let group = try await GroupsController.load(req)
        guard LedgerWrites.mayRecord(principal, group: group) else { throw Abort(.forbidden, reason: req.t(.errorForbiddenBody)) }
        let values = try req.content.decode([String: String].self)
        guard let month = YearMonth(parsing: values["bulan"] ?? "") else {
            return try await page(
                req, group, month: YearMonth(req.services.clock.now()), values: values,
                errors: ["bulan": [LedgerProblem.badMonth(String((values["bulan"] ?? "").prefix(20))).message(req.lang)]],
                status: .unprocessableEntity)
        }
        let form = LedgerFormInput(values: values, lang: req.lang)
        guard form.errors.isEmpty else {
            return try await page(req, group, month: month, values: values, errors: form.errors, status: .unprocessableEntity)
        }
        let version = values["version"].flatMap { Int($0) } ?? -1
        do {
            _ = try await req.services.ledgerWrites(req.db).recordMonth(group: group.id, month: month, form.input, version: version, by: principal)
            return req.redirect(to: Site.groupLedger(group.id) + "?bulan=\(month.text)&disimpan=1")
        } catch let error as LedgerRuleError {
            var errors: [String: [String]] = [:]
            for problem in error.problems { errors[problem.field ?? "umum", default: []].append(problem.message(req.lang)) }
            return try await page(req, group, month: month, values: values, errors: errors, status: .unprocessableEntity)
        } catch GroupWriteError.stale {
            return try await page(req, group, month: month, values: values, errors: ["umum": [req.t(.ldgStale)]], status: .conflict)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        } catch GroupWriteError.notFound {
            throw Abort(.notFound)
        }
    }

    private func page(
        _ req: Request, _ group: KUBEGroup, month: YearMonth, values: [String: String], errors: [String: [String]], notice: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.requirePrincipal()
        let ledgerStore = req.services.ledger(req.db)
        let history = try await ledgerStore.months(ofGroup: group.id)
        let ledger = history.first { $0.month == month }
        let kabkota = group.kecamatan.parent ?? group.kecamatan
        let now = req.services.clock.now()
        var months = Self.months(now: now)
        if !months.contains(month) { months.append(month) }
        let adjustments = if let ledger { try await ledgerStore.adjustments(of: ledger.id) } else { [LedgerAdjustment]() }
        return LedgerPages.month(
            .init(
                group: group, month: month, months: months.sorted(), ledger: ledger, history: history,
                adjustments: adjustments,
                closure: try await ledgerStore.closure(of: kabkota, month: month),
                skill: try await req.services.skills(req.db).find(code: group.skill),
                names: try await req.services.planningPeople(req.db).names(of: group.activeMembers.map(\.beneficiary)),
                canRecord: LedgerWrites.mayRecord(principal, group: group),
                canCorrect: principal.may(.closeMonths), values: values, errors: errors, notice: notice),
            context: req.page(path: Site.groupLedger(group.id))
        ).response(status: status)
    }

    // MARK: Summary

    func summary(req: Request) async throws -> Response {
        try await summaryPage(req, notice: nil, errors: [])
    }

    func close(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let values = try req.content.decode([String: String].self)
        let text = values["bulan"] ?? ""
        do {
            guard let month = YearMonth(parsing: text) else { throw LedgerRuleError(.badMonth(String(text.prefix(20)))) }
            _ = try await req.services.ledgerWrites(req.db).closeMonth(month, kabupatenKota: values["kabkota"] ?? "", by: principal)
            return req.redirect(to: Site.ledger + "?bulan=\(month.text)&ditutup=1")
        } catch let error as LedgerRuleError {
            return try await summaryPage(req, notice: nil, errors: error.messages(req.lang), status: .unprocessableEntity)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        }
    }

    struct SummaryData {
        var month: YearMonth
        var byKabkota: [LedgerTotals]
        var bySkill: [LedgerTotals]
        var groups: [KUBEGroup]
        var entries: [UUID: MonthlyLedger]
        var closures: [LedgerClosure]
        var regions: [RegionCode: Region]
        var skills: [String: Skill]
    }

    func summaryData(_ req: Request, month: YearMonth) async throws -> SummaryData {
        let principal = try req.requirePrincipal()
        let scope = principal.region
        let store = req.services.ledger(req.db)
        let byKabkota = try await store.totals(within: scope, from: month, to: month, by: .kabupatenKota)
        let bySkill = try await store.totals(within: scope, from: month, to: month, by: .skill)
        let showGroups = principal.may(.readRegistry) && scope.map { $0.level != .provinsi } ?? false
        let groups = showGroups ? try await req.services.groups(req.db).list(within: scope, pendamping: nil).filter { $0.status == .aktif } : []
        let entries = showGroups ? try await store.months(within: scope, month: month) : []
        let kabkotas = Set(byKabkota.map { RegionCode(trusted: $0.key) })
        return SummaryData(
            month: month, byKabkota: byKabkota, bySkill: bySkill, groups: groups,
            entries: Dictionary(entries.map { ($0.group, $0) }, uniquingKeysWith: { first, _ in first }),
            closures: try await store.closures(within: scope),
            regions: try await req.services.regions(req.db).existing(kabkotas.union(groups.map(\.desa))),
            skills: Dictionary(try await req.services.skills(req.db).all().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    private func summaryPage(_ req: Request, notice: String?, errors: [String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try req.requirePrincipal()
        let month = try Self.month(req)
        let data = try await summaryData(req, month: month)
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            return LedgerCSV.response(data, part: try? req.query.get(String.self, at: "bagian"), lang: req.lang)
        }
        let now = req.services.clock.now()
        let kabkotaOptions = try await req.services.regions(req.db).regions(level: .kabupatenKota, within: SumateraSelatan.provinceCode)
            .filter { principal.covers($0.code) }
        let closed = Set(data.closures.filter { $0.month == month }.map(\.kabupatenKota))
        return LedgerSummaryPage.render(
            data, months: Self.months(now: now),
            closable: principal.may(.closeMonths) && month < YearMonth(now)
                ? kabkotaOptions.filter { !closed.contains($0.code) } : [],
            notice: notice ?? (try? req.query.get(String.self, at: "ditutup")).map { _ in req.t(.ldgClosedNotice, month.label(req.lang)) },
            errors: errors, context: req.page(path: Site.ledger)
        ).response(status: status)
    }
}
