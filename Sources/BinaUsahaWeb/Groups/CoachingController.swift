import BinaUsahaDomain
import Foundation
import Vapor

/// Programmes (`/programmes`), sessions (`/sessions`) with the one-screen attendance roster,
/// and the pendamping's own page (`/pendamping`).
struct CoachingController {
    // MARK: Programmes

    func programmes(req: Request) async throws -> Response {
        try await programmeList(req, errors: [], values: [:])
    }

    func createProgramme(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(FormBody.self)
        var values = body.strings
        if let ticked = body.lists["skills"] { values["skills"] = ticked.joined(separator: ";") }
        var errors: [String] = []
        let starts = values["starts"].flatMap(CivilDate.init(parsing:))
        let ends = values["ends"].flatMap(CivilDate.init(parsing:))
        if starts == nil || ends == nil { errors.append(req.t(.grpBadDate)) }
        func number(_ key: String) -> Int? {
            let text = TextFolding.trim(values[key] ?? "")
            if text.isEmpty { return 0 }
            guard let value = Int(text), value >= 0 else {
                errors.append(req.t(.prgBadNumber, text))
                return nil
            }
            return value
        }
        let year = TextFolding.trim(values["year"] ?? "").isEmpty ? nil : number("year")
        let targetGroups = number("target_groups") ?? 0
        let targetPeople = number("target_people") ?? 0
        let budget = RupiahParsing.parse(values["budget"] ?? "0")
        if budget == nil { errors.append(req.t(.grpBadAmount)) }
        guard errors.isEmpty, let starts, let ends, let budget else {
            return try await programmeList(req, errors: errors, values: values, status: .unprocessableEntity)
        }
        let skills = (values["skills"] ?? "").split(separator: ";").map { TextFolding.trim(String($0)) }.filter { !$0.isEmpty }
        do {
            let programme = try await req.services.coachingWrites(req.db).createProgramme(
                .init(
                    name: values["name"] ?? "", kabupatenKota: TextFolding.trim(values["kabkota"] ?? ""), year: year, skills: skills,
                    targetGroups: targetGroups, targetPeople: targetPeople, budget: budget, startsOn: starts, endsOn: ends,
                    partners: values["partners"] ?? ""), by: principal)
            return req.redirect(to: Site.programme(programme.id))
        } catch let error as GroupRuleError {
            return try await programmeList(req, errors: error.messages(req.lang), values: values, status: .unprocessableEntity)
        }
    }

    func programme(req: Request) async throws -> Response {
        let programme = try await loadProgramme(req)
        return try await programmePage(req, programme, notice: nil, errors: [])
    }

    /// Enrols a group of the programme's kab/kota.
    func enrol(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let programme = try await loadProgramme(req)
        let values = try req.content.decode([String: String].self)
        let version = values["version"].flatMap { Int($0) } ?? -1
        do {
            guard let group = values["group"].flatMap(UUID.init(uuidString:)) else { throw GroupRuleError(.groupNotInProgrammeRegion) }
            _ = try await req.services.coachingWrites(req.db).enrolGroup(group, in: programme.id, version: version, by: principal)
        } catch let error as GroupRuleError {
            return try await programmePage(req, programme, notice: nil, errors: error.messages(req.lang), status: .unprocessableEntity)
        } catch GroupWriteError.stale {
            return try await programmePage(req, try await loadProgramme(req), notice: nil, errors: [req.t(.grpStale)], status: .conflict)
        }
        return req.redirect(to: Site.programme(programme.id))
    }

    private func loadProgramme(_ req: Request) async throws -> Programme {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let programme = try await req.services.coaching(req.db).find(programme: id),
            BinaUsahaDomain.CoachingWrites.reaches(principal, programme)
        else { throw Abort(.notFound) }
        return programme
    }

    private func programmeList(_ req: Request, errors: [String], values: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response
    {
        let principal = try req.requirePrincipal()
        let programmes = try await req.services.coaching(req.db).programmes(within: principal.region)
        // Capital assistance per kab/kota and source, for the groups in the user's region.
        let groups = try await req.services.groups(req.db).list(within: principal.region, pendamping: nil)
        let kabkotaOf = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.kecamatan.parent ?? $0.kecamatan) })
        var totals: [RegionCode: [Assistance.Source: Int64]] = [:]
        for item in try await req.services.coaching(req.db).assistance(ofGroups: groups.map(\.id)) {
            if let kabkota = kabkotaOf[item.group] { totals[kabkota, default: [:]][item.source, default: 0] += item.amount.amount }
        }
        let regions = try await req.services.regions(req.db).existing(Set(programmes.map(\.kabupatenKota) + totals.keys))
        return CoachingPages.programmes(
            programmes, regions: regions, totals: totals, canWrite: principal.may(.writeRegistry), values: values,
            errors: errors,
            kabkotaOptions: try await req.services.regions(req.db).regions(level: .kabupatenKota, within: SumateraSelatan.provinceCode)
                .filter { principal.covers($0.code) },
            skills: try await req.services.skills(req.db).all(), context: req.page(path: Site.programmes)
        ).response(status: status)
    }

    private func programmePage(
        _ req: Request, _ programme: Programme, notice: String?, errors: [String], status: HTTPResponseStatus = .ok
    )
        async throws -> Response
    {
        let principal = try req.requirePrincipal()
        let services = req.services
        let all = try await services.groups(req.db).list(within: programme.kabupatenKota, pendamping: nil)
        let enrolled = all.filter { programme.groups.contains($0.id) }
        let sessions = try await services.coaching(req.db).sessions(ofProgramme: programme.id)
        let assistance = try await services.coaching(req.db).assistance(ofGroups: programme.groups)
        return CoachingPages.programme(
            programme, enrolled: enrolled, candidates: all.filter { !programme.groups.contains($0.id) && $0.status != .bubar },
            sessions: sessions, assistance: assistance, canWrite: principal.may(.writeRegistry), notice: notice,
            errors: errors, context: req.page(path: Site.programme(programme.id))
        ).response(status: status)
    }

    // MARK: Sessions

    func newSession(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let group = try? req.query.get(UUID.self, at: "group")
        let programme = try? req.query.get(UUID.self, at: "programme")
        let groups = try await req.services.groups(req.db).list(within: principal.region, pendamping: nil).filter { $0.status == .aktif }
        return CoachingPages.sessionForm(
            groups: groups, selected: group.map { [$0] } ?? [], programme: programme, values: [:], errors: [],
            context: req.page(path: Site.newSession)
        ).response()
    }

    func scheduleSession(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(SessionForm.self)
        let values = form.values
        let chosen = form.groups ?? []
        let scope = try await req.services.groups(req.db).list(within: principal.region, pendamping: nil).filter { $0.status == .aktif }
        func again(_ errors: [String]) -> Response {
            CoachingPages.sessionForm(
                groups: scope, selected: chosen, programme: values["programme"].flatMap(UUID.init(uuidString:)),
                values: values, errors: errors, context: req.page(path: Site.newSession)
            ).response(status: .unprocessableEntity)
        }
        var programme: UUID?
        if let text = values["programme"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { return again([req.t(.sesBadProgramme)]) }
            programme = id
        }
        guard let type = SessionType(rawValue: values["type"] ?? SessionType.pelatihan.rawValue) else { return again([req.t(.errorBadRequestTitle)]) }
        guard let date = values["date"].flatMap(CivilDate.init(parsing:)),
            let startsAt = IndonesianCalendar.instant(date, time: values["time"] ?? "")
        else {
            return again([req.t(.sesBadDateTime)])
        }
        guard let hours = Self.hours(values["hours"] ?? "") else { return again([req.t(.sesBadHours)]) }
        do {
            let session = try await req.services.coachingWrites(req.db).scheduleSession(
                .init(
                    programme: programme, type: type, startsAt: startsAt, hours: hours, place: values["place"] ?? "",
                    facilitator: values["facilitator"] ?? "", topic: values["topic"] ?? "", groups: chosen), by: principal)
            return req.redirect(to: Site.session(session.id))
        } catch let error as GroupRuleError {
            return again(error.messages(req.lang))
        }
    }

    /// `2`, `1,5` or `1.5` hours; nothing else.
    static func hours(_ text: String) -> Double? {
        let text = TextFolding.trim(text).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty, text.count <= 6, text.allSatisfy({ $0.isASCIIDigit || $0 == "." }), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    /// The session form; `groups[]` is a list, so the form is not a flat dictionary.
    struct SessionForm: Content {
        var programme: String?, type: String?, date: String?, time: String?, hours: String?, place: String?, facilitator: String?, topic: String?
        var groups: [UUID]?

        var values: [String: String] {
            [
                "programme": programme, "type": type, "date": date, "time": time, "hours": hours, "place": place, "facilitator": facilitator,
                "topic": topic,
            ].compactMapValues { $0 }
        }
    }

    func session(req: Request) async throws -> Response {
        let (session, groups) = try await loadSession(req)
        let notice = (try? req.query.get(String.self, at: "done")).map { _ in req.t(.sesSaved) }
        return try await sessionPage(req, session, groups: groups, notice: notice, errors: [])
    }

    /// The whole roster in one submit: `att_<person>` = hadir/izin/sakit/alpa.
    func saveAttendance(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (session, groups) = try await loadSession(req)
        guard BinaUsahaDomain.CoachingWrites.mayRecord(principal, groups: groups) else { throw Abort(.forbidden, reason: req.t(.errorForbiddenBody)) }
        let values = try req.content.decode([String: String].self)
        let version = values["version"].flatMap { Int($0) } ?? -1
        var roster: [UUID: AttendanceStatus] = [:]
        for (key, value) in values where key.hasPrefix("att_") {
            guard let id = UUID(uuidString: String(key.dropFirst(4))), let status = AttendanceStatus(rawValue: value) else {
                return try await sessionPage(
                    req, session, groups: groups, notice: nil, errors: [req.t(.sesBadStatus, value)],
                    status: .unprocessableEntity)
            }
            roster[id] = status
        }
        do {
            _ = try await req.services.coachingWrites(req.db).recordAttendance(session.id, roster: roster, version: version, by: principal)
            return req.redirect(to: Site.session(session.id) + "?done=1")
        } catch let error as GroupRuleError {
            return try await sessionPage(req, session, groups: groups, notice: nil, errors: error.messages(req.lang), status: .unprocessableEntity)
        } catch GroupWriteError.stale {
            let (latest, groups) = try await loadSession(req)
            return try await sessionPage(req, latest, groups: groups, notice: nil, errors: [req.t(.sesStale)], status: .conflict)
        } catch GroupWriteError.forbidden {
            throw Abort(.forbidden, reason: req.t(.errorForbiddenBody))
        } catch GroupWriteError.notFound {
            throw Abort(.notFound)
        }
    }

    /// The session in the path and its groups, if every one of its groups is inside the
    /// reader's region; 404 otherwise.
    func loadSession(_ req: Request) async throws -> (CoachingSession, [KUBEGroup]) {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let session = try await req.services.coaching(req.db).find(session: id),
            let groups = try await BinaUsahaDomain.CoachingWrites.groups(of: session, visibleTo: principal, req.services.repositories(req.db))
        else { throw Abort(.notFound) }
        return (session, groups)
    }

    private func sessionPage(
        _ req: Request, _ session: CoachingSession, groups: [KUBEGroup], notice: String?, errors: [String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.requirePrincipal()
        let names = try await req.services.planningPeople(req.db).names(of: groups.flatMap { $0.members.map(\.beneficiary) })
        let canRecord = BinaUsahaDomain.CoachingWrites.mayRecord(principal, groups: groups)
        return CoachingPages.session(
            session, groups: groups, names: names, canRecord: canRecord,
            hasBegun: session.startsAt <= req.services.clock.now(), notice: notice, errors: errors,
            context: req.page(path: Site.session(session.id))
        ).response(status: status)
    }

    // MARK: Pendamping

    func pendamping(req: Request) async throws -> Response {
        try await pendampingPage(req, principal: try req.requirePrincipal(), path: Site.pendamping)
    }

    /// A pendamping's groups, sessions to record and sessions coming; also their home page.
    func pendampingPage(_ req: Request, principal: Principal, path: String) async throws -> Response {
        let groups = try await req.services.groups(req.db).list(within: nil, pendamping: principal.userID)
        let sessions = try await req.services.coaching(req.db).sessions(ofGroups: groups.map(\.id))
        let now = req.services.clock.now()
        let regions = try await req.services.regions(req.db).existing(Set(groups.map(\.desa)))
        let month = YearMonth(now)
        var ledgerDue: [KUBEGroup] = []
        for group in groups where group.status == .aktif {
            if try await req.services.ledger(req.db).find(group: group.id, month: month) == nil { ledgerDue.append(group) }
        }
        return CoachingPages.pendamping(
            groups: groups, upcoming: sessions.filter { $0.startsAt >= now },
            unrecorded: sessions.filter { $0.startsAt < now && $0.attendance.isEmpty }, regions: regions, ledgerDue: ledgerDue, month: month,
            context: req.page(path: path)
        ).response()
    }
}
