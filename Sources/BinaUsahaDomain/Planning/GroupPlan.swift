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

    public init(id: UUID = UUID(), scope: RegionCode?, rules: PlanningRules, status: Status = .draft, createdBy: String, createdAt: Date,
                decidedBy: String? = nil, decidedAt: Date? = nil, version: Int = 1, groups: [PlannedGroup], leftOut: [LeftOutPerson]) {
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

/// A rule an edit or the acceptance would break, in Indonesian.
public struct PlanEditError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

// MARK: - Operator edits

extension GroupPlan {
    private func groupIndex(_ id: UUID) throws(PlanEditError) -> Int {
        guard let index = groups.firstIndex(where: { $0.id == id }) else { throw PlanEditError("Kelompok tidak ditemukan dalam rencana ini.") }
        return index
    }

    private func requireDraft() throws(PlanEditError) {
        guard status == .draft else { throw PlanEditError("Rencana ini sudah \(status.label(.id).lowercased()); tidak bisa diubah lagi.") }
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
            throw PlanEditError("Orang ini tidak ada dalam rencana.")
        }
        let reason = overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !member.failedChecks.isEmpty && member.overrideReason == nil {
            guard !reason.isEmpty else {
                throw PlanEditError("Orang ini belum memenuhi syarat KUBE; tuliskan alasan untuk tetap mengikutkannya.")
            }
            member.overrideReason = reason
        }
        let destination = groups[target]
        guard member.desa.parent == destination.kecamatan else {
            throw PlanEditError("Anggota KUBE harus tinggal di kecamatan yang sama dengan kelompoknya.")
        }
        guard member.score(for: destination.skill) != nil else {
            throw PlanEditError("\(skillName(destination.skill)) tidak termasuk keterampilan yang direkomendasikan untuk orang ini.")
        }
        guard destination.members.count < rules.maximumSize else {
            throw PlanEditError("Kelompok sudah berisi \(rules.maximumSize) anggota, batas terbanyak.")
        }
        guard !destination.members.contains(where: { $0.noKK == member.noKK }) else {
            throw PlanEditError("Kelompok ini sudah memiliki anggota dari KK yang sama.")
        }
        if let source { groups[source.group].members.remove(at: source.member) }
        if let leftIndex { leftOut.remove(at: leftIndex) }
        groups[target].members.append(member)
    }

    /// Takes a person out of their group; they are listed as removed by the operator.
    public mutating func remove(person: UUID) throws(PlanEditError) {
        try requireDraft()
        guard let g = groups.firstIndex(where: { $0.members.contains { $0.id == person } }) else {
            throw PlanEditError("Orang ini bukan anggota kelompok mana pun dalam rencana.")
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
        guard from != to else { throw PlanEditError("Pilih dua kelompok yang berbeda untuk digabung.") }
        guard groups[from].skill == groups[to].skill else { throw PlanEditError("Hanya kelompok dengan jenis usaha yang sama yang bisa digabung.") }
        guard groups[from].kecamatan == groups[to].kecamatan else { throw PlanEditError("Hanya kelompok di kecamatan yang sama yang bisa digabung.") }
        let total = groups[from].members.count + groups[to].members.count
        guard total <= rules.maximumSize else {
            throw PlanEditError("Gabungan akan berisi \(total) anggota; batas terbanyak \(rules.maximumSize).")
        }
        let families = Set(groups[to].members.map(\.noKK))
        guard !groups[from].members.contains(where: { families.contains($0.noKK) }) else {
            throw PlanEditError("Gabungan akan berisi dua anggota dari KK yang sama.")
        }
        groups[to].members += groups[from].members
        groups.remove(at: from)
    }

    /// Every rule the plan breaks, in Indonesian; empty when it may be accepted.
    public func acceptanceProblems(skillName: (String) -> String) -> [String] {
        var problems: [String] = []
        if groups.isEmpty { problems.append("Rencana tidak berisi kelompok.") }
        var families: [String: Int] = [:]
        var people = Set<UUID>()
        for (number, group) in groups.enumerated() {
            let label = "Kelompok \(number + 1) (\(skillName(group.skill)))"
            if !(rules.minimumSize...rules.maximumSize).contains(group.members.count) {
                problems.append("\(label): \(group.members.count) anggota; harus \(rules.minimumSize)–\(rules.maximumSize).")
            }
            if group.members.contains(where: { $0.desa.parent != group.kecamatan }) {
                problems.append("\(label): ada anggota dari kecamatan lain.")
            }
            if group.members.contains(where: { !$0.failedChecks.isEmpty && ($0.overrideReason ?? "").isEmpty }) {
                problems.append("\(label): ada anggota yang belum memenuhi syarat tanpa alasan tertulis.")
            }
            for member in group.members {
                families[member.noKK, default: 0] += 1
                if !people.insert(member.id).inserted { problems.append("\(label): seseorang tercatat di dua kelompok.") }
            }
        }
        let repeated = families.filter { $0.value > 1 }.count
        if repeated > 0 { problems.append("\(repeated) KK diwakili lebih dari satu anggota; satu KK hanya boleh satu anggota.") }
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

    public init(id: UUID, scope: RegionCode?, status: GroupPlan.Status, createdBy: String, createdAt: Date, groupCount: Int,
                memberCount: Int, leftOutCount: Int) {
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
