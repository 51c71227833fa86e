import BinaUsahaDomain
import Foundation
import Vapor

/// The writes shared by the pages and the API for programmes, sessions and assistance: each
/// stores the record and leaves the same audit record, whichever door it came through.
struct CoachingWrites {
    let req: Request

    private func audit(_ entity: String, _ id: UUID, region: RegionCode?, principal: Principal, changes: [(String, String)],
                       note: String? = nil) async throws {
        try await req.services.audit(req.db).record(.create, by: AuditActor(principal), at: req.services.clock.now(), entity: entity,
                                                    entityID: id.uuidString, region: region,
                                                    changes: changes.map { FieldChange(field: $0.0, before: nil, after: $0.1) }, note: note)
    }

    func create(_ programme: Programme, principal: Principal) async throws {
        try await req.services.coaching(req.db).insert(programme)
        try await audit("programme", programme.id, region: programme.kabupatenKota, principal: principal, changes: [
            ("name", programme.name), ("year", String(programme.year)), ("budget", String(programme.budget.amount)),
            ("groups", String(programme.groups.count)),
        ])
    }

    func create(_ session: CoachingSession, region: RegionCode?, principal: Principal) async throws {
        try await req.services.coaching(req.db).insert(session)
        try await audit("coaching_session", session.id, region: region, principal: principal, changes: [
            ("type", session.type.rawValue), ("starts_at", IndonesianCalendar.longDateTime(session.startsAt)),
            ("groups", String(session.groups.count)),
        ])
    }

    func record(_ assistance: Assistance, for group: KUBEGroup, principal: Principal) async throws {
        try await req.services.coaching(req.db).insert(assistance)
        try await audit("assistance", assistance.id, region: group.desa, principal: principal, changes: [
            ("amount", String(assistance.amount.amount)), ("source", assistance.source.rawValue), ("form", assistance.form.rawValue),
            ("receipt", assistance.receipt),
        ], note: "kelompok \(group.id.uuidString.prefix(8))")
    }
}
