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
        let skills = try await PlansController.skillNames(req)
        return GroupPages.list(
            groups, regions: names, skills: skills, canWrite: principal.may(.writeRegistry), mine: mine,
            context: req.page(path: Site.groups)
        ).response()
    }

    func new(req: Request) async throws -> Response {
        try await form(req, errors: [], values: [:])
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let values = try req.content.decode(FormBody.self).strings
        guard values["_pilih"] == nil else { return try await form(req, errors: [], values: values) }
        let input = CreateGroup.Input(
            name: values["name"] ?? "", skill: values["skill"] ?? "", desa: values["desa"] ?? "",
            decreeNumber: values["decree"] ?? "")
        do {
            let group = try await req.services.createGroup(req.db)(input, by: principal, note: "dibuat manual")
            return req.redirect(to: Site.group(group.id) + "?done=created")
        } catch let error as GroupRuleError {
            return try await form(req, errors: error.messages(req.lang), values: values, status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        let group = try await GroupsController.load(req)
        let done = (try? req.query.get(String.self, at: "done")).map { _ in req.t(.grpSaved) }
        return try await page(req, group, notice: done, errors: [])
    }

    /// One change to a group: `action` is details, add, roles, leave, activate, stage or dissolve.
    func change(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let before = try await GroupsController.load(req)
        let values = try req.content.decode([String: String].self)
        let version = values["version"].flatMap { Int($0) } ?? -1
        let changes = req.services.groupChanges(req.db)
        let action = values["action"] ?? ""
        do {
            switch action {
            case "details":
                var pendamping: UUID?
                if let text = values["pendamping"], !text.isEmpty {
                    guard let id = UUID(uuidString: text) else { throw GroupRuleError(.badPendamping) }
                    pendamping = id
                }
                _ = try await changes.changeDetails(
                    before.id, name: values["name"] ?? "", decreeNumber: values["decree"] ?? "",
                    pendamping: pendamping, version: version, by: principal)
            case "add":
                _ = try await changes.addMember(before.id, nik: values["nik"] ?? "", version: version, by: principal)
            case "roles":
                var roles: [UUID: MemberRole] = [:]
                for member in before.activeMembers {
                    guard let text = values["role_\(member.beneficiary.uuidString)"] else { continue }
                    guard let role = MemberRole(rawValue: text) else { throw GroupRuleError(.badChoice(text)) }
                    roles[member.beneficiary] = role
                }
                _ = try await changes.changeOfficers(before.id, roles: roles, version: version, by: principal)
            case "leave":
                guard let person = values["member"].flatMap(UUID.init(uuidString:)) else { throw GroupRuleError(.chooseMember) }
                var date: CivilDate?
                if let text = values["date"], !text.isEmpty {
                    guard let parsed = CivilDate(parsing: text) else { throw GroupRuleError(.badDate(text)) }
                    date = parsed
                }
                _ = try await changes.recordLeave(
                    before.id, member: person, on: date, reason: values["reason"] ?? "", version: version,
                    by: principal)
            case "activate":
                _ = try await changes.activate(before.id, version: version, by: principal)
            case "stage":
                guard let stage = values["stage"].flatMap(KUBEStage.init(rawValue:)) else { throw GroupRuleError(.badChoice(values["stage"] ?? "")) }
                let checklist = Set(StageIndicator.allCases.filter { values["ind_\($0.rawValue)"] != nil })
                _ = try await changes.changeStage(
                    before.id, to: stage, checklist: checklist, reason: values["reason"] ?? "", version: version,
                    by: principal)
            case "dissolve":
                _ = try await changes.dissolve(before.id, reason: values["reason"] ?? "", version: version, by: principal)
            default:
                throw GroupRuleError(.badChoice(action))
            }
        } catch let error as GroupRuleError {
            return try await page(req, before, notice: nil, errors: error.messages(req.lang), status: .unprocessableEntity)
        } catch GroupWriteError.stale {
            let latest = try await GroupsController.load(req)
            return try await page(req, latest, notice: nil, errors: [req.t(.grpStale)], status: .conflict)
        } catch GroupWriteError.notFound {
            throw Abort(.notFound)
        }
        // Back to the part of the page the form was on.
        let part = GroupPages.Part(query: try? req.query.get(String.self, at: "bagian"))
        return req.redirect(to: Site.group(before.id) + "?done=\(action)&bagian=\(part.rawValue)")
    }

    func addAssistance(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let group = try await GroupsController.load(req)
        let values = try req.content.decode([String: String].self)
        do {
            let assistance = try Self.assistance(values, group: group.id)
            try await req.services.coachingWrites(req.db).recordAssistance(assistance, by: principal)
            return req.redirect(to: Site.group(group.id) + "?done=assistance&bagian=bantuan")
        } catch let error as GroupRuleError {
            return try await page(req, group, notice: nil, errors: error.messages(req.lang), status: .unprocessableEntity)
        }
    }

    static func assistance(_ values: [String: String], group: UUID) throws(GroupRuleError) -> Assistance {
        guard let date = values["date"].flatMap(CivilDate.init(parsing:)) else { throw GroupRuleError(.badDate(values["date"] ?? "")) }
        guard let amount = RupiahParsing.parse(values["amount"] ?? "") else { throw GroupRuleError(.badAmount(values["amount"] ?? "")) }
        guard let form = values["form"].flatMap(Assistance.Form.init(rawValue:)) else { throw GroupRuleError(.badChoice(values["form"] ?? "")) }
        guard let source = values["source"].flatMap(Assistance.Source.init(rawValue:)) else {
            throw GroupRuleError(.badChoice(values["source"] ?? ""))
        }
        var programme: UUID?
        if let text = values["programme"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw GroupRuleError(.programmeNotFound) }
            programme = id
        }
        let assistance = Assistance(
            group: group, date: date, amount: amount, form: form, source: source,
            rabItems: TextFolding.trim(values["rab"] ?? ""), receipt: TextFolding.trim(values["receipt"] ?? ""),
            programme: programme)
        let problems = assistance.problems()
        guard problems.isEmpty else { throw GroupRuleError(problems) }
        return assistance
    }

    /// The group named in the path, if the user's region contains it (404 otherwise). A
    /// pendamping reads the groups of their region.
    static func load(_ req: Request) async throws -> KUBEGroup {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let group = try await req.services.groups(req.db).find(id: id),
            principal.covers(group.desa)
        else { throw Abort(.notFound) }
        return group
    }

    // MARK: - Pages

    private func form(_ req: Request, errors: [String], values: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let skills = try await req.services.skills(req.db).all()
        var picker = try await RegionPicker.load(
            desa: values["desa"], kabkota: values["kabkota"], kecamatan: values["kecamatan"], search: values["cari_desa"],
            principal: try req.requirePrincipal(), regions: req.services.regions(req.db))
        picker.desaField = "desa"
        return GroupPages.form(skills: skills, values: values, errors: errors, picker: picker, context: req.page(path: Site.newGroup))
            .response(status: status)
    }

    func page(_ req: Request, _ group: KUBEGroup, notice: String?, errors: [String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try req.requirePrincipal()
        let services = req.services
        let people = try await services.planningPeople(req.db).names(of: group.members.map(\.beneficiary))
        let regions = try await services.regions(req.db).existing(Set([group.kecamatan, group.desa] + group.members.map(\.desa)))
        let sessions = try await services.coaching(req.db).sessions(ofGroups: [group.id])
        let assistance = try await services.coaching(req.db).assistance(ofGroups: [group.id])
        let pendamping = try await GroupChanges.pendampingUsers(for: group, services.repositories(req.db))
        var model = GroupPages.Model(
            group: group, names: people, regions: regions, skillName: try await PlansController.skillNames(req)[group.skill] ?? group.skill,
            history: try await services.groups(req.db).stageHistory(of: group.id), sessions: sessions, assistance: assistance,
            pendampingUsers: pendamping, canWrite: principal.may(.writeRegistry) && group.status != .bubar,
            canSchedule: principal.may(.writeRegistry), notice: notice, errors: errors)
        model.part = GroupPages.Part(query: try? req.query.get(String.self, at: "bagian"))
        return GroupPages.detail(model, context: req.page(path: Site.group(group.id))).response(status: status)
    }
}
