import BinaUsahaDomain
import Foundation
import Vapor

/// Loading, checking and saving groups for the pages and the API.
struct GroupService {
    let req: Request

    var groups: any GroupRepository { req.services.groups(req.db) }

    /// The group named in the path, if the user's region contains it (404 otherwise). A
    /// pendamping reads the groups of their region.
    func load(_ parameter: String = "id") async throws -> KUBEGroup {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get(parameter, as: UUID.self), let group = try await groups.find(id: id),
              principal.covers(group.desa) else { throw Abort(.notFound) }
        return group
    }

    /// Saves a changed group if nobody saved first, with one audit record of what changed.
    func save(_ group: KUBEGroup, before: KUBEGroup, expectedVersion: Int, action: AuditAction = .update, note: String) async throws -> Bool {
        let principal = try req.requirePrincipal()
        guard try await groups.update(group, expectedVersion: expectedVersion) else { return false }
        try await audit(group, before: before, action: action, note: note, principal: principal)
        return true
    }

    func audit(_ group: KUBEGroup, before: KUBEGroup?, action: AuditAction, note: String, principal: Principal) async throws {
        func describe(_ g: KUBEGroup?) -> [String: String] {
            guard let g else { return [:] }
            var fields = ["name": g.name, "status": g.status.rawValue, "stage": g.stage.rawValue, "decree_number": g.decreeNumber,
                          "pendamping": g.pendamping?.uuidString ?? "", "checklist": g.checklist.sorted().map(\.rawValue).joined(separator: ";"),
                          "active_members": String(g.activeMembers.count)]
            fields["officers"] = g.activeMembers.filter { $0.role != .anggota }.map { "\($0.role.rawValue):\($0.beneficiary.uuidString.prefix(8))" }
                .sorted().joined(separator: ",")
            return fields
        }
        let old = describe(before)
        let new = describe(group)
        let changes = new.keys.sorted().compactMap { key in old[key] == new[key] ? nil : FieldChange(field: key, before: old[key], after: new[key]) }
        try await req.services.audit(req.db).record(action, by: AuditActor(principal), at: req.services.clock.now(), entity: "kube_group",
                                                    entityID: group.id.uuidString, region: group.desa, changes: changes, note: note)
    }

    /// Pendamping accounts whose region contains the group's kecamatan.
    func pendampingUsers(for group: KUBEGroup) async throws -> [User] {
        try await req.services.users(req.db).all().filter { $0.role == .pendamping && $0.isActive && ($0.region?.contains(group.kecamatan) ?? true) }
    }

    /// A member to add, looked up by NIK: must exist, be inside the user's region and live in the group's kecamatan.
    func membership(nik: String, for group: KUBEGroup) async throws -> Membership {
        let principal = try req.requirePrincipal()
        guard let person = try await req.services.beneficiaries(req.db).find(nik: TextFolding.trim(nik)), principal.covers(person.details.desa) else {
            throw GroupRuleError(req.t(.grpNikUnknown))
        }
        return Membership(beneficiary: person.id, noKK: person.details.noKK, desa: person.details.desa,
                          joinedOn: CivilDate(req.services.clock.now()))
    }

    /// Creates draft groups from an accepted plan's groups (members as anggota; officers are
    /// chosen by the members afterwards). People already active in a KUBE are skipped.
    func createGroups(from plan: GroupPlan, principal: Principal) async throws -> Int {
        let skills = try await PlanningService(req: req).skillNames()
        let regions = try await req.services.regions(req.db).existing(Set(plan.groups.compactMap(\.mainDesa)))
        let today = CivilDate(req.services.clock.now())
        var created = 0
        for (number, planned) in plan.groups.enumerated() {
            guard let desa = planned.mainDesa else { continue }
            var members: [Membership] = []
            for member in planned.members where try await groups.activeGroup(of: member.id) == nil {
                members.append(Membership(beneficiary: member.id, noKK: member.noKK, desa: member.desa, joinedOn: today))
            }
            let place = regions[desa]?.name ?? desa.rawValue
            let group = KUBEGroup(name: "KUBE \(skills[planned.skill] ?? planned.skill) \(place) \(number + 1)", skill: planned.skill,
                                  kecamatan: planned.kecamatan, desa: desa, planID: plan.id, members: members)
            try await groups.insert(group)
            try await audit(group, before: nil, action: .create, note: "dari rencana \(plan.id.uuidString.prefix(8))", principal: principal)
            created += 1
        }
        return created
    }
}

extension GroupRuleError: AbortError {
    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var reason: String { message }
}
