import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Each multi-step use case dies after all its writes and before its commit: nothing of it
/// may be left — not a row, not a status, not an audit entry.
@Suite("Units of work: all or nothing")
struct UnitOfWorkTests {
    let admin = Principal(userID: UUID(), username: "admin", role: .adminProvinsi, region: nil)

    func failing(_ app: Application) -> FailingTransactor { FailingTransactor(app.transactor, failingRun: 1) }

    func auditCount(_ app: Application) async throws -> Int {
        try await FluentAuditLog(database: app.db).search(.init()).total
    }

    @Test("Accepting a plan: no plan decision, no group, no audit entry when it dies")
    func acceptPlan() async throws {
        try await withTestApp(runsJobs: false) { app in
            let people = try await app.makeWeavers(6)
            let plan = try await app.makePlan(scope: "16.02", members: people)
            let before = try await auditCount(app)
            await #expect(throws: FailingTransactor.InjectedFailure.self) {
                _ = try await PlanDecisions(transactor: failing(app), clock: .fixed(testNow)).accept(plan.id, version: 1, by: admin)
            }
            let stored = try #require(try await FluentGroupPlanRepository(database: app.db).find(id: plan.id))
            #expect(stored.status == .draft && stored.version == 1)
            #expect(try await FluentGroupRepository(database: app.db).list(within: nil, pendamping: nil).isEmpty)
            #expect(try await auditCount(app) == before)
            // and the same call, not failing, does all of it
            let (accepted, groups) = try await PlanDecisions(transactor: app.transactor, clock: .fixed(testNow)).accept(
                plan.id, version: 1, by: admin)
            #expect(accepted.status == .accepted && groups.count == 1 && groups[0].activeMembers.count == 6)
            #expect(try await auditCount(app) == before + 2)
        }
    }

    @Test("A stage change: no new stage, no history row, no audit entry when it dies")
    func stageChange() async throws {
        try await withTestApp(runsJobs: false) { app in
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: try await app.makeWeavers(5), active: true)
            let before = try await auditCount(app)
            await #expect(throws: FailingTransactor.InjectedFailure.self) {
                _ = try await GroupChanges(transactor: failing(app), clock: .fixed(testNow)).changeStage(
                    group.id, to: .berkembang, checklist: Set(KUBEStage.tumbuh.indicators), reason: "Indikator lengkap", version: 1, by: admin)
            }
            let stored = try #require(try await FluentGroupRepository(database: app.db).find(id: group.id))
            #expect(stored.stage == .tumbuh && stored.version == 1 && stored.checklist.isEmpty)
            #expect(try await FluentGroupRepository(database: app.db).stageHistory(of: group.id).isEmpty)
            #expect(try await auditCount(app) == before)
        }
    }

    @Test("Activation: the group stays a draft and no member's status changes when it dies")
    func activation() async throws {
        try await withTestApp(runsJobs: false) { app in
            let people = try await app.makeWeavers(5)
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: people)
            await #expect(throws: FailingTransactor.InjectedFailure.self) {
                _ = try await GroupChanges(transactor: failing(app), clock: .fixed(testNow)).activate(group.id, version: 1, by: admin)
            }
            #expect(try await FluentGroupRepository(database: app.db).find(id: group.id)?.status == .draft)
            for person in people { #expect(try await FluentBeneficiaryRepository(database: app.db).find(id: person.id)?.status == .calon) }
        }
    }

    @Test("Attendance: no roster, same version, no audit entry when it dies")
    func attendance() async throws {
        try await withTestApp(runsJobs: false) { app in
            let people = try await app.makeWeavers(5)
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: people, active: true)
            let (_, session) = try await app.makeProgrammeAndSession(kabkota: "16.02", group: group)
            let before = try await auditCount(app)
            let roster = Dictionary(uniqueKeysWithValues: people.map { ($0.id, AttendanceStatus.hadir) })
            await #expect(throws: FailingTransactor.InjectedFailure.self) {
                _ = try await CoachingWrites(transactor: failing(app), clock: .fixed(testNow)).recordAttendance(
                    session.id, roster: roster,
                    version: 1, by: admin)
            }
            let stored = try #require(try await FluentCoachingRepository(database: app.db).find(session: session.id))
            #expect(stored.attendance.isEmpty && stored.version == 1)
            #expect(try await auditCount(app) == before)
        }
    }
}
