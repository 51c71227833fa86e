import Foundation

/// A stored plan: the planner's proposal, then the operator's edits, then accepted or discarded.
public struct GroupPlan: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case draft, accepted, discarded

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.draft, .id): "Draf"
            case (.accepted, .id): "Diterima"
            case (.discarded, .id): "Dibatalkan"
            case (.draft, .en): "Draft"
            case (.accepted, .en): "Accepted"
            case (.discarded, .en): "Discarded"
            }
        }
    }

    public var id: UUID
    /// The region planned for; `nil` is the whole province.
    public var scope: RegionCode?
    public var rules: PlanningRules
    public var status: Status
    public var createdBy: String
    public var createdAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?
    public var version: Int
    public var groups: [PlannedGroup]
    public var leftOut: [LeftOutPerson]

    public init(
        id: UUID = UUID(), scope: RegionCode?, rules: PlanningRules, status: Status = .draft, createdBy: String, createdAt: Date,
        decidedBy: String? = nil, decidedAt: Date? = nil, version: Int = 1, groups: [PlannedGroup], leftOut: [LeftOutPerson]
    ) {
        self.id = id
        self.scope = scope
        self.rules = rules
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.version = version
        self.groups = groups
        self.leftOut = leftOut
    }

    public var memberCount: Int { groups.reduce(0) { $0 + $1.members.count } }
    public var totalScore: Double { groups.reduce(0) { $0 + $1.totalScore } }
}

/// A rule an edit or the acceptance of a plan would break, in either language.
public enum PlanProblem: Equatable, Sendable, LocalizedMessage {
    case groupNotInPlan
    case notDraft(GroupPlan.Status)
    case personNotInPlan
    case overrideReasonRequired
    case otherKecamatan
    case skillNotRecommended(String)
    case groupFull(Int)
    case sameFamily
    case notAMember
    case sameGroup
    case differentSkills
    case differentKecamatan
    case mergedTooLarge(total: Int, maximum: Int)
    case mergedSameFamily
    case noGroups
    case groupSize(PlanGroupLabel, count: Int, minimum: Int, maximum: Int)
    case groupOtherKecamatan(PlanGroupLabel)
    case groupIneligible(PlanGroupLabel)
    case groupPersonTwice(PlanGroupLabel)
    case familiesRepeated(Int)
    case badTarget(groups: Int)
    case badChoice(String)
    case stale

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case .groupNotInPlan: return id ? "Kelompok tidak ditemukan dalam rencana ini." : "The group is not in this plan."
        case let .notDraft(status):
            return id
                ? "Rencana ini sudah \(status.label(.id).lowercased()); tidak bisa diubah lagi."
                : "This plan is \(status.label(.en).lowercased()); it cannot be changed."
        case .personNotInPlan: return id ? "Orang ini tidak ada dalam rencana." : "This person is not in the plan."
        case .overrideReasonRequired:
            return id
                ? "Orang ini belum memenuhi syarat KUBE; tuliskan alasan untuk tetap mengikutkannya."
                : "This person does not meet the KUBE requirements yet; write a reason to include them anyway."
        case .otherKecamatan:
            return id ? "Anggota KUBE harus tinggal di kecamatan yang sama dengan kelompoknya." : "KUBE members must live in their group's kecamatan."
        case let .skillNotRecommended(skill):
            return id
                ? "\(skill) tidak termasuk keterampilan yang direkomendasikan untuk orang ini."
                : "\(skill) is not among the skills recommended for this person."
        case let .groupFull(maximum):
            return id ? "Kelompok sudah berisi \(maximum) anggota, batas terbanyak." : "The group already has \(maximum) members, the most allowed."
        case .sameFamily:
            return id ? "Kelompok ini sudah memiliki anggota dari KK yang sama." : "This group already has a member of the same family (KK)."
        case .notAMember:
            return id ? "Orang ini bukan anggota kelompok mana pun dalam rencana." : "This person is not a member of any group in the plan."
        case .sameGroup: return id ? "Pilih dua kelompok yang berbeda untuk digabung." : "Choose two different groups to merge."
        case .differentSkills:
            return id ? "Hanya kelompok dengan jenis usaha yang sama yang bisa digabung." : "Only groups of the same business can be merged."
        case .differentKecamatan:
            return id ? "Hanya kelompok di kecamatan yang sama yang bisa digabung." : "Only groups in the same kecamatan can be merged."
        case let .mergedTooLarge(total, maximum):
            return id
                ? "Gabungan akan berisi \(total) anggota; batas terbanyak \(maximum)."
                : "The merged group would have \(total) members; at most \(maximum)."
        case .mergedSameFamily:
            return id ? "Gabungan akan berisi dua anggota dari KK yang sama." : "The merged group would have two members of one family (KK)."
        case .noGroups: return id ? "Rencana tidak berisi kelompok." : "The plan has no groups."
        case let .groupSize(group, count, minimum, maximum):
            let label = group.text(lang)
            return id ? "\(label): \(count) anggota; harus \(minimum)–\(maximum)." : "\(label): \(count) members; must be \(minimum)–\(maximum)."
        case let .groupOtherKecamatan(group):
            let label = group.text(lang)
            return id ? "\(label): ada anggota dari kecamatan lain." : "\(label): a member lives in another kecamatan."
        case let .groupIneligible(group):
            let label = group.text(lang)
            return id
                ? "\(label): ada anggota yang belum memenuhi syarat tanpa alasan tertulis."
                : "\(label): a member does not meet the requirements and has no written reason."
        case let .groupPersonTwice(group):
            let label = group.text(lang)
            return id ? "\(label): seseorang tercatat di dua kelompok." : "\(label): someone is in two groups."
        case let .familiesRepeated(count):
            return id
                ? "\(count) KK diwakili lebih dari satu anggota; satu KK hanya boleh satu anggota."
                : "\(count) families (KK) have more than one member; one member per family."
        case let .badTarget(groups): return id ? "Tulis nomor kelompok tujuan, 1–\(groups)." : "Write the number of the target group, 1–\(groups)."
        case let .badChoice(value): return id ? "Pilihan \"\(value)\" tidak dikenal." : "The choice \"\(value)\" is not known."
        case .stale:
            return id ? "Rencana ini sudah diubah orang lain; muat ulang lalu ulangi." : "Someone else changed this plan; reload and try again."
        }
    }
}

/// "Kelompok 3 (Anyaman purun)": a planned group as its problems name it.
public struct PlanGroupLabel: Equatable, Sendable {
    public var number: Int
    public var skill: String
    public func text(_ lang: Lang) -> String { "\(lang == .id ? "Kelompok" : "Group") \(number) (\(skill))" }
}

/// A rule an edit or the acceptance would break.
public struct PlanEditError: Error, Equatable, Sendable, LocalizedMessage {
    public var problem: PlanProblem
    public init(_ problem: PlanProblem) { self.problem = problem }
    public func message(_ lang: Lang) -> String { problem.message(lang) }
}

// MARK: - Operator edits

extension GroupPlan {
    private func groupIndex(_ id: UUID) throws(PlanEditError) -> Int {
        guard let index = groups.firstIndex(where: { $0.id == id }) else { throw PlanEditError(.groupNotInPlan) }
        return index
    }

    private func requireDraft() throws(PlanEditError) {
        guard status == .draft else { throw PlanEditError(.notDraft(status)) }
    }

    /// Moves a person (a member of another group, or someone left out) into `group`. Someone who
    /// fails an eligibility check needs `overrideReason`.
    public mutating func move(person: UUID, to group: UUID, overrideReason: String?, skillName: (String) -> String) throws(PlanEditError) {
        try requireDraft()
        let target = try groupIndex(group)
        var member: PlannedMember
        var source: (group: Int, member: Int)?
        var leftIndex: Int?
        if let g = groups.firstIndex(where: { $0.members.contains { $0.id == person } }) {
            let m = groups[g].members.firstIndex { $0.id == person }!
            if g == target { return }
            member = groups[g].members[m]
            source = (g, m)
        } else if let l = leftOut.firstIndex(where: { $0.id == person }) {
            let left = leftOut[l]
            member = PlannedMember(id: left.id, noKK: left.noKK, desa: left.desa, failedChecks: left.failedChecks, options: left.options)
            leftIndex = l
        } else {
            throw PlanEditError(.personNotInPlan)
        }
        let reason = overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !member.failedChecks.isEmpty && member.overrideReason == nil {
            guard !reason.isEmpty else {
                throw PlanEditError(.overrideReasonRequired)
            }
            member.overrideReason = reason
        }
        let destination = groups[target]
        guard member.desa.parent == destination.kecamatan else {
            throw PlanEditError(.otherKecamatan)
        }
        guard member.score(for: destination.skill) != nil else {
            throw PlanEditError(.skillNotRecommended(skillName(destination.skill)))
        }
        guard destination.members.count < rules.maximumSize else {
            throw PlanEditError(.groupFull(rules.maximumSize))
        }
        guard !destination.members.contains(where: { $0.noKK == member.noKK }) else {
            throw PlanEditError(.sameFamily)
        }
        if let source { groups[source.group].members.remove(at: source.member) }
        if let leftIndex { leftOut.remove(at: leftIndex) }
        groups[target].members.append(member)
    }

    /// Takes a person out of their group; they are listed as removed by the operator.
    public mutating func remove(person: UUID) throws(PlanEditError) {
        try requireDraft()
        guard let g = groups.firstIndex(where: { $0.members.contains { $0.id == person } }) else {
            throw PlanEditError(.notAMember)
        }
        let m = groups[g].members.firstIndex { $0.id == person }!
        leftOut.append(LeftOutPerson(groups[g].members.remove(at: m), .removedByOperator))
    }

    /// Dissolves a group; its members are listed as removed by the operator.
    public mutating func drop(group: UUID) throws(PlanEditError) {
        try requireDraft()
        let index = try groupIndex(group)
        leftOut += groups[index].members.map { LeftOutPerson($0, .removedByOperator) }
        groups.remove(at: index)
    }

    /// Moves every member of `source` into `target` (same business, same kecamatan, at most the maximum).
    public mutating func merge(_ source: UUID, into target: UUID) throws(PlanEditError) {
        try requireDraft()
        let from = try groupIndex(source)
        let to = try groupIndex(target)
        guard from != to else { throw PlanEditError(.sameGroup) }
        guard groups[from].skill == groups[to].skill else { throw PlanEditError(.differentSkills) }
        guard groups[from].kecamatan == groups[to].kecamatan else { throw PlanEditError(.differentKecamatan) }
        let total = groups[from].members.count + groups[to].members.count
        guard total <= rules.maximumSize else {
            throw PlanEditError(.mergedTooLarge(total: total, maximum: rules.maximumSize))
        }
        let families = Set(groups[to].members.map(\.noKK))
        guard !groups[from].members.contains(where: { families.contains($0.noKK) }) else {
            throw PlanEditError(.mergedSameFamily)
        }
        groups[to].members += groups[from].members
        groups.remove(at: from)
    }

    /// Every rule the plan breaks; empty when it may be accepted.
    public func acceptanceProblems(skillName: (String) -> String) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        if groups.isEmpty { problems.append(.noGroups) }
        var families: [String: Int] = [:]
        var people = Set<UUID>()
        for (number, group) in groups.enumerated() {
            let label = PlanGroupLabel(number: number + 1, skill: skillName(group.skill))
            if !(rules.minimumSize...rules.maximumSize).contains(group.members.count) {
                problems.append(.groupSize(label, count: group.members.count, minimum: rules.minimumSize, maximum: rules.maximumSize))
            }
            if group.members.contains(where: { $0.desa.parent != group.kecamatan }) {
                problems.append(.groupOtherKecamatan(label))
            }
            if group.members.contains(where: { !$0.failedChecks.isEmpty && ($0.overrideReason ?? "").isEmpty }) {
                problems.append(.groupIneligible(label))
            }
            for member in group.members {
                families[member.noKK, default: 0] += 1
                if !people.insert(member.id).inserted { problems.append(.groupPersonTwice(label)) }
            }
        }
        let repeated = families.filter { $0.value > 1 }.count
        if repeated > 0 { problems.append(.familiesRepeated(repeated)) }
        return problems
    }
}

/// Where plans are stored.
public protocol GroupPlanRepository: Sendable {
    func insert(_ plan: GroupPlan) async throws
    func find(id: UUID) async throws -> GroupPlan?
    /// Replaces the plan if its stored version is still `expectedVersion`; false when someone saved first.
    func update(_ plan: GroupPlan, expectedVersion: Int) async throws -> Bool
    /// Plans whose scope lies inside `scope` (all when `nil`), newest first, without members.
    func list(within scope: RegionCode?, limit: Int) async throws -> [GroupPlanSummary]
    /// People who are members of an accepted plan's groups.
    func peopleInAcceptedPlans(within scope: RegionCode?) async throws -> Set<UUID>
}

public struct GroupPlanSummary: Sendable, Equatable {
    public var id: UUID
    public var scope: RegionCode?
    public var status: GroupPlan.Status
    public var createdBy: String
    public var createdAt: Date
    public var groupCount: Int
    public var memberCount: Int
    public var leftOutCount: Int

    public init(
        id: UUID, scope: RegionCode?, status: GroupPlan.Status, createdBy: String, createdAt: Date, groupCount: Int,
        memberCount: Int, leftOutCount: Int
    ) {
        self.id = id
        self.scope = scope
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.groupCount = groupCount
        self.memberCount = memberCount
        self.leftOutCount = leftOutCount
    }
}
