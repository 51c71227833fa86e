import Foundation

/// Proposes KUBE groups from candidates, following the rules of Permensos 2/2019 as DOMAIN.md
/// §1.2 reads them: 5–20 members, all in one kecamatan (one desa preferred), one business type
/// recommended to each of them, one member per KK, eligibility respected unless overridden.
///
/// A greedy heuristic that aims at the members' total recommendation score: everyone starts on
/// their best skill; people whose skill has too few takers in their kecamatan move to their next
/// option that does have enough, then small remainders are consolidated on the option most of
/// them share. Groups are cut per desa first, then from the kecamatan's remainder. Runs in
/// O(n log n); deterministic for the same input.
public struct GroupPlanner: Sendable {
    public var rules: PlanningRules

    public init(rules: PlanningRules = PlanningRules()) { self.rules = rules }

    public struct Result: Sendable, Equatable {
        public var groups: [PlannedGroup]
        public var leftOut: [LeftOutPerson]

        public init(groups: [PlannedGroup], leftOut: [LeftOutPerson]) {
            self.groups = groups
            self.leftOut = leftOut
        }
    }

    /// - Parameter overrides: people to include despite failed eligibility checks, with the reason.
    public func plan(_ candidates: [PlanCandidate], overrides: [UUID: String] = [:], makeID: () -> UUID = { UUID() }) -> Result {
        var groups: [PlannedGroup] = []
        var leftOut: [LeftOutPerson] = []
        let byKecamatan = Dictionary(grouping: candidates, by: \.kecamatan)
        for kecamatan in byKecamatan.keys.sorted() {
            let part = planKecamatan(kecamatan, byKecamatan[kecamatan]!, overrides: overrides, makeID: makeID)
            groups += part.groups
            leftOut += part.leftOut
        }
        return Result(groups: groups, leftOut: leftOut)
    }

    private func planKecamatan(
        _ kecamatan: RegionCode, _ candidates: [PlanCandidate], overrides: [UUID: String],
        makeID: () -> UUID
    ) -> Result {
        var leftOut: [LeftOutPerson] = []

        // 1. Eligibility, unless overridden with a reason.
        var eligible: [PlanCandidate] = []
        for candidate in candidates.sorted(by: { $0.id.ordering < $1.id.ordering }) {
            if candidate.failedChecks.isEmpty || overrides[candidate.id] != nil {
                eligible.append(candidate)
            } else {
                leftOut.append(LeftOutPerson(candidate, .ineligible(candidate.failedChecks)))
            }
        }

        // 2. Options worth offering.
        var people: [PlanCandidate] = []
        for var candidate in eligible {
            candidate.options = Array(candidate.options.filter { $0.score >= rules.minimumScore }.prefix(rules.optionsPerPerson))
            if candidate.options.isEmpty {
                leftOut.append(LeftOutPerson(candidate, .noRecommendation))
            } else {
                people.append(candidate)
            }
        }

        // 3. One member per KK: the one with the best score represents the family.
        var representative: [String: PlanCandidate] = [:]
        for candidate in people {
            if let current = representative[candidate.noKK], current.options[0].score >= candidate.options[0].score { continue }
            representative[candidate.noKK] = candidate
        }
        people = people.filter { candidate in
            let chosen = representative[candidate.noKK]!
            if chosen.id == candidate.id { return true }
            leftOut.append(LeftOutPerson(candidate, .familyRepresented(by: chosen.id)))
            return false
        }

        // 4. Choose each person's skill.
        var choice = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.options[0].skill) })
        func counts() -> [String: Int] {
            var result: [String: Int] = [:]
            for skill in choice.values { result[skill, default: 0] += 1 }
            return result
        }
        var count = counts()
        // 4a. Move people off a too-small skill to their best option that already has enough takers.
        for person in people where count[choice[person.id]!]! < rules.minimumSize {
            if let better = person.options.first(where: { $0.skill != choice[person.id] && count[$0.skill, default: 0] >= rules.minimumSize }) {
                count[choice[person.id]!]! -= 1
                choice[person.id] = better.skill
                count[better.skill, default: 0] += 1
            }
        }
        // 4b. Consolidate the remaining small clusters on the option most of them share.
        while true {
            let stuck = people.filter { count[choice[$0.id]!]! < rules.minimumSize }
            var reach: [String: (people: Int, score: Double)] = [:]
            for person in stuck {
                for option in person.options {
                    reach[option.skill, default: (0, 0)].people += 1
                    reach[option.skill, default: (0, 0)].score += option.score
                }
            }
            let best = reach.filter { $0.value.people > 0 }
                .max { a, b in
                    a.value.people != b.value.people
                        ? a.value.people < b.value.people
                        : a.value.score != b.value.score ? a.value.score < b.value.score : a.key > b.key
                }
            guard let (skill, taken) = best, taken.people >= rules.minimumSize,
                stuck.contains(where: { choice[$0.id] != skill })
            else { break }
            for person in stuck where person.options.contains(where: { $0.skill == skill }) {
                count[choice[person.id]!]! -= 1
                choice[person.id] = skill
                count[skill, default: 0] += 1
            }
        }

        // 5. Cut groups per skill: whole desa first, then the kecamatan's remainder.
        var groups: [PlannedGroup] = []
        let bySkill = Dictionary(grouping: people, by: { choice[$0.id]! })
        for skill in bySkill.keys.sorted() {
            let members = bySkill[skill]!
            guard members.count >= rules.minimumSize else {
                let place = Set(members.map(\.desa)).count == 1 ? members[0].desa : kecamatan
                leftOut += members.map { LeftOutPerson($0, .tooFew(skill: skill, count: members.count, place: place)) }
                continue
            }
            var skillGroups: [PlannedGroup] = []
            var remainder: [PlanCandidate] = []
            let byDesa = Dictionary(grouping: members, by: \.desa)
            for desa in byDesa.keys.sorted() {
                let inDesa = byDesa[desa]!.map { (person: $0, score: score($0, skill)) }
                    .sorted { $0.score != $1.score ? $0.score > $1.score : $0.person.id.ordering < $1.person.id.ordering }.map(\.person)
                if inDesa.count >= rules.minimumSize {
                    skillGroups += cut(inDesa, skill: skill, kecamatan: kecamatan, overrides: overrides, makeID: makeID)
                } else {
                    remainder += inDesa
                }
            }
            if remainder.count >= rules.minimumSize {
                skillGroups += cut(remainder, skill: skill, kecamatan: kecamatan, overrides: overrides, makeID: makeID)
            } else {
                for person in remainder {
                    if let index = skillGroups.indices.filter({ skillGroups[$0].members.count < rules.maximumSize })
                        .min(by: { skillGroups[$0].members.count < skillGroups[$1].members.count })
                    {
                        skillGroups[index].members.append(PlannedMember(person, overrideReason: overrides[person.id]))
                    } else {
                        leftOut.append(LeftOutPerson(person, .tooFew(skill: skill, count: remainder.count, place: kecamatan)))
                    }
                }
            }
            groups += skillGroups
        }
        return Result(groups: groups, leftOut: leftOut)
    }

    private func score(_ person: PlanCandidate, _ skill: String) -> Double {
        person.options.first { $0.skill == skill }?.score ?? 0
    }

    /// Splits `people` (≥ minimum) into groups as close to the target size as the limits allow.
    private func cut(
        _ people: [PlanCandidate], skill: String, kecamatan: RegionCode, overrides: [UUID: String],
        makeID: () -> UUID
    ) -> [PlannedGroup] {
        let n = people.count
        let fewest = (n + rules.maximumSize - 1) / rules.maximumSize
        let most = n / rules.minimumSize
        let count = min(most, max(fewest, max(1, Int((Double(n) / Double(rules.targetSize)).rounded()))))
        var groups: [PlannedGroup] = []
        var start = 0
        for index in 0..<count {
            let size = n / count + (index < n % count ? 1 : 0)
            let slice = people[start..<(start + size)]
            groups.append(
                PlannedGroup(
                    id: makeID(), skill: skill, kecamatan: kecamatan,
                    members: slice.map { PlannedMember($0, overrideReason: overrides[$0.id]) }))
            start += size
        }
        return groups
    }
}

extension UUID {
    /// The 16 bytes as two integers: a total order that is cheap to compare (sorting by
    /// `uuidString` would build two strings per comparison).
    var ordering: (UInt64, UInt64) {
        let u = uuid
        let high = [u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = [u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (high, low)
    }
}
