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
        let values = try req.content.decode([String: String].self)
        let kabkota = (try? RegionCode(validating: TextFolding.trim(values["kabkota"] ?? ""))) ?? RegionCode(trusted: "")
        guard kabkota.level == .kabupatenKota, principal.covers(kabkota) else {
            return try await programmeList(req, errors: [req.t(.prgBadKabkota)], values: values, status: .unprocessableEntity)
        }
        guard let starts = values["starts"].flatMap(CivilDate.init(parsing:)), let ends = values["ends"].flatMap(CivilDate.init(parsing:)) else {
            return try await programmeList(req, errors: [req.t(.grpBadDate)], values: values, status: .unprocessableEntity)
        }
        let skills = try await req.services.skills(req.db).all().map(\.code)
        let programme = Programme(
            name: TextFolding.trim(values["name"] ?? ""), kabupatenKota: kabkota, year: Int(values["year"] ?? "") ?? starts.year,
            skills: (values["skills"] ?? "").split(separator: ";").map { TextFolding.trim(String($0)) }.filter(skills.contains),
            targetGroups: Int(values["target_groups"] ?? "") ?? 0, targetPeople: Int(values["target_people"] ?? "") ?? 0,
            budget: RupiahParsing.parse(values["budget"] ?? "0") ?? Rupiah(-1), startsOn: starts, endsOn: ends,
            partners: TextFolding.trim(values["partners"] ?? ""))
        let problems = programme.problems()
        guard problems.isEmpty else { return try await programmeList(req, errors: problems, values: values, status: .unprocessableEntity) }
        try await CoachingWrites(req: req).create(programme, principal: principal)
        return req.redirect(to: "/programmes/\(programme.id)")
    }

    func programme(req: Request) async throws -> Response {
        let programme = try await loadProgramme(req)
        return try await programmePage(req, programme, notice: nil, errors: [])
    }

    /// Enrols a group of the programme's kab/kota.
    func enrol(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        var programme = try await loadProgramme(req)
        let values = try req.content.decode([String: String].self)
        let version = values["version"].flatMap { Int($0) } ?? -1
        guard let id = values["group"].flatMap(UUID.init(uuidString:)), let group = try await req.services.groups(req.db).find(id: id),
              programme.kabupatenKota.contains(group.desa) else {
            return try await programmePage(req, programme, notice: nil, errors: [req.t(.prgBadGroup)], status: .unprocessableEntity)
        }
        if !programme.groups.contains(id) { programme.groups.append(id) }
        guard version == programme.version, try await req.services.coaching(req.db).update(programme, expectedVersion: version) else {
            return try await programmePage(req, try await loadProgramme(req), notice: nil, errors: [req.t(.grpStale)], status: .conflict)
        }
        try await req.services.audit(req.db).record(.update, by: AuditActor(principal), at: req.services.clock.now(), entity: "programme",
                                                    entityID: programme.id.uuidString, region: programme.kabupatenKota, changes: [
            FieldChange(field: "groups", before: nil, after: id.uuidString),
        ])
        return req.redirect(to: "/programmes/\(programme.id)")
    }

    private func loadProgramme(_ req: Request) async throws -> Programme {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let programme = try await req.services.coaching(req.db).find(programme: id),
              principal.covers(programme.kabupatenKota) || (principal.region.map { programme.kabupatenKota.contains($0) } ?? false)
        else { throw Abort(.notFound) }
        return programme
    }

    private func programmeList(_ req: Request, errors: [String], values: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
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
        return CoachingPages.programmes(programmes, regions: regions, totals: totals, canWrite: principal.may(.writeRegistry), values: values,
                                        errors: errors, context: req.page(path: "/programmes")).response(status: status)
    }

    private func programmePage(_ req: Request, _ programme: Programme, notice: String?, errors: [String], status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let principal = try req.requirePrincipal()
        let services = req.services
        let all = try await services.groups(req.db).list(within: programme.kabupatenKota, pendamping: nil)
        let enrolled = all.filter { programme.groups.contains($0.id) }
        let sessions = try await services.coaching(req.db).sessions(ofProgramme: programme.id)
        let assistance = try await services.coaching(req.db).assistance(ofGroups: programme.groups)
        return CoachingPages.programme(programme, enrolled: enrolled, candidates: all.filter { !programme.groups.contains($0.id) && $0.status != .bubar },
                                       sessions: sessions, assistance: assistance, canWrite: principal.may(.writeRegistry), notice: notice,
                                       errors: errors, context: req.page(path: "/programmes/\(programme.id)")).response(status: status)
    }

    // MARK: Sessions

    func newSession(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let group = try? req.query.get(UUID.self, at: "group")
        let programme = try? req.query.get(UUID.self, at: "programme")
        let groups = try await req.services.groups(req.db).list(within: principal.region, pendamping: nil).filter { $0.status == .aktif }
        return CoachingPages.sessionForm(groups: groups, selected: group.map { [$0] } ?? [], programme: programme, values: [:], errors: [],
                                         context: req.page(path: "/sessions/new")).response()
    }

    func createSession(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(SessionForm.self)
        let values = form.values
        let chosen = form.groups ?? []
        let scope = try await req.services.groups(req.db).list(within: principal.region, pendamping: nil).filter { $0.status == .aktif }
        var errors: [String] = []
        let groups = chosen.filter { id in scope.contains { $0.id == id } }
        if groups.count != chosen.count { errors.append(req.t(.prgBadGroup)) }
        guard let date = values["date"].flatMap(CivilDate.init(parsing:)),
              let startsAt = IndonesianCalendar.instant(date, time: values["time"] ?? "") else {
            errors.append(req.t(.sesBadDateTime))
            return CoachingPages.sessionForm(groups: scope, selected: chosen, programme: nil, values: values, errors: errors,
                                             context: req.page(path: "/sessions/new")).response(status: .unprocessableEntity)
        }
        let session = CoachingSession(programme: values["programme"].flatMap(UUID.init(uuidString:)),
                                      type: values["type"].flatMap(SessionType.init(rawValue:)) ?? .pelatihan, startsAt: startsAt,
                                      hours: Double((values["hours"] ?? "").replacingOccurrences(of: ",", with: ".")) ?? 0,
                                      place: TextFolding.trim(values["place"] ?? ""), facilitator: TextFolding.trim(values["facilitator"] ?? ""),
                                      topic: TextFolding.trim(values["topic"] ?? ""), groups: groups)
        errors += session.problems()
        guard errors.isEmpty else {
            return CoachingPages.sessionForm(groups: scope, selected: chosen, programme: session.programme, values: values, errors: errors,
                                             context: req.page(path: "/sessions/new")).response(status: .unprocessableEntity)
        }
        try await CoachingWrites(req: req).create(session, region: scope.first { $0.id == groups[0] }?.desa, principal: principal)
        return req.redirect(to: "/sessions/\(session.id)")
    }

    /// The session form; `groups[]` is a list, so the form is not a flat dictionary.
    struct SessionForm: Content {
        var programme: String?, type: String?, date: String?, time: String?, hours: String?, place: String?, facilitator: String?, topic: String?
        var groups: [UUID]?

        var values: [String: String] {
            ["programme": programme, "type": type, "date": date, "time": time, "hours": hours, "place": place, "facilitator": facilitator,
             "topic": topic].compactMapValues { $0 }
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
        try Self.requireFieldAccess(principal, groups: groups)
        let values = try req.content.decode([String: String].self)
        let version = values["version"].flatMap { Int($0) } ?? -1
        var roster: [UUID: AttendanceStatus] = [:]
        for (key, value) in values where key.hasPrefix("att_") {
            if let id = UUID(uuidString: String(key.dropFirst(4))), let status = AttendanceStatus(rawValue: value) { roster[id] = status }
        }
        switch try await AttendanceRecorder(req: req).record(roster, on: session, groups: groups, version: version, principal: principal) {
        case .saved: return req.redirect(to: "/sessions/\(session.id)?done=1")
        case let .invalid(messages): return try await sessionPage(req, session, groups: groups, notice: nil, errors: messages, status: .unprocessableEntity)
        case .stale:
            let (latest, groups) = try await loadSession(req)
            return try await sessionPage(req, latest, groups: groups, notice: nil, errors: [req.t(.sesStale)], status: .conflict)
        }
    }

    /// A pendamping records only for sessions whose groups are all assigned to them.
    static func requireFieldAccess(_ principal: Principal, groups: [KUBEGroup]) throws {
        if principal.role == .pendamping, groups.contains(where: { $0.pendamping != principal.userID }) { throw Abort(.forbidden) }
    }

    func loadSession(_ req: Request) async throws -> (CoachingSession, [KUBEGroup]) {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let session = try await req.services.coaching(req.db).find(session: id) else {
            throw Abort(.notFound)
        }
        var groups: [KUBEGroup] = []
        for groupID in session.groups { if let group = try await req.services.groups(req.db).find(id: groupID) { groups.append(group) } }
        guard groups.contains(where: { principal.covers($0.desa) }) else { throw Abort(.notFound) }
        return (session, groups)
    }

    private func sessionPage(_ req: Request, _ session: CoachingSession, groups: [KUBEGroup], notice: String?, errors: [String],
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try req.requirePrincipal()
        let names = try await req.services.planningPeople(req.db).names(of: groups.flatMap { $0.members.map(\.beneficiary) })
        let canRecord = principal.may(.recordFieldwork) && (principal.role != .pendamping || !groups.contains { $0.pendamping != principal.userID })
        return CoachingPages.session(session, groups: groups, names: names, canRecord: canRecord, notice: notice, errors: errors,
                                     context: req.page(path: "/sessions/\(session.id)")).response(status: status)
    }

    // MARK: Pendamping

    func pendamping(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let groups = try await req.services.groups(req.db).list(within: nil, pendamping: principal.userID)
        let sessions = try await req.services.coaching(req.db).sessions(ofGroups: groups.map(\.id))
        let now = req.services.clock.now()
        let regions = try await req.services.regions(req.db).existing(Set(groups.map(\.desa)))
        return CoachingPages.pendamping(groups: groups, upcoming: sessions.filter { $0.startsAt >= now },
                                        unrecorded: sessions.filter { $0.startsAt < now && $0.attendance.isEmpty }, regions: regions,
                                        context: req.page(path: "/pendamping")).response()
    }
}

/// Records a whole roster: checks it against the active members of the session's groups,
/// saves it with the session's version, audits the changes.
struct AttendanceRecorder {
    let req: Request

    enum Outcome { case saved, invalid([String]), stale }

    func record(_ roster: [UUID: AttendanceStatus], on session: CoachingSession, groups: [KUBEGroup], version: Int, principal: Principal)
        async throws -> Outcome
    {
        var changed = session
        do {
            try changed.record(roster, expected: Set(groups.flatMap { $0.activeMembers.map(\.beneficiary) }))
        } catch {
            return .invalid(error.messages)
        }
        guard version == session.version, try await req.services.coaching(req.db).update(changed, expectedVersion: version) else { return .stale }
        let changes = roster.keys.sorted { $0.uuidString < $1.uuidString }.compactMap { person -> FieldChange? in
            let before = session.attendance[person]?.rawValue
            let after = roster[person]?.rawValue
            return before == after ? nil : FieldChange(field: "hadir:\(person.uuidString.prefix(8))", before: before, after: after)
        }
        try await req.services.audit(req.db).record(session.attendance.isEmpty ? .create : .update, by: AuditActor(principal),
                                                    at: req.services.clock.now(), entity: "attendance", entityID: session.id.uuidString,
                                                    region: groups.first?.desa, changes: changes)
        return .saved
    }
}
