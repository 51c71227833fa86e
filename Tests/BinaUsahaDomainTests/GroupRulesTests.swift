import BinaUsahaDomain
import Foundation
import Testing

@Suite("KUBE group rules")
struct GroupRulesTests {
    static let desa = RegionCode(trusted: "16.02.03.2007")
    static let today = CivilDate(year: 2026, month: 11, day: 30)!

    static func member(_ index: Int, role: MemberRole = .anggota, desa: RegionCode = desa, kk: String? = nil) -> Membership {
        Membership(beneficiary: UUID(), noKK: kk ?? "KK\(index)", desa: desa, role: role, joinedOn: today)
    }

    /// A draft with `count` members, the first three as ketua, sekretaris, bendahara.
    static func group(_ count: Int, officers: Bool = true) -> KUBEGroup {
        let roles: [MemberRole] = [.ketua, .sekretaris, .bendahara]
        return KUBEGroup(
            name: "KUBE Uji", skill: "anyaman-purun", kecamatan: desa.parent!, desa: desa,
            members: (0..<count).map { member($0, role: officers && $0 < 3 ? roles[$0] : .anggota) })
    }

    @Test("A draft may be small; activation needs 5–20 members and exactly one of each officer")
    func activation() throws {
        var small = Self.group(4)
        #expect(throws: GroupRuleError([.activeSize(minimum: 5, maximum: 20, now: 4)])) { try small.activate(on: Self.today) }
        var noOfficers = Self.group(10, officers: false)
        #expect(throws: GroupRuleError([.officerMissing(.ketua), .officerMissing(.sekretaris), .officerMissing(.bendahara)])) {
            try noOfficers.activate(on: Self.today)
        }
        #expect(GroupRuleError([.officerMissing(.ketua)]).message(.id) == "Belum ada ketua di antara anggota aktif.")
        #expect(GroupRuleError([.officerMissing(.ketua)]).message(.en) == "No chair among the active members yet.")
        var big = Self.group(21)
        #expect(throws: GroupRuleError([.activeSize(minimum: 5, maximum: 20, now: 21)])) { try big.activate(on: Self.today) }
        var good = Self.group(10)
        try good.activate(on: Self.today)
        #expect(good.status == .aktif && good.formedOn == Self.today)
    }

    @Test("Members: one kecamatan, one per KK, one active KUBE, no double officers — even in a draft")
    func members() throws {
        var group = Self.group(6)
        #expect(throws: GroupRuleError([.memberOutsideKecamatan])) {
            try group.add(Self.member(99, desa: RegionCode(trusted: "16.02.05.1006")), activeElsewhere: false)
        }
        #expect(throws: GroupRuleError([.familyRepeated(families: 1)])) {
            try group.add(Self.member(98, kk: "KK1"), activeElsewhere: false)
        }
        #expect(throws: GroupRuleError(.activeElsewhere)) {
            try group.add(Self.member(97), activeElsewhere: true)
        }
        #expect(throws: GroupRuleError([.officerRepeated(.ketua, count: nil)])) {
            try group.assignRoles([group.members[4].beneficiary: .ketua])
        }
        try group.add(Self.member(7), activeElsewhere: false)
        #expect(group.activeMembers.count == 7)
    }

    @Test("Leaving needs a reason; the member stays on record with the date; an active group may not drop below five")
    func leaving() throws {
        var group = Self.group(6)
        try group.activate(on: Self.today)
        let leaver = group.members[5].beneficiary
        #expect(throws: GroupRuleError(.leaveReasonRequired)) { try group.leave(leaver, on: Self.today, reason: " ") }
        try group.leave(leaver, on: Self.today, reason: "Pindah domisili")
        #expect(group.members.count == 6 && group.activeMembers.count == 5)
        #expect(group.members[5].leftOn == Self.today && group.members[5].leaveReason == "Pindah domisili")
        #expect(throws: GroupRuleError([.activeSize(minimum: 5, maximum: 20, now: 4)])) {
            try group.leave(group.members[4].beneficiary, on: Self.today, reason: "Meninggal dunia")
        }
        #expect(throws: GroupRuleError([.officerMissing(.ketua)])) {
            try group.assignRoles([group.members[0].beneficiary: .anggota])
        }
    }

    @Test("Moving up a stage needs the current stage's indicators and a reason; the change is returned for the history")
    func stages() throws {
        var draft = Self.group(6)
        #expect(throws: GroupRuleError(.stageOnlyActive)) {
            _ = try draft.changeStage(to: .berkembang, checklist: [], reason: "x", by: "op", at: Date())
        }
        var group = Self.group(6)
        try group.activate(on: Self.today)
        #expect(throws: GroupRuleError(.stageReasonRequired)) {
            _ = try group.changeStage(to: .berkembang, checklist: Set(KUBEStage.tumbuh.indicators), reason: "", by: "op", at: Date())
        }
        do {
            _ = try group.changeStage(to: .berkembang, checklist: [.nameboard], reason: "Sudah berjalan", by: "op", at: Date())
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message(.id).hasPrefix("Untuk naik ke tahap berkembang, indikator tahap tumbuh harus terpenuhi: memiliki pendamping;"))
            #expect(error.message(.en).hasPrefix("To move up to developing, the indicators of growing must be met:"))
        }
        let change = try group.changeStage(
            to: .berkembang, checklist: Set(KUBEStage.tumbuh.indicators), reason: "Papan nama terpasang",
            by: "op", at: Date())
        #expect(change.from == .tumbuh && change.to == .berkembang && group.stage == .berkembang)
        let back = try group.changeStage(to: .tumbuh, checklist: [], reason: "Kegiatan berhenti", by: "op", at: Date())
        #expect(back.to == .tumbuh)
    }

    @Test("An attendance roster must cover exactly the active members")
    func roster() throws {
        let group = Self.group(6)
        var session = CoachingSession(
            type: .pelatihan, startsAt: Date(), hours: 2, place: "Balai", facilitator: "", topic: "Anyaman", groups: [group.id])
        let expected = Set(group.activeMembers.map(\.beneficiary))
        var roster = Dictionary(uniqueKeysWithValues: expected.map { ($0, AttendanceStatus.hadir) })
        roster.removeValue(forKey: group.members[0].beneficiary)
        #expect(throws: GroupRuleError([.rosterIncomplete(1)])) { try session.record(roster, expected: expected) }
        roster[group.members[0].beneficiary] = .sakit
        roster[UUID()] = .hadir
        #expect(throws: GroupRuleError([.strangersOnRoster(1)])) { try session.record(roster, expected: expected) }
        roster = Dictionary(uniqueKeysWithValues: expected.map { ($0, AttendanceStatus.hadir) })
        roster[group.members[0].beneficiary] = .izin
        try session.record(roster, expected: expected)
        #expect(attendanceRate(Array(session.attendance.values)) == 5.0 / 6.0)
        #expect(formatPercent(5.0 / 6.0) == "83 %")
    }

    @Test("Assistance and programmes are checked with clear messages")
    func ledgerAndProgrammes() {
        let goods = Assistance(group: UUID(), date: Self.today, amount: Rupiah(0), form: .barang, source: .apbdProvinsi, receipt: "")
        #expect(goods.problems() == [.assistanceAmountZero, .receiptRequired, .rabRequired])
        #expect(
            goods.problems().map { $0.message(.id) } == [
                "Jumlah bantuan harus lebih dari Rp 0.", "Nomor bukti terima wajib diisi.", "Bantuan barang harus mencantumkan item RAB.",
            ])
        #expect(
            goods.problems().map { $0.message(.en) } == [
                "The amount must be more than Rp 0.", "The receipt number is required.", "Assistance in goods must list its budget (RAB) items.",
            ])
        let cash = Assistance(group: UUID(), date: Self.today, amount: Rupiah(20_000_000), form: .tunai, source: .apbnKemensos, receipt: "BT-01")
        #expect(cash.problems().isEmpty)
        let programme = Programme(
            name: "", kabupatenKota: RegionCode(trusted: "16.02.03"), year: 2027, skills: [], targetGroups: 1, targetPeople: 10,
            budget: Rupiah(1), startsOn: CivilDate(year: 2027, month: 5, day: 1)!, endsOn: CivilDate(year: 2027, month: 1, day: 1)!)
        #expect(programme.problems() == [.programmeNameRequired, .programmeKabkota, .programmeDates])
    }
}
