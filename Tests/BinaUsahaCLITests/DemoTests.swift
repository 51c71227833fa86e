import BinaUsahaApp
import BinaUsahaCLI
import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// The demo is a province at work, not an empty register.
@Suite("Demo data")
struct DemoTests {
    @Test("The demo has a programme year: KUBE in every stage with officers, sessions with attendance and assistance in every kab/kota it covers")
    func programmeYear() async throws {
        try await withTestApp { app in
            let services = commandServices(clock: .fixed(testNow), database: .sqliteMemory)
            let outcome = try #require(try await DemoSeeder.seedIfEmpty(app, services: services, people: 1_500, regionsDirectory: nil))
            #expect(outcome.people > 1_000)
            #expect(DemoSeeder.describe(outcome).contains("KUBE aktif"))

            let groups = try await FluentGroupRepository(database: app.db).list(within: nil, pendamping: nil)
            let active = groups.filter { $0.status == .aktif }
            #expect(active.count >= 10)
            #expect(Set(active.map(\.stage)) == Set(KUBEStage.allCases))
            #expect(groups.contains { $0.status == .draft })
            for group in active {
                #expect(Set(group.activeMembers.map(\.role)).isSuperset(of: [.ketua, .sekretaris, .bendahara]), "\(group.name)")
            }
            // every kab/kota with active groups has sessions with attendance and assistance
            let coaching = FluentCoachingRepository(database: app.db)
            let byKabkota = Dictionary(grouping: active) { $0.kecamatan.parent! }
            #expect(byKabkota.count >= 4)
            for (kabkota, own) in byKabkota {
                let sessions = try await coaching.sessions(ofGroups: own.map(\.id))
                #expect(sessions.filter { !$0.attendance.isEmpty }.count >= own.count * 6, "\(kabkota)")
                #expect(try await coaching.assistance(ofGroups: own.map(\.id)).count == own.count, "\(kabkota)")
            }
            // members of active groups are 'aktif' (or graduated, 'mandiri') in the register, not 'calon'
            let people = FluentBeneficiaryRepository(database: app.db)
            for member in active[0].activeMembers {
                #expect([.aktif, .mandiri].contains(try await people.find(id: member.beneficiary)?.status))
            }
            // the pendamping of Pedamaran has this week's session to record and one ahead
            let pendamping = try #require(try await FluentUserRepository(database: app.db).find(username: "pendamping.pedamaran"))
            let theirs = try await coaching.sessions(ofGroups: groups.filter { $0.pendamping == pendamping.id }.map(\.id))
            #expect(theirs.contains { $0.startsAt < testNow && $0.startsAt > testNow.addingTimeInterval(-7 * 86_400) && $0.attendance.isEmpty })
            #expect(theirs.contains { $0.startsAt > testNow })

            // twelve months of production and sales per active group, within stock, allocations adding up;
            // months up to September closed, October left for the operator, November for the pendamping
            let ledger = FluentLedgerRepository(database: app.db)
            for group in active {
                let months = try await ledger.months(ofGroup: group.id)
                #expect(months.count >= 12, "\(group.name)")
                #expect(months.allSatisfy { $0.profit.amount <= 0 || $0.allocation.total == $0.profit }, "\(group.name)")
                #expect(months.allSatisfy { $0.memberIncomes.values.reduce(0) { $0 + $1.amount } == $0.allocation.kesejahteraan.amount })
                #expect(months.contains { $0.month == YearMonth(year: 2026, month: 11) } == (group.pendamping == nil), "\(group.name)")
            }
            let oki = RegionCode(trusted: "16.02")
            #expect(try await ledger.closure(of: oki, month: YearMonth(year: 2026, month: 9)!) != nil)
            #expect(try await ledger.closure(of: oki, month: YearMonth(year: 2026, month: 10)!) == nil)
            let year = try await ledger.totals(
                within: nil, from: YearMonth(year: 2025, month: 11)!, to: YearMonth(year: 2026, month: 11)!, by: .kabupatenKota)
            #expect(year.count == byKabkota.count && year.allSatisfy { ($0.valueAdded ?? 0) > 1.2 })
            #expect(Set(year.map { (($0.valueAdded ?? 0) * 10).rounded() }).count > 1)

            // the demo mitra acts for a bank with commitments to groups, partly delivered, never more than promised
            let mitra = try #require(try await FluentUserRepository(database: app.db).find(username: "mitra"))
            let partners = FluentPartnerRepository(database: app.db)
            let bank = try #require(try await partners.partners(ofAccount: mitra.id).first)
            let commitments = try await partners.commitments(ofPartner: bank.id)
            #expect(
                !commitments.isEmpty
                    && commitments.allSatisfy { !$0.commitment.groups.isEmpty && $0.realised.amount > 0 && $0.realised <= $0.commitment.value })
            #expect(try await partners.partners(within: nil).count == 3)

            // follow-ups: three per assessed member, some graduations confirmed and more proposed
            let coached = active.flatMap { $0.activeMembers.map(\.beneficiary) }
            let outcomes = FluentOutcomeRepository(database: app.db)
            #expect(try await outcomes.graduations(of: coached).count >= 1)
            let seen = Dictionary(grouping: try await outcomes.assessments(of: coached), by: \.beneficiary)
            #expect(seen.count >= 100 && seen.values.allSatisfy { $0.count == 3 })
            #expect(DemoSeeder.describe(outcome).contains("penilaian tindak lanjut"))
        }
    }
}
