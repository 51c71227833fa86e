import BinaUsahaDomain
import Foundation
import Vapor

/// `/partners`: partners, their commitments and realisations, and the totals committed vs
/// realised per kab/kota and partner for a year; `/mitra`: what a partner's account sees.
struct PartnersController {
    func index(req: Request) async throws -> Response {
        try await listPage(req, values: [:], errors: [:])
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(FormBody.self)
        var values = body.strings
        let regions = (body.lists["regions"] ?? []).compactMap { try? RegionCode(validating: $0) }
        values["regions"] = regions.map(\.rawValue).joined(separator: ";")
        guard let kind = Partner.Kind(rawValue: values["kind"] ?? "") else {
            return try await listPage(req, values: values, errors: ["kind": [req.t(.errorBadRequestTitle)]], status: .unprocessableEntity)
        }
        do {
            let partner = try await req.services.partnerWrites(req.db).createPartner(
                Partner(
                    name: values["name"] ?? "", kind: kind, contactName: values["contact_name"] ?? "", contactPhone: values["contact_phone"] ?? "",
                    email: values["email"] ?? "", regions: regions), by: principal)
            return req.redirect(to: Site.partner(partner.id))
        } catch let error as PartnerRuleError {
            return try await listPage(req, values: values, errors: Self.byField(error, req.lang), status: .unprocessableEntity)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        }
    }

    /// Problems next to the field they concern.
    static func byField(_ error: PartnerRuleError, _ lang: Lang) -> [String: [String]] {
        var errors: [String: [String]] = [:]
        for problem in error.problems {
            let field: String =
                switch problem {
                case .nameRequired, .textTooLong: "name"
                case .badPhone: "contact_phone"
                case .badEmail: "email"
                case .chooseRegions, .regionOutside, .kabkotaNotServed: "regions"
                case .descriptionRequired: "description"
                case .valueRequired, .valueTooLarge, .realisationExceeds, .badAmount: "value"
                case .periodBackwards, .realisationInFuture, .realisationBeforeStart, .badDate: "date"
                case .groupOutsideKabkota: "groups"
                case .programmeOtherKabkota: "programme"
                case .notAMitraAccount: "user"
                case .quantityRange, .unitRequired: "quantity"
                }
            errors[field, default: []].append(problem.message(lang))
        }
        return errors
    }

    private func listPage(
        _ req: Request, values: [String: String], errors: [String: [String]], status: HTTPResponseStatus = .ok
    ) async throws
        -> Response
    {
        let principal = try req.requirePrincipal()
        let now = req.services.clock.now()
        let year = (try? req.query.get(Int.self, at: "tahun")).flatMap { (2000...2100).contains($0) ? $0 : nil } ?? CivilDate(now).year
        let partners = try await req.services.partners(req.db).partners(within: principal.region)
        let commitments = try await req.services.partners(req.db).commitments(within: principal.region)
        let kabkotas = try await req.services.regions(req.db).regions(level: .kabupatenKota, within: SumateraSelatan.provinceCode)
        let totals = PartnerTotals(commitments, year: year, partners: partners)
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            let names = Dictionary(kabkotas.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            let partnerNames = Dictionary(partners.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let byPartner = (try? req.query.get(String.self, at: "bagian")) == "mitra"
            let rows: [[String]] =
                byPartner
                ? totals.byPartner.map {
                    [String(year), $0.key.uuidString, partnerNames[$0.key] ?? "", String($0.value.committed), String($0.value.realised)]
                }
                : totals.byKabkota.map {
                    [String(year), $0.key.rawValue, names[$0.key] ?? "", String($0.value.committed), String($0.value.realised)]
                }
            return CSVDownload.response(
                name: "mitra-\(byPartner ? "per-mitra" : "per-kabkota")-\(year).csv",
                header: ["tahun", byPartner ? "id_mitra" : "kode_kabkota", byPartner ? "mitra" : "kabkota", "komitmen", "realisasi"],
                rows: rows.sorted { $0[2] < $1[2] })
        }
        return PartnerPages.list(
            partners, totals: totals, year: year, kabkotas: kabkotas,
            canWrite: principal.may(.managePartners), coverable: kabkotas.filter { principal.covers($0.code) }, values: values, errors: errors,
            context: req.page(path: Site.partners)
        ).response(status: status)
    }

    func show(req: Request) async throws -> Response {
        try await detailPage(req, try await load(req), notice: nil, errors: [:], values: [:])
    }

    func load(_ req: Request) async throws -> Partner {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let partner = try await req.services.partners(req.db).find(partner: id),
            principal.region == nil || partner.regions.contains(where: { principal.covers($0) || ($0.contains(principal.region!)) })
        else { throw Abort(.notFound) }
        return partner
    }

    func addCommitment(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let partner = try await load(req)
        let body = try req.content.decode(FormBody.self)
        var values = body.strings
        let groups = (body.lists["groups"] ?? []).compactMap(UUID.init(uuidString:))
        values["groups"] = groups.map(\.uuidString).joined(separator: ";")
        var errors: [String: [String]] = [:]
        let value = RupiahParsing.parse(values["value"] ?? "")
        if value == nil {
            errors["value", default: []].append(PartnerProblem.badAmount(String((values["value"] ?? "").prefix(20))).message(req.lang))
        }
        let starts = CivilDate(parsing: values["starts"] ?? "")
        let ends = CivilDate(parsing: values["ends"] ?? "")
        if starts == nil || ends == nil {
            errors["date", default: []].append(PartnerProblem.badDate(String((values["starts"] ?? "").prefix(20))).message(req.lang))
        }
        let quantityText = TextFolding.trim(values["quantity"] ?? "")
        let quantity = quantityText.isEmpty ? nil : RupiahParsing.parse(quantityText).map { Int(clamping: $0.amount) }
        if !quantityText.isEmpty, quantity == nil {
            errors["quantity", default: []].append(PartnerProblem.badAmount(String(quantityText.prefix(20))).message(req.lang))
        }
        let type = Commitment.SupportType(rawValue: values["type"] ?? "") ?? .dana
        let kabkota = (try? RegionCode(validating: values["kabkota"] ?? "")) ?? partner.regions.first!
        guard errors.isEmpty, let value, let starts, let ends else {
            return try await detailPage(req, partner, notice: nil, errors: errors, values: values, status: .unprocessableEntity)
        }
        do {
            _ = try await req.services.partnerWrites(req.db).recordCommitment(
                Commitment(
                    partner: partner.id, type: type, description: values["description"] ?? "", value: value, quantity: quantity,
                    unit: TextFolding.trim(values["unit"] ?? ""), startsOn: starts, endsOn: ends,
                    kabupatenKota: kabkota, programme: values["programme"].flatMap(UUID.init(uuidString:)), groups: groups), by: principal)
            return req.redirect(to: Site.partner(partner.id) + "?disimpan=1")
        } catch let error as PartnerRuleError {
            return try await detailPage(
                req, partner, notice: nil, errors: Self.byField(error, req.lang), values: values, status: .unprocessableEntity)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        } catch GroupWriteError.notFound {
            throw Abort(.notFound)
        }
    }

    func addRealisation(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let partner = try await load(req)
        guard let commitment = req.parameters.get("commitment", as: UUID.self) else { throw Abort(.notFound) }
        let values = try req.content.decode([String: String].self)
        var errors: [String: [String]] = [:]
        let value = RupiahParsing.parse(values["value"] ?? "")
        let date = CivilDate(parsing: values["date"] ?? "")
        if value == nil {
            errors["r-value", default: []].append(PartnerProblem.badAmount(String((values["value"] ?? "").prefix(20))).message(req.lang))
        }
        if date == nil { errors["r-date", default: []].append(PartnerProblem.badDate(String((values["date"] ?? "").prefix(20))).message(req.lang)) }
        guard errors.isEmpty, let value, let date else {
            return try await detailPage(req, partner, notice: nil, errors: errors, values: values, status: .unprocessableEntity)
        }
        do {
            _ = try await req.services.partnerWrites(req.db).recordRealisation(
                of: commitment, date: date, value: value, note: values["note"] ?? "", by: principal)
            return req.redirect(to: Site.partner(partner.id) + "?disimpan=1")
        } catch let error as PartnerRuleError {
            let messages = error.messages(req.lang)
            return try await detailPage(req, partner, notice: nil, errors: ["r-value": messages], values: values, status: .unprocessableEntity)
        } catch GroupWriteError.stale {
            return try await detailPage(req, partner, notice: nil, errors: ["r-value": [req.t(.grpStale)]], values: values, status: .conflict)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        } catch GroupWriteError.notFound {
            throw Abort(.notFound)
        }
    }

    func linkAccount(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let partner = try await load(req)
        let values = try req.content.decode([String: String].self)
        do {
            guard let user = values["user"].flatMap(UUID.init(uuidString:)) else { throw PartnerRuleError(.notAMitraAccount) }
            _ = try await req.services.partnerWrites(req.db).linkAccount(
                user, to: partner.id, version: values["version"].flatMap { Int($0) } ?? -1, by: principal)
            return req.redirect(to: Site.partner(partner.id) + "?disimpan=1")
        } catch let error as PartnerRuleError {
            return try await detailPage(
                req, partner, notice: nil, errors: Self.byField(error, req.lang), values: values, status: .unprocessableEntity)
        } catch GroupWriteError.stale {
            return try await detailPage(
                req, try await load(req), notice: nil, errors: ["user": [req.t(.grpStale)]], values: values, status: .conflict)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        }
    }

    private func detailPage(
        _ req: Request, _ partner: Partner, notice: String?, errors: [String: [String]], values: [String: String], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.requirePrincipal()
        let store = req.services.partners(req.db)
        let commitments = try await store.commitments(ofPartner: partner.id).filter {
            principal.covers($0.commitment.kabupatenKota) || principal.region == nil
        }
        let writable = partner.regions.filter { principal.covers($0) }
        var groups: [KUBEGroup] = []
        for kabkota in writable {
            groups += try await req.services.groups(req.db).list(within: kabkota, pendamping: nil).filter { $0.status == .aktif }
        }
        let programmes = try await req.services.coaching(req.db).programmes(within: principal.region).filter { writable.contains($0.kabupatenKota) }
        let mitraUsers = principal.may(.manageUsers) ? try await req.services.users(req.db).all().filter { $0.role == .mitra && $0.isActive } : []
        let regions = try await req.services.regions(req.db).existing(Set(partner.regions + groups.map(\.desa)))
        let names = Dictionary(groups.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return PartnerPages.detail(
            partner, commitments: commitments, writable: writable, groups: groups, groupNames: names, programmes: programmes, mitraUsers: mitraUsers,
            regions: regions, canWrite: principal.may(.managePartners), canLink: principal.may(.manageUsers),
            notice: notice ?? (try? req.query.get(String.self, at: "disimpan")).map { _ in req.t(.ptnSaved) }, errors: errors, values: values,
            context: req.page(path: Site.partner(partner.id))
        ).response(status: status)
    }

    // MARK: The partner's own page

    func mitra(req: Request) async throws -> Response {
        try await mitraPage(req, principal: try req.requirePrincipal(), path: Site.mitra)
    }

    /// A `mitra` account's partners, their commitments and the groups they support: stage,
    /// attendance, production, sales and value added — never a member's name or NIK.
    func mitraPage(_ req: Request, principal: Principal, path: String) async throws -> Response {
        let store = req.services.partners(req.db)
        let partners = try await store.partners(ofAccount: principal.userID)
        var commitments: [CommitmentStatus] = []
        for partner in partners { commitments += try await store.commitments(ofPartner: partner.id) }
        let groupIDs = Array(Set(commitments.flatMap(\.commitment.groups)))
        var supported: [MitraGroupRow] = []
        let now = YearMonth(req.services.clock.now())
        let months = now.lastMonths(12)
        for id in groupIDs {
            guard let group = try await req.services.groups(req.db).find(id: id) else { continue }
            let sessions = try await req.services.coaching(req.db).sessions(ofGroups: [id])
            let active = Set(group.activeMembers.map(\.beneficiary))
            var totals = LedgerTotals(key: id.uuidString)
            for ledger in try await req.services.ledger(req.db).months(ofGroup: id) where ledger.month >= months.first! {
                totals.add(LedgerTotals(ledger, key: id.uuidString))
            }
            supported.append(
                MitraGroupRow(
                    group: group, members: group.activeMembers.count,
                    attendance: attendanceRate(sessions.flatMap { $0.attendance.filter { active.contains($0.key) }.map(\.value) }), totals: totals))
        }
        supported.sort { $0.group.name < $1.group.name }
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            return CSVDownload.response(
                name: "kube-didukung.csv",
                header: [
                    "kelompok", "kode_desa", "status", "tahap", "anggota", "kehadiran", "diproduksi_12_bulan", "omzet_12_bulan", "nilai_tambah",
                ],
                rows: supported.map { row in
                    [
                        row.group.name, row.group.desa.rawValue, row.group.status.rawValue, row.group.stage.rawValue, String(row.members),
                        row.attendance.map { String(format: "%.2f", $0) } ?? "", String(row.totals.unitsMade), String(row.totals.revenue.amount),
                        row.totals.valueAdded.map { String(format: "%.2f", $0) } ?? "",
                    ]
                })
        }
        let regions = try await req.services.regions(req.db).existing(Set(supported.map(\.group.desa)))
        return PartnerPages.mitra(partners, commitments: commitments, groups: supported, regions: regions, context: req.page(path: path)).response()
    }

    /// One group a partner's account supports: its figures month by month, no member's data.
    /// Any other group is "not found".
    func mitraGroup(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let store = req.services.partners(req.db)
        var supported: Set<UUID> = []
        for partner in try await store.partners(ofAccount: principal.userID) {
            for status in try await store.commitments(ofPartner: partner.id) { supported.formUnion(status.commitment.groups) }
        }
        guard let id = req.parameters.get("id", as: UUID.self), supported.contains(id), let group = try await req.services.groups(req.db).find(id: id)
        else { throw Abort(.notFound) }
        let sessions = try await req.services.coaching(req.db).sessions(ofGroups: [id])
        let active = Set(group.activeMembers.map(\.beneficiary))
        let months = try await req.services.ledger(req.db).months(ofGroup: id)
        let regions = try await req.services.regions(req.db).existing([group.desa, group.kecamatan])
        return PartnerPages.mitraGroup(
            group, attendance: attendanceRate(sessions.flatMap { $0.attendance.filter { active.contains($0.key) }.map(\.value) }),
            months: months, skill: try await req.services.skills(req.db).find(code: group.skill), regions: regions,
            context: req.page(path: Site.mitraGroup(id))
        ).response()
    }

    struct MitraGroupRow {
        var group: KUBEGroup
        var members: Int
        var attendance: Double?
        var totals: LedgerTotals
    }
}

/// Committed vs realised for one year, per kab/kota and per partner: commitments by the year
/// they start, realisations by the year they were delivered.
struct PartnerTotals {
    struct Row {
        var committed: Int64 = 0
        var realised: Int64 = 0
    }
    var byKabkota: [RegionCode: Row] = [:]
    var byPartner: [UUID: Row] = [:]

    init(_ commitments: [CommitmentStatus], year: Int, partners: [Partner]) {
        for status in commitments {
            let c = status.commitment
            if c.startsOn.year == year {
                byKabkota[c.kabupatenKota, default: Row()].committed += c.value.amount
                byPartner[c.partner, default: Row()].committed += c.value.amount
            }
            for r in status.realisations where r.date.year == year {
                byKabkota[c.kabupatenKota, default: Row()].realised += r.value.amount
                byPartner[c.partner, default: Row()].realised += r.value.amount
            }
        }
    }
}
