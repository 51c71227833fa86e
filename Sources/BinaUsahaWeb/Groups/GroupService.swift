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
            try await req.services.audit(req.db).record(.create, by: AuditActor(principal), at: req.services.clock.now(), entity: "kube_group",
                                                        entityID: group.id.uuidString, region: group.desa,
                                                        changes: GroupChanges.changes(from: nil, to: group),
                                                        note: "dari rencana \(plan.id.uuidString.prefix(8))")
            created += 1
        }
        return created
    }
}

extension GroupRuleError: AbortError {
    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var reason: String { message }
}
