import BinaUsahaDomain
import Foundation
import Vapor

/// `/beneficiaries/:id/outcomes`: a person's follow-up assessments and graduation;
/// `/outcomes`: people the rule proposes, the cohort view and (for the admin) the rule.
struct OutcomesController {
    func person(req: Request) async throws -> Response {
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            let person = try await loadPerson(req)
            let assessments = try await req.services.outcomes(req.db).assessments(of: [person.id])
            return CSVDownload.response(
                name: "tindak-lanjut-\(person.id.uuidString.prefix(8).lowercased()).csv",
                header: ["tanggal", "pendapatan_rumah_tangga", "anggota_rumah_tangga", "per_kapita", "desil", "menerima_bansos", "usaha_berjalan"],
                rows: assessments.map { a in
                    [
                        a.date.iso, String(a.householdIncome.amount), String(a.householdSize), String(a.incomePerCapita.amount),
                        a.decile.map(String.init) ?? "", a.receivesBansos ? "ya" : "tidak", a.businessRunning ? "ya" : "tidak",
                    ]
                })
        }
        return try await personPage(req, values: [:], errors: [:])
    }

    private func loadPerson(_ req: Request) async throws -> Beneficiary {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let person = try await req.services.beneficiaries(req.db).find(id: id),
            principal.covers(person.details.desa)
        else { throw Abort(.notFound) }
        return person
    }

    func addAssessment(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let person = try await loadPerson(req)
        let values = try req.content.decode([String: String].self)
        var errors: [String: [String]] = [:]
        let date = CivilDate(parsing: values["date"] ?? "")
        if date == nil { errors["date", default: []].append(OutcomeProblem.badDate(String((values["date"] ?? "").prefix(20))).message(req.lang)) }
        let income = RupiahParsing.parse(values["income"] ?? "")
        if income == nil {
            errors["income", default: []].append(OutcomeProblem.badAmount(String((values["income"] ?? "").prefix(20))).message(req.lang))
        }
        let size = Int(TextFolding.trim(values["size"] ?? ""))
        if size == nil { errors["size", default: []].append(OutcomeProblem.badNumber(String((values["size"] ?? "").prefix(20))).message(req.lang)) }
        let decileText = TextFolding.trim(values["decile"] ?? "")
        let decile = decileText.isEmpty ? nil : Int(decileText)
        guard errors.isEmpty, let date, let income, let size else {
            return try await personPage(req, values: values, errors: errors, status: .unprocessableEntity)
        }
        do {
            _ = try await req.services.outcomeWrites(req.db).recordAssessment(
                Assessment(
                    beneficiary: person.id, date: date, householdIncome: income, householdSize: size, decile: decile,
                    receivesBansos: values["bansos"] == "1", businessRunning: values["usaha"] == "1"), by: principal)
            return req.redirect(to: Site.beneficiaryOutcomes(person.id) + "?disimpan=1")
        } catch let error as OutcomeRuleError {
            var errors: [String: [String]] = [:]
            for problem in error.problems {
                let field =
                    switch problem {
                    case .dateInFuture: "date"
                    case .householdSize: "size"
                    case .decile: "decile"
                    default: "income"
                    }
                errors[field, default: []].append(problem.message(req.lang))
            }
            return try await personPage(req, values: values, errors: errors, status: .unprocessableEntity)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        }
    }

    func graduate(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let person = try await loadPerson(req)
        let values = try req.content.decode([String: String].self)
        do {
            _ = try await req.services.outcomeWrites(req.db).confirmGraduation(of: person.id, note: values["note"] ?? "", by: principal)
            return req.redirect(to: Site.beneficiaryOutcomes(person.id) + "?disimpan=1")
        } catch let error as OutcomeRuleError {
            return try await personPage(req, values: values, errors: ["note": error.messages(req.lang)], status: .unprocessableEntity)
        } catch WriteConflict.stale {
            return try await personPage(req, values: values, errors: ["note": [WriteConflict.stale.message(req.lang)]], status: .conflict)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        }
    }

    private func personPage(
        _ req: Request, values: [String: String], errors: [String: [String]], status: HTTPResponseStatus = .ok
    ) async throws
        -> Response
    {
        let principal = try req.requirePrincipal()
        let person = try await loadPerson(req)
        let store = req.services.outcomes(req.db)
        let assessments = try await store.assessments(of: [person.id])
        let rule = try await store.graduationRule()
        return OutcomePages.person(
            person, assessments: assessments, graduation: try await store.graduations(of: [person.id]).first,
            proposal: rule.proposal(assessments, lang: req.lang), canRecord: principal.may(.recordFieldwork),
            canConfirm: principal.may(.writeRegistry), values: values, errors: errors,
            notice: (try? req.query.get(String.self, at: "disimpan")).map { _ in req.t(.ptnSaved) },
            context: req.page(path: Site.beneficiaryOutcomes(person.id))
        ).response(status: status)
    }

    // MARK: Cohorts and proposals

    func index(req: Request) async throws -> Response {
        try await indexPage(req, errors: [])
    }

    func saveRule(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let values = try req.content.decode([String: String].self)
        guard let line = RupiahParsing.parse(values["poverty_line"] ?? ""), let consecutive = Int(values["consecutive"] ?? ""),
            let decile = Int(values["decile_above"] ?? "")
        else {
            return try await indexPage(
                req, errors: [OutcomeProblem.badNumber(String((values["poverty_line"] ?? "").prefix(20))).message(req.lang)],
                status: .unprocessableEntity)
        }
        do {
            try await req.services.outcomeWrites(req.db).setGraduationRule(
                GraduationRule(povertyLine: line, consecutive: consecutive, decileAbove: decile), by: principal)
            return req.redirect(to: Site.outcomes)
        } catch let error as OutcomeRuleError {
            return try await indexPage(req, errors: error.messages(req.lang), status: .unprocessableEntity)
        }
    }

    /// The cohort rows for the reader's region (also the API's).
    static func cohortRows(_ req: Request, by: Cohorts.Breakdown) async throws -> [Cohorts.Row] {
        try await CohortData.load(req).rows(by, today: CivilDate(req.services.clock.now()))
    }

    private func indexPage(_ req: Request, errors: [String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try req.requirePrincipal()
        let by = (try? req.query.get(String.self, at: "per")).flatMap(Cohorts.Breakdown.init(rawValue:)) ?? .kabupatenKota
        let data = try await CohortData.load(req)
        let (groups, assessments, graduations, programmes) = (data.groups, data.assessments, data.graduations, data.programmes)
        let store = req.services.outcomes(req.db)
        let rule = try await store.graduationRule()
        let graduated = Set(graduations.map(\.beneficiary))
        let byPerson = Dictionary(grouping: assessments, by: \.beneficiary)
        let proposed = byPerson.compactMap { person, seen -> (UUID, String)? in
            guard !graduated.contains(person), let reason = rule.proposal(seen, lang: req.lang) else { return nil }
            return (person, reason)
        }
        let names = try await req.services.planningPeople(req.db).names(of: proposed.map(\.0))
        let rows = data.rows(by, today: CivilDate(req.services.clock.now()))
        let regions = try await req.services.regions(req.db).existing(Set(groups.compactMap { $0.kecamatan.parent }))
        var labels: [String: String] = [:]
        for (code, region) in regions { labels[code.rawValue] = region.name }
        for skill in try await req.services.skills(req.db).all() { labels[skill.code] = skill.name }
        for programme in programmes { labels[programme.id.uuidString] = programme.name }
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            return CSVDownload.response(
                name: "kohort-\(by.rawValue).csv",
                header: [
                    "kohort", "kode", "anggota", "dinilai_2x", "per_kapita_awal", "per_kapita_terakhir", "lulus", "kube_1_tahun", "kube_masih_aktif",
                ],
                rows: rows.map { r in
                    [
                        labels[r.key] ?? r.key, r.key, String(r.members), String(r.followed), r.incomeBefore.map { String($0.amount) } ?? "",
                        r.incomeAfter.map { String($0.amount) } ?? "", String(r.graduated), String(r.groupsAYearOld), String(r.groupsStillActive),
                    ]
                })
        }
        return OutcomePages.index(
            rows, by: by, labels: labels, proposed: proposed.map { ($0.0, names[$0.0] ?? "—", $0.1) }.sorted { $0.1 < $1.1 }, rule: rule,
            canSetRule: principal.may(.manageCatalogues), errors: errors, context: req.page(path: Site.outcomes)
        ).response(status: status)
    }
}

/// What the cohort view reads: the groups of the reader's region, their members' assessments
/// and graduations, and the programmes.
struct CohortData {
    var groups: [KUBEGroup]
    var assessments: [Assessment]
    var graduations: [Graduation]
    var programmes: [Programme]

    static func load(_ req: Request) async throws -> CohortData {
        let principal = try req.requirePrincipal()
        let groups = try await req.services.groups(req.db).list(within: principal.region, pendamping: nil)
        let members = Array(Set(groups.flatMap { $0.members.map(\.beneficiary) }))
        let store = req.services.outcomes(req.db)
        return CohortData(
            groups: groups, assessments: try await store.assessments(of: members), graduations: try await store.graduations(of: members),
            programmes: try await req.services.coaching(req.db).programmes(within: principal.region))
    }

    func rows(_ by: Cohorts.Breakdown, today: CivilDate) -> [Cohorts.Row] {
        Cohorts.compute(by: by, groups: groups, programmes: programmes, assessments: assessments, graduations: graduations, today: today)
    }
}
