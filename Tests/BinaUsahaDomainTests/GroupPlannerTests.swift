import BinaUsahaDomain
import Foundation
import Testing

@Suite("KUBE group planner")
struct GroupPlannerTests {
    static let desaA = RegionCode(trusted: "16.02.03.2007")
    static let desaB = RegionCode(trusted: "16.02.03.2006")
    static let otherKecamatan = RegionCode(trusted: "16.02.05.1006")

    /// `n` eligible people in `desa`, each in their own KK, with the given options.
    static func people(
        _ n: Int, in desa: RegionCode = desaA, _ options: [(String, Double)] = [("anyaman-purun", 80)], failed: [String] = [],
        tag: String = "p"
    ) -> [PlanCandidate] {
        (0..<n).map { index in
            PlanCandidate(
                id: UUID(), noKK: "\(tag)-\(desa.rawValue)-\(index)", desa: desa, failedChecks: failed,
                options: options.map { SkillScore(skill: $0.0, score: $0.1) })
        }
    }

    let planner = GroupPlanner()

    @Test("Twenty people sharing a skill in one desa make two groups of ten")
    func simple() {
        let result = planner.plan(Self.people(20))
        #expect(result.groups.map(\.members.count) == [10, 10])
        #expect(result.groups.allSatisfy { $0.skill == "anyaman-purun" && $0.isSingleDesa && $0.kecamatan == RegionCode(trusted: "16.02.03") })
        #expect(result.leftOut.isEmpty)
    }

    @Test("Group sizes stay within 5–20 whatever the count", arguments: [5, 7, 12, 19, 21, 45, 99, 203])
    func sizes(count: Int) {
        for target in [5, 10, 20] {
            let result = GroupPlanner(rules: PlanningRules(targetSize: target)).plan(Self.people(count))
            #expect(result.groups.allSatisfy { (5...20).contains($0.members.count) }, "\(count) people, target \(target)")
            #expect(result.groups.reduce(0) { $0 + $1.members.count } == count)
        }
    }

    @Test("Too few candidates for a skill: nobody is grouped, and each is told why")
    func tooFew() throws {
        let result = planner.plan(Self.people(3))
        #expect(result.groups.isEmpty)
        #expect(result.leftOut.count == 3)
        let text = try #require(result.leftOut.first).reason.text(
            .id, skillName: { _ in "Anyaman purun" },
            placeName: { _ in "Desa Pedamaran I" }, checkText: { $0 })
        #expect(text == "Hanya 3 calon anggota untuk anyaman purun di Desa Pedamaran I")
    }

    @Test("No candidates at all gives an empty plan, not an error")
    func empty() {
        #expect(planner.plan([]) == GroupPlanner.Result(groups: [], leftOut: []))
    }

    @Test("One member per KK: the family's best-scoring person represents it")
    func onePerFamily() throws {
        var people = Self.people(6)
        let relative = PlanCandidate(
            id: UUID(), noKK: people[0].noKK, desa: Self.desaA, failedChecks: [],
            options: [SkillScore(skill: "anyaman-purun", score: 60)])
        people.append(relative)
        let result = planner.plan(people)
        #expect(result.groups.count == 1 && result.groups[0].members.count == 6)
        #expect(!result.groups[0].members.contains { $0.id == relative.id })
        #expect(result.leftOut.map(\.reason) == [.familyRepresented(by: people[0].id)])
    }

    @Test("Ineligible people are left out with the failed checks, unless overridden with a reason")
    func eligibility() throws {
        let eligible = Self.people(5)
        let tooOld = Self.people(1, failed: ["age"], tag: "old")
        let left = planner.plan(eligible + tooOld)
        #expect(left.leftOut.map(\.reason) == [.ineligible(["age"])])
        let overridden = planner.plan(eligible + tooOld, overrides: [tooOld[0].id: "Pencari nafkah utama, usia 61"])
        let member = try #require(overridden.groups.first?.members.first { $0.id == tooOld[0].id })
        #expect(member.overrideReason == "Pencari nafkah utama, usia 61")
        #expect(overridden.leftOut.isEmpty)
    }

    @Test("People in different kecamatan are never in one group")
    func kecamatan() {
        let result = planner.plan(Self.people(4) + Self.people(4, in: Self.otherKecamatan))
        #expect(result.groups.isEmpty)
        #expect(result.leftOut.count == 8)
        let mixed = planner.plan(Self.people(6) + Self.people(7, in: Self.otherKecamatan))
        #expect(mixed.groups.count == 2)
        #expect(mixed.groups.allSatisfy { group in group.members.allSatisfy { $0.desa.parent == group.kecamatan } })
    }

    @Test("The same desa is preferred; a small remainder joins a group of the kecamatan")
    func desaPreference() {
        let twoDesa = planner.plan(Self.people(6) + Self.people(6, in: Self.desaB))
        #expect(twoDesa.groups.count == 2 && twoDesa.groups.allSatisfy(\.isSingleDesa))
        let remainder = planner.plan(Self.people(6) + Self.people(2, in: Self.desaB))
        #expect(remainder.groups.count == 1 && remainder.groups[0].members.count == 8)
        #expect(remainder.groups[0].mainDesa == Self.desaA)
    }

    @Test("Someone whose best skill has too few takers moves to their next recommended skill")
    func nextOption() {
        let purun = Self.people(10)
        let bambooFirst = Self.people(3, [("kerajinan-bambu", 90), ("anyaman-purun", 70)], tag: "b")
        let result = planner.plan(purun + bambooFirst)
        #expect(result.groups.allSatisfy { $0.skill == "anyaman-purun" })
        #expect(result.groups.reduce(0) { $0 + $1.members.count } == 13)
        #expect(result.leftOut.isEmpty)
    }

    @Test("Small clusters are consolidated on the option they share")
    func consolidate() {
        let a = Self.people(3, [("batik", 90), ("menjahit", 60)], tag: "a")
        let b = Self.people(3, [("tenun-songket", 90), ("menjahit", 55)], tag: "b")
        let result = planner.plan(a + b)
        #expect(result.groups.count == 1)
        #expect(result.groups.first?.skill == "menjahit" && result.groups.first?.members.count == 6)
    }

    @Test("Skills under the minimum score are not offered; people without any are told why")
    func minimumScore() {
        let result = planner.plan(Self.people(6, [("anyaman-purun", 10)]))
        #expect(result.groups.isEmpty)
        #expect(result.leftOut.allSatisfy { $0.reason == .noRecommendation })
    }

    @Test("Rules outside Permensos 2/2019 are refused with a message")
    func rules() {
        #expect(PlanningRules().problem == nil)
        #expect(PlanningRules(targetSize: 25).problem != nil)
        #expect(PlanningRules(targetSize: 10, minimumSize: 3).problem == "Ukuran kelompok harus di antara 5 dan 20 KK (Permensos 2/2019).")
        #expect(PlanningRules(targetSize: 4).problem == "Target anggota per kelompok harus di antara 5 dan 20.")
    }

    @Test("Deterministic: the same candidates give the same groups")
    func deterministic() {
        let people = Self.people(37) + Self.people(9, in: Self.desaB) + Self.people(4, [("batik", 90), ("anyaman-purun", 50)], tag: "x")
        var counter = 0
        let make = { () -> UUID in
            counter += 1
            return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", counter))!
        }
        let first = planner.plan(people, makeID: make)
        counter = 0
        #expect(planner.plan(people.reversed(), makeID: make) == first)
    }
}

@Suite("Editing a plan")
struct GroupPlanEditTests {
    func plan(_ groups: [[PlanCandidate]], leftOut: [PlanCandidate] = []) -> GroupPlan {
        let planned = groups.map { members in
            PlannedGroup(
                id: UUID(), skill: members[0].options[0].skill, kecamatan: members[0].kecamatan,
                members: members.map { PlannedMember(id: $0.id, noKK: $0.noKK, desa: $0.desa, failedChecks: $0.failedChecks, options: $0.options) })
        }
        let left = leftOut.map {
            LeftOutPerson(
                id: $0.id, noKK: $0.noKK, desa: $0.desa, failedChecks: $0.failedChecks, options: $0.options,
                reason: $0.failedChecks.isEmpty ? .noRecommendation : .ineligible($0.failedChecks))
        }
        return GroupPlan(
            scope: RegionCode(trusted: "16.02"), rules: PlanningRules(), createdBy: "uji", createdAt: Date(), groups: planned, leftOut: left)
    }
    let name: (String) -> String = { $0 }

    @Test("Moving a member keeps everyone exactly once")
    func move() throws {
        var p = plan([GroupPlannerTests.people(6, tag: "a"), GroupPlannerTests.people(5, tag: "b")])
        let person = p.groups[0].members[0].id
        try p.move(person: person, to: p.groups[1].id, overrideReason: nil, skillName: name)
        #expect(p.groups.map(\.members.count) == [5, 6])
        #expect(p.acceptanceProblems(skillName: name).isEmpty)
    }

    @Test("A move is refused across kecamatan, into a full group, into a group with the same KK, or to an unrecommended skill")
    func refusedMoves() throws {
        let far = GroupPlannerTests.people(5, in: GroupPlannerTests.otherKecamatan, tag: "far")
        let batik = GroupPlannerTests.people(5, [("batik", 70)], tag: "batik")
        var p = plan([GroupPlannerTests.people(20, tag: "full"), far, GroupPlannerTests.people(5, tag: "x"), batik])
        #expect(throws: PlanEditError(.otherKecamatan)) {
            try p.move(person: far[0].id, to: p.groups[2].id, overrideReason: nil, skillName: name)
        }
        #expect(throws: PlanEditError(.groupFull(20))) {
            try p.move(person: p.groups[2].members[0].id, to: p.groups[0].id, overrideReason: nil, skillName: name)
        }
        #expect(throws: PlanEditError(.skillNotRecommended("anyaman-purun"))) {
            try p.move(person: batik[0].id, to: p.groups[2].id, overrideReason: nil, skillName: name)
        }
        p.groups[2].members[1].noKK = p.groups[3].members[0].noKK
        p.groups[3].members[0].options.append(SkillScore(skill: "anyaman-purun", score: 50))
        #expect(throws: PlanEditError(.sameFamily)) {
            try p.move(person: p.groups[3].members[0].id, to: p.groups[2].id, overrideReason: nil, skillName: name)
        }
    }

    @Test("Including an ineligible person needs a written reason, which is kept")
    func override() throws {
        let old = GroupPlannerTests.people(1, failed: ["age"], tag: "old")
        var p = plan([GroupPlannerTests.people(5)], leftOut: old)
        #expect(throws: PlanEditError(.overrideReasonRequired)) {
            try p.move(person: old[0].id, to: p.groups[0].id, overrideReason: "  ", skillName: name)
        }
        try p.move(person: old[0].id, to: p.groups[0].id, overrideReason: "Pencari nafkah utama", skillName: name)
        #expect(p.groups[0].members.last?.overrideReason == "Pencari nafkah utama")
        #expect(p.leftOut.isEmpty)
    }

    @Test("Dropping a group lists its members as removed; merging needs one business and at most 20")
    func dropAndMerge() throws {
        var p = plan([
            GroupPlannerTests.people(6, tag: "a"), GroupPlannerTests.people(5, tag: "b"), GroupPlannerTests.people(15, tag: "c"),
            GroupPlannerTests.people(5, [("batik", 70)], tag: "d"),
        ])
        #expect(throws: PlanEditError(.differentSkills)) { try p.merge(p.groups[3].id, into: p.groups[0].id) }
        #expect(throws: PlanEditError(.mergedTooLarge(total: 21, maximum: 20))) { try p.merge(p.groups[0].id, into: p.groups[2].id) }
        try p.merge(p.groups[1].id, into: p.groups[0].id)
        #expect(p.groups.map(\.members.count) == [11, 15, 5])
        try p.drop(group: p.groups[2].id)
        #expect(p.leftOut.count == 5 && p.leftOut.allSatisfy { $0.reason == .removedByOperator })
    }

    @Test("Acceptance lists every broken rule; an accepted plan cannot be edited")
    func acceptance() throws {
        var p = plan([GroupPlannerTests.people(5, tag: "a"), GroupPlannerTests.people(5, tag: "b")])
        try p.remove(person: p.groups[0].members[0].id)
        #expect(p.acceptanceProblems(skillName: name).map { $0.message(.id) } == ["Kelompok 1 (anyaman-purun): 4 anggota; harus 5–20."])
        #expect(p.acceptanceProblems(skillName: name).map { $0.message(.en) } == ["Group 1 (anyaman-purun): 4 members; must be 5–20."])
        p.groups[1].members[1].noKK = p.groups[1].members[0].noKK
        #expect(p.acceptanceProblems(skillName: name).contains(.familiesRepeated(1)))
        p.status = .accepted
        #expect(throws: PlanEditError(.notDraft(.accepted))) { try p.drop(group: p.groups[0].id) }
    }
}
