import BinaUsahaDomain
import Fluent
import Foundation

/// A programme year that has happened, laid over the demo register through the same use cases
/// as the pages: for each craft-centre kecamatan an accepted plan, its KUBE with officers, a
/// programme per kab/kota, monthly sessions with attendance over the last eleven months,
/// capital assistance and stage changes, so that a newcomer sees a province at work. One group
/// per kecamatan is left in draft, waiting for activation, so the operator's queue has work.
enum DemoProgrammeYear {
    struct Outcome {
        var groups = 0
        var sessions = 0
        var payments = 0
        var ledgerMonths = 0
        var commitments = 0
        var assessments = 0
        var graduations = 0
    }

    /// A desa left unplanned (Lebuh Rarak, Pedamaran), so that a newcomer and the browser check
    /// can propose a plan there; the rest of Pedamaran is planned desa by desa.
    static let leftForPlanning = "16.02.03.2021"
    static let plannedByDesa = "16.02.03"

    /// The scopes planned: each craft-centre kecamatan, and in Pedamaran each craft desa but one.
    static var scopes: [RegionCode] {
        var scopes: Set<RegionCode> = []
        for centre in CraftCentres.all {
            if centre.kecamatan.code.rawValue == plannedByDesa {
                if centre.desa.code.rawValue != leftForPlanning { scopes.insert(centre.desa.code) }
            } else {
                scopes.insert(centre.kecamatan.code)
            }
        }
        return scopes.sorted()
    }

    static func seed(_ db: any Database, services: CommandServices, admin: Principal, pendamping: [RegionCode: UUID]) async throws -> Outcome {
        let clock = services.clock
        let transactor = services.transactor(db)
        let repositories = services.repositories(db)
        let demo = AuditActor(admin)
        var random = SeededRandom(seed: 2_026)
        var outcome = Outcome()
        let now = clock.now()
        let starts = CivilDate(now.addingTimeInterval(-335 * 86_400))
        let ends = CivilDate(now.addingTimeInterval(30 * 86_400))

        var groupsByKabkota: [RegionCode: [KUBEGroup]] = [:]
        let decisions = PlanDecisions(transactor: transactor, clock: clock)
        let changes = GroupChanges(transactor: transactor, clock: clock)
        for code in scopes {
            let kecamatan = code.level == .desaKelurahan ? code.parent! : code
            let plan = try await ProposePlan(transactor: transactor, repositories: repositories, clock: clock)(
                scope: code, rules: PlanningRules(), by: demo)
            guard !plan.groups.isEmpty else { continue }
            let accepted = try await decisions.accept(plan.id, version: plan.version, by: admin).groups
            for (index, created) in accepted.enumerated() {
                var group = created
                let officers: [MemberRole] = [.ketua, .sekretaris, .bendahara]
                var roles: [UUID: MemberRole] = [:]
                for (offset, member) in group.activeMembers.enumerated() { roles[member.beneficiary] = offset < 3 ? officers[offset] : .anggota }
                group = try await changes.changeOfficers(group.id, roles: roles, version: group.version, by: admin)
                if let user = pendamping[kecamatan] {
                    group = try await changes.changeDetails(
                        group.id, name: group.name, decreeNumber: "SK-\(code.digits)-\(index + 1)/\(starts.year)", pendamping: user,
                        version: group.version,
                        by: admin)
                }
                // Outside Pedamaran the last group of each kecamatan waits for activation.
                guard index < accepted.count - 1 || accepted.count == 1 || kecamatan.rawValue == plannedByDesa else { continue }
                group = try await changes.activate(group.id, version: group.version, by: admin)
                groupsByKabkota[kecamatan.parent!, default: []].append(group)
            }
        }

        let coaching = CoachingWrites(transactor: transactor, clock: clock)
        for (kabkota, groups) in groupsByKabkota.sorted(by: { $0.key < $1.key }) {
            let name = try await repositories.regions.find(kabkota)?.name ?? kabkota.rawValue
            let programme = try await coaching.createProgramme(
                .init(
                    name: "Pembinaan KUBE \(name) \(starts.year)", kabupatenKota: kabkota.rawValue, year: starts.year,
                    skills: Array(Set(groups.map(\.skill))).sorted(), targetGroups: groups.count, targetPeople: groups.count * 10,
                    budget: Rupiah(Int64(groups.count) * 25_000_000), startsOn: starts, endsOn: ends, partners: "Dekranasda; CSR perbankan",
                    groups: groups.map(\.id)), by: admin)
            for (index, group) in groups.enumerated() {
                // Monthly sessions from the first week of the programme until last week.
                var day = now.addingTimeInterval(-328 * 86_400 + Double(index % 5) * 86_400)
                var month = 0
                while day < now.addingTimeInterval(-7 * 86_400) {
                    let type: SessionType = month < 2 ? .pelatihan : month % 3 == 0 ? .monitoring : .pendampingan
                    let date = CivilDate(day)
                    let session = try await coaching.scheduleSession(
                        .init(
                            programme: programme.id, type: type, startsAt: IndonesianCalendar.instant(date, time: "09:00") ?? day, hours: 3,
                            place: "Balai desa", facilitator: "Pendamping KUBE", topic: topics[month % topics.count], groups: [group.id]),
                        by: admin)
                    var roster: [UUID: AttendanceStatus] = [:]
                    for member in group.activeMembers {
                        let roll = Int.random(in: 0..<100, using: &random)
                        roster[member.beneficiary] = roll < 84 ? .hadir : roll < 91 ? .izin : roll < 96 ? .sakit : .alpa
                    }
                    _ = try await coaching.recordAttendance(session.id, roster: roster, version: session.version, by: admin)
                    outcome.sessions += 1
                    month += 1
                    day = day.addingTimeInterval(30 * 86_400)
                }
                // A pendamping's groups have this week's session still to record, and next week's ahead.
                if group.pendamping != nil {
                    for (offset, topic) in [(-2.0, "Evaluasi mingguan produksi"), (5.0, "Kunjungan pemasaran")] {
                        let date = CivilDate(now.addingTimeInterval(offset * 86_400))
                        _ = try await coaching.scheduleSession(
                            .init(
                                programme: programme.id, type: .pendampingan,
                                startsAt: IndonesianCalendar.instant(date, time: "09:00") ?? now, hours: 2, place: "Rumah ketua KUBE",
                                facilitator: "Pendamping KUBE", topic: topic, groups: [group.id]), by: admin)
                    }
                }
                try await coaching.recordAssistance(
                    Assistance(
                        group: group.id, date: CivilDate(now.addingTimeInterval(-300 * 86_400)), amount: Rupiah(20_000_000), form: .tunai,
                        source: index % 4 == 3 ? .apbdProvinsi : .apbnKemensos, receipt: "BT-\(starts.year)-\(kabkota.digits)-\(index + 1)",
                        programme: programme.id), by: admin)
                outcome.payments += 1
                // Stages: a third stay growing, a third develop, a third are advanced.
                var current = try await repositories.groups.find(id: group.id) ?? group
                if index % 3 >= 1 {
                    current = try await changes.changeStage(
                        current.id, to: .berkembang, checklist: Set(KUBEStage.tumbuh.indicators), reason: "Indikator tahap tumbuh terpenuhi",
                        version: current.version, by: admin)
                }
                if index % 3 == 2 {
                    current = try await changes.changeStage(
                        current.id, to: .maju, checklist: Set(KUBEStage.tumbuh.indicators + KUBEStage.berkembang.indicators),
                        reason: "Usaha berjalan, simpan pinjam dan IKS aktif", version: current.version, by: admin)
                }
                outcome.groups += 1
            }
        }
        let active = try await repositories.groups.list(within: nil, pendamping: nil).filter { $0.status == .aktif }
        outcome.ledgerMonths = try await DemoLedger.seed(
            groups: active, writes: LedgerWrites(transactor: transactor, clock: clock), repositories: repositories, admin: admin, now: now)
        outcome.commitments = try await DemoPartners.seed(
            groups: active, repositories: repositories, writes: PartnerWrites(transactor: transactor, clock: clock), admin: admin, now: now)
        (outcome.assessments, outcome.graduations) = try await DemoOutcomes.seed(
            groups: active, repositories: repositories, writes: OutcomeWrites(transactor: transactor, clock: clock), admin: admin, now: now)
        return outcome
    }

    static let topics = [
        "Pengenalan bahan dan alat", "Teknik dasar produksi", "Mutu dan desain produk", "Pembukuan sederhana KUBE",
        "Harga pokok dan harga jual", "Kemasan dan label", "Pemasaran di pasar lokal", "Penjualan daring", "Iuran kesetiakawanan sosial",
        "Evaluasi usaha kelompok", "Rencana usaha tahun depan",
    ]
}
