import BinaUsahaDomain
import Foundation
import Vapor

/// `/api/v1/groups`, `/api/v1/programmes`, `/api/v1/sessions`: the same rules as the pages.
struct GroupsAPIController {
    struct GroupResponse: Content {
        struct Member: Content {
            var beneficiary: UUID, role: String, desa: String, joined_on: String, left_on: String?, leave_reason: String?
        }
        var id: UUID, name: String, skill: String, kecamatan: String, desa: String, formed_on: String?, decree_number: String
        var status: String, stage: String, pendamping: UUID?, checklist: [String], plan: UUID?, version: Int, members: [Member]

        init(_ g: KUBEGroup) {
            id = g.id
            name = g.name
            skill = g.skill
            kecamatan = g.kecamatan.rawValue
            desa = g.desa.rawValue
            formed_on = g.formedOn?.iso
            decree_number = g.decreeNumber
            status = g.status.rawValue
            stage = g.stage.rawValue
            pendamping = g.pendamping
            checklist = g.checklist.sorted().map(\.rawValue)
            plan = g.planID
            version = g.version
            members = g.members.map {
                .init(
                    beneficiary: $0.beneficiary, role: $0.role.rawValue, desa: $0.desa.rawValue, joined_on: $0.joinedOn.iso,
                    left_on: $0.leftOn?.iso, leave_reason: $0.leaveReason)
            }
        }
    }

    func list(req: Request) async throws -> [GroupResponse] {
        let principal = try req.requirePrincipal()
        return try await req.services.groups(req.db).list(within: principal.region, pendamping: nil).map(GroupResponse.init)
    }

    func show(req: Request) async throws -> GroupResponse {
        GroupResponse(try await load(req))
    }

    struct CreateInput: Content {
        var name: String
        var skill: String
        var desa: String
        var decree_number: String?
        var members: [String]?
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(CreateInput.self)
        let group: KUBEGroup
        do {
            group = try await req.services.createGroup(req.db)(
                .init(
                    name: input.name, skill: input.skill, desa: input.desa, decreeNumber: input.decree_number ?? "", memberNIKs: input.members ?? []),
                by: principal, note: "api")
        } catch let error as GroupRuleError {
            throw APIError(status: .unprocessableEntity, code: "group_rule", message: error.message(req.lang))
        }
        let response = Response(status: .created)
        try response.content.encode(GroupResponse(group))
        return response
    }

    struct RolesInput: Content {
        var version: Int
        var roles: [String: String]
    }

    func roles(req: Request) async throws -> GroupResponse {
        let principal = try req.requirePrincipal()
        let group = try await load(req)
        let input = try req.content.decode(RolesInput.self)
        var roles: [UUID: MemberRole] = [:]
        for (key, value) in input.roles {
            guard let id = UUID(uuidString: key), let role = MemberRole(rawValue: value) else {
                throw APIError(status: .unprocessableEntity, code: "group_rule", message: req.t(.errorBadRequestTitle))
            }
            roles[id] = role
        }
        return try await write(req) { try await $0.changeOfficers(group.id, roles: roles, version: input.version, by: principal) }
    }

    struct VersionInput: Content { var version: Int }

    func activate(req: Request) async throws -> GroupResponse {
        let principal = try req.requirePrincipal()
        let group = try await load(req)
        let input = try req.content.decode(VersionInput.self)
        return try await write(req) { try await $0.activate(group.id, version: input.version, by: principal) }
    }

    struct StageInput: Content {
        var version: Int
        var stage: String
        var checklist: [String]
        var reason: String
    }

    func stage(req: Request) async throws -> GroupResponse {
        let principal = try req.requirePrincipal()
        let group = try await load(req)
        let input = try req.content.decode(StageInput.self)
        guard let stage = KUBEStage(rawValue: input.stage) else {
            throw APIError(status: .unprocessableEntity, code: "bad_stage", message: req.t(.errorBadRequestTitle))
        }
        var checklist = Set<StageIndicator>()
        for text in input.checklist {
            guard let indicator = StageIndicator(rawValue: text) else {
                throw APIError(status: .unprocessableEntity, code: "bad_stage", message: req.t(.errorBadRequestTitle))
            }
            checklist.insert(indicator)
        }
        return try await write(req) {
            try await $0.changeStage(group.id, to: stage, checklist: checklist, reason: input.reason, version: input.version, by: principal)
        }
    }

    /// Runs one group write; rule breaks are 422, a stale version 409.
    private func write(_ req: Request, _ body: (GroupChanges) async throws -> KUBEGroup) async throws -> GroupResponse {
        do {
            return GroupResponse(try await body(req.services.groupChanges(req.db)))
        } catch let error as GroupRuleError {
            throw APIError(status: .unprocessableEntity, code: "group_rule", message: error.message(req.lang))
        } catch GroupWriteError.stale {
            throw APIError(status: .conflict, code: "stale_version", message: req.t(.grpStale))
        } catch GroupWriteError.notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    private func load(_ req: Request) async throws -> KUBEGroup {
        do { return try await GroupsController.load(req) } catch let abort as Abort where abort.status == .notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    // MARK: Assistance

    struct AssistanceResponse: Content {
        struct Item: Content { var id: UUID, date: String, amount: Int64, form: String, source: String, rab_items: String, receipt: String }
        var group: UUID
        var total: Int64
        var by_source: [String: Int64]
        var items: [Item]
    }

    func assistance(req: Request) async throws -> AssistanceResponse {
        let group = try await load(req)
        let items = try await req.services.coaching(req.db).assistance(ofGroups: [group.id])
        return AssistanceResponse(
            group: group.id, total: items.reduce(0) { $0 + $1.amount.amount },
            by_source: Dictionary(grouping: items, by: \.source.rawValue).mapValues { $0.reduce(0) { $0 + $1.amount.amount } },
            items: items.map {
                .init(
                    id: $0.id, date: $0.date.iso, amount: $0.amount.amount, form: $0.form.rawValue,
                    source: $0.source.rawValue, rab_items: $0.rabItems, receipt: $0.receipt)
            })
    }

    struct AssistanceInput: Content {
        var date: String
        var amount: Int64
        var form: String
        var source: String
        var rab_items: String?
        var receipt: String
    }

    func addAssistance(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let group = try await load(req)
        let input = try req.content.decode(AssistanceInput.self)
        let assistance: Assistance
        do {
            assistance = try GroupsController.assistance(
                [
                    "date": input.date, "amount": String(input.amount), "form": input.form, "source": input.source,
                    "rab": input.rab_items ?? "", "receipt": input.receipt,
                ], group: group.id)
            try await req.services.coachingWrites(req.db).recordAssistance(assistance, by: principal)
        } catch let error as GroupRuleError {
            throw APIError(status: .unprocessableEntity, code: "invalid", message: error.message(req.lang))
        } catch GroupWriteError.notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
        let response = Response(status: .created)
        try response.content.encode(try await self.assistance(req: req))
        return response
    }

    // MARK: Programmes and sessions

    struct ProgrammeResponse: Content {
        var id: UUID, name: String, kabkota: String, year: Int, skills: [String], target_groups: Int, target_people: Int, budget: Int64
        var starts_on: String, ends_on: String, partners: String, groups: [UUID], version: Int
        init(_ p: Programme) {
            id = p.id
            name = p.name
            kabkota = p.kabupatenKota.rawValue
            year = p.year
            skills = p.skills
            target_groups = p.targetGroups
            target_people = p.targetPeople
            budget = p.budget.amount
            starts_on = p.startsOn.iso
            ends_on = p.endsOn.iso
            partners = p.partners
            groups = p.groups
            version = p.version
        }
    }

    func programmes(req: Request) async throws -> [ProgrammeResponse] {
        try await req.services.coaching(req.db).programmes(within: try req.requirePrincipal().region).map(ProgrammeResponse.init)
    }

    struct ProgrammeInput: Content {
        var name: String, kabkota: String, year: Int, skills: [String]?, target_groups: Int?, target_people: Int?, budget: Int64
        var starts_on: String, ends_on: String, partners: String?, groups: [UUID]?
    }

    func createProgramme(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(ProgrammeInput.self)
        guard let starts = CivilDate(parsing: input.starts_on), let ends = CivilDate(parsing: input.ends_on) else {
            throw APIError(status: .unprocessableEntity, code: "bad_date", message: req.t(.grpBadDate))
        }
        let programme: Programme
        do {
            programme = try await req.services.coachingWrites(req.db).createProgramme(
                .init(
                    name: input.name, kabupatenKota: input.kabkota, year: input.year, skills: input.skills ?? [],
                    targetGroups: input.target_groups ?? 0, targetPeople: input.target_people ?? 0, budget: Rupiah(input.budget),
                    startsOn: starts, endsOn: ends, partners: input.partners ?? "", groups: input.groups ?? []), by: principal)
        } catch let error as GroupRuleError {
            throw APIError(status: .unprocessableEntity, code: "invalid", message: error.message(req.lang))
        }
        let response = Response(status: .created)
        try response.content.encode(ProgrammeResponse(programme))
        return response
    }

    struct SessionResponse: Content {
        var id: UUID, programme: UUID?, type: String, starts_at: Date, hours: Double, place: String, facilitator: String, topic: String
        var groups: [UUID], attendance: [String: String], attendance_rate: Double?, version: Int
        init(_ s: CoachingSession) {
            id = s.id
            programme = s.programme
            type = s.type.rawValue
            starts_at = s.startsAt
            hours = s.hours
            place = s.place
            facilitator = s.facilitator
            topic = s.topic
            groups = s.groups
            version = s.version
            attendance = Dictionary(uniqueKeysWithValues: s.attendance.map { ($0.key.uuidString, $0.value.rawValue) })
            attendance_rate = attendanceRate(Array(s.attendance.values))
        }
    }

    struct SessionInput: Content {
        var programme: UUID?, type: String, date: String, time: String, hours: Double, place: String, facilitator: String?, topic: String
        var groups: [UUID]
    }

    func scheduleSession(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(SessionInput.self)
        guard let type = SessionType(rawValue: input.type), let date = CivilDate(parsing: input.date),
            let startsAt = IndonesianCalendar.instant(date, time: input.time)
        else {
            throw APIError(status: .unprocessableEntity, code: "invalid", message: req.t(.sesBadDateTime))
        }
        let session: CoachingSession
        do {
            session = try await req.services.coachingWrites(req.db).scheduleSession(
                .init(
                    programme: input.programme, type: type, startsAt: startsAt, hours: input.hours, place: input.place,
                    facilitator: input.facilitator ?? "", topic: input.topic, groups: input.groups), by: principal)
        } catch let error as GroupRuleError {
            throw APIError(status: .unprocessableEntity, code: "invalid", message: error.message(req.lang))
        }
        let response = Response(status: .created)
        try response.content.encode(SessionResponse(session))
        return response
    }

    func session(req: Request) async throws -> SessionResponse {
        SessionResponse(try await loadSession(req).0)
    }

    struct AttendanceInput: Content {
        var version: Int
        var attendance: [String: String]
    }

    func putAttendance(req: Request) async throws -> SessionResponse {
        let principal = try req.requirePrincipal()
        let (session, groups) = try await loadSession(req)
        guard BinaUsahaDomain.CoachingWrites.mayRecord(principal, groups: groups) else {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        }
        let input = try req.content.decode(AttendanceInput.self)
        var roster: [UUID: AttendanceStatus] = [:]
        for (key, value) in input.attendance {
            guard let id = UUID(uuidString: key), let status = AttendanceStatus(rawValue: value) else {
                throw APIError(status: .unprocessableEntity, code: "invalid", message: req.t(.sesBadStatus, value))
            }
            roster[id] = status
        }
        do {
            return SessionResponse(
                try await req.services.coachingWrites(req.db).recordAttendance(
                    session.id, roster: roster, version: input.version,
                    by: principal))
        } catch let error as GroupRuleError {
            throw APIError(status: .unprocessableEntity, code: "invalid", message: error.message(req.lang))
        } catch GroupWriteError.stale {
            throw APIError(status: .conflict, code: "stale_version", message: req.t(.sesStale))
        } catch GroupWriteError.forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        } catch GroupWriteError.notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    private func loadSession(_ req: Request) async throws -> (CoachingSession, [KUBEGroup]) {
        do { return try await CoachingController().loadSession(req) } catch let abort as Abort where abort.status == .notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }
}
