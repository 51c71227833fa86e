import BinaUsahaDomain
import Foundation
import Vapor

/// `/groups`: KUBE groups in the user's region; the group page with members, officers,
/// stage checklist and history, capital assistance and sessions. Writes by admin and
/// operators (and their audit); a stale version answers 409.
struct GroupsController {
    func index(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let mine = principal.role == .pendamping && (try? req.query.get(String.self, at: "semua")) == nil
        let groups = try await req.services.groups(req.db).list(within: principal.region, pendamping: mine ? principal.userID : nil)
        let names = try await req.services.regions(req.db).existing(Set(groups.map(\.kecamatan) + groups.map(\.desa)))
        let skills = try await PlanningService(req: req).skillNames()
        return GroupPages.list(groups, regions: names, skills: skills, canWrite: principal.may(.writeRegistry), mine: mine,
                               context: req.page(path: "/groups")).response()
    }

    func new(req: Request) async throws -> Response {
        try await form(req, errors: [], values: [:])
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let values = try req.content.decode([String: String].self)
        let name = TextFolding.trim(values["name"] ?? "")
        var errors: [String] = []
        if name.isEmpty { errors.append(req.t(.grpNameRequired)) }
        let skills = try await req.services.skills(req.db).all()
        if !skills.contains(where: { $0.code == values["skill"] }) { errors.append(req.t(.grpSkillRequired)) }
        let code = try? RegionCode(validating: TextFolding.trim(values["desa"] ?? ""))
        let desa = code.flatMap { $0.level == .desaKelurahan ? $0 : nil }
        let known = if let desa { try await req.services.regions(req.db).find(desa) != nil } else { false }
        if !known {
            errors.append(req.t(.grpDesaRequired))
        } else if !principal.covers(desa) {
            errors.append(req.t(.planOutside, desa!.rawValue))
        }
        guard errors.isEmpty, let desa else { return try await form(req, errors: errors, values: values, status: .unprocessableEntity) }
        let group = KUBEGroup(name: name, skill: values["skill"]!, kecamatan: desa.parent!, desa: desa,
                              decreeNumber: TextFolding.trim(values["decree"] ?? ""))
        try await req.services.groups(req.db).insert(group)
        try await GroupService(req: req).audit(group, before: nil, action: .create, note: "dibuat manual", principal: principal)
        return req.redirect(to: "/groups/\(group.id)?done=created")
    }

    func show(req: Request) async throws -> Response {
        let group = try await GroupService(req: req).load()
        let done = (try? req.query.get(String.self, at: "done")).map { _ in req.t(.grpSaved) }
        return try await page(req, group, notice: done, errors: [])
    }

    /// One change to a group: `action` is details, add, roles, leave, activate, stage or dissolve.
    func change(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let service = GroupService(req: req)
        let before = try await service.load()
        var group = before
        let values = try req.content.decode([String: String].self)
        let version = values["version"].flatMap { Int($0) } ?? -1
        guard version == group.version else { return try await page(req, group, notice: nil, errors: [req.t(.grpStale)], status: .conflict) }
        let today = CivilDate(req.services.clock.now())
        let action = values["action"] ?? ""
        var stageChange: StageChange?
        do {
            switch action {
            case "details":
                let name = TextFolding.trim(values["name"] ?? "")
                guard !name.isEmpty else { throw GroupRuleError(req.t(.grpNameRequired)) }
                group.name = name
                group.decreeNumber = TextFolding.trim(values["decree"] ?? "")
                if let text = values["pendamping"], !text.isEmpty {
                    guard let id = UUID(uuidString: text), try await service.pendampingUsers(for: group).contains(where: { $0.id == id }) else {
                        throw GroupRuleError(req.t(.grpBadPendamping))
                    }
                    group.pendamping = id
                } else {
                    group.pendamping = nil
                }
            case "add":
                let member = try await service.membership(nik: values["nik"] ?? "", for: group)
                let elsewhere = try await service.groups.activeGroup(of: member.beneficiary).map { $0 != group.id } ?? false
                try group.add(member, activeElsewhere: elsewhere)
            case "roles":
                var roles: [UUID: MemberRole] = [:]
                for member in group.activeMembers {
                    if let role = values["role_\(member.beneficiary.uuidString)"].flatMap(MemberRole.init(rawValue:)) { roles[member.beneficiary] = role }
                }
                try group.assignRoles(roles)
            case "leave":
                guard let person = values["member"].flatMap(UUID.init(uuidString:)) else { throw GroupRuleError(req.t(.grpChooseMember)) }
                let date = values["date"].flatMap { $0.isEmpty ? nil : CivilDate(parsing: $0) } ?? today
                try group.leave(person, on: date, reason: values["reason"] ?? "")
            case "activate":
                try group.activate(on: today)
                for member in group.activeMembers where try await service.groups.activeGroup(of: member.beneficiary).map({ $0 != group.id }) == true {
                    throw GroupRuleError(req.t(.grpActiveElsewhere))
                }
            case "stage":
                guard let stage = values["stage"].flatMap(KUBEStage.init(rawValue:)) else { throw GroupRuleError(req.t(.errorBadRequestTitle)) }
                let checklist = Set(StageIndicator.allCases.filter { values["ind_\($0.rawValue)"] != nil })
                stageChange = try group.changeStage(to: stage, checklist: checklist, reason: values["reason"] ?? "", by: principal.username,
                                                    at: req.services.clock.now())
            case "dissolve":
                let reason = TextFolding.trim(values["reason"] ?? "")
                guard !reason.isEmpty else { throw GroupRuleError(req.t(.grpDissolveReason)) }
                for member in group.activeMembers { try group.leave(member.beneficiary, on: today, reason: reason) }
                group.status = .bubar
            default: throw GroupRuleError(req.t(.errorBadRequestTitle))
            }
        } catch let error as GroupRuleError {
            return try await page(req, before, notice: nil, errors: error.messages, status: .unprocessableEntity)
        }
        guard try await service.save(group, before: before, expectedVersion: version, note: action) else {
            let latest = try await service.load()
            return try await page(req, latest, notice: nil, errors: [req.t(.grpStale)], status: .conflict)
        }
        if let stageChange { try await service.groups.record(stageChange) }
        return req.redirect(to: "/groups/\(group.id)?done=\(action)")
    }

    func addAssistance(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let group = try await GroupService(req: req).load()
        let values = try req.content.decode([String: String].self)
        do {
            let assistance = try Self.assistance(values, group: group.id, lang: req.lang)
            try await CoachingWrites(req: req).record(assistance, for: group, principal: principal)
            return req.redirect(to: "/groups/\(group.id)?done=assistance#bantuan")
        } catch let error as GroupRuleError {
            return try await page(req, group, notice: nil, errors: error.messages, status: .unprocessableEntity)
        }
    }

    static func assistance(_ values: [String: String], group: UUID, lang: Lang) throws(GroupRuleError) -> Assistance {
        let t = Catalogue(lang)
        guard let date = values["date"].flatMap(CivilDate.init(parsing:)) else { throw GroupRuleError(t(.grpBadDate)) }
        guard let amount = RupiahParsing.parse(values["amount"] ?? "") else { throw GroupRuleError(t(.grpBadAmount)) }
        guard let form = values["form"].flatMap(Assistance.Form.init(rawValue:)),
              let source = values["source"].flatMap(Assistance.Source.init(rawValue:)) else { throw GroupRuleError(t(.errorBadRequestTitle)) }
        let assistance = Assistance(group: group, date: date, amount: amount, form: form, source: source,
                                    rabItems: TextFolding.trim(values["rab"] ?? ""), receipt: TextFolding.trim(values["receipt"] ?? ""),
                                    programme: values["programme"].flatMap(UUID.init(uuidString:)))
        let problems = assistance.problems()
        guard problems.isEmpty else { throw GroupRuleError(problems) }
        return assistance
    }

    // MARK: - Pages

    private func form(_ req: Request, errors: [String], values: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let skills = try await req.services.skills(req.db).all()
        return GroupPages.form(skills: skills, values: values, errors: errors, context: req.page(path: "/groups/new")).response(status: status)
    }

    func page(_ req: Request, _ group: KUBEGroup, notice: String?, errors: [String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try req.requirePrincipal()
        let services = req.services
        let people = try await services.planningPeople(req.db).names(of: group.members.map(\.beneficiary))
        let regions = try await services.regions(req.db).existing(Set([group.kecamatan, group.desa] + group.members.map(\.desa)))
        let sessions = try await services.coaching(req.db).sessions(ofGroups: [group.id])
        let assistance = try await services.coaching(req.db).assistance(ofGroups: [group.id])
        let pendamping = try await GroupService(req: req).pendampingUsers(for: group)
        let model = GroupPages.Model(
            group: group, names: people, regions: regions, skillName: try await PlanningService(req: req).skillNames()[group.skill] ?? group.skill,
            history: try await services.groups(req.db).stageHistory(of: group.id), sessions: sessions, assistance: assistance,
            pendampingUsers: pendamping, canWrite: principal.may(.writeRegistry) && group.status != .bubar,
            canSchedule: principal.may(.writeRegistry), notice: notice, errors: errors)
        return GroupPages.detail(model, context: req.page(path: "/groups/\(group.id)")).response(status: status)
    }
}
