import Foundation

/// The group rules, checked on every change of an active group and before activation.
public enum GroupRules {
    public static let minimumMembers = 5
    public static let maximumMembers = 20

    /// Every rule an *active* group must keep. A draft may break the size and officer rules,
    /// never the kecamatan, KK and one-group rules (checked on every change by `memberProblems`).
    public static func activationProblems(_ group: KUBEGroup) -> [GroupProblem] {
        var problems = memberProblems(group)
        let active = group.activeMembers
        if !(minimumMembers...maximumMembers).contains(active.count) {
            problems.append(.activeSize(minimum: minimumMembers, maximum: maximumMembers, now: active.count))
        }
        for role in MemberRole.officers {
            let count = active.filter { $0.role == role }.count
            if count == 0 { problems.append(.officerMissing(role)) }
            if count > 1 { problems.append(.officerRepeated(role, count: count)) }
        }
        return problems
    }

    /// Rules every group keeps, draft or active: one kecamatan, one member per KK, one
    /// officer of each kind.
    public static func memberProblems(_ group: KUBEGroup) -> [GroupProblem] {
        var problems: [GroupProblem] = []
        let active = group.activeMembers
        if active.contains(where: { $0.desa.parent != group.kecamatan }) {
            problems.append(.memberOutsideKecamatan)
        }
        let families = Dictionary(grouping: active, by: \.noKK).filter { $0.value.count > 1 }
        if !families.isEmpty { problems.append(.familyRepeated(families: families.count)) }
        for role in MemberRole.officers where active.filter({ $0.role == role }).count > 1 {
            problems.append(.officerRepeated(role, count: nil))
        }
        return problems
    }

    /// Checks a whole group after a change: always the member rules, the activation rules too
    /// when the group is active.
    public static func check(_ group: KUBEGroup) throws(GroupRuleError) {
        let problems = group.status == .aktif ? activationProblems(group) : memberProblems(group)
        if !problems.isEmpty { throw GroupRuleError(problems) }
    }
}

extension KUBEGroup {
    /// Adds a person; `activeElsewhere` says whether they are active in another KUBE.
    public mutating func add(_ member: Membership, activeElsewhere: Bool) throws(GroupRuleError) {
        guard status != .bubar else { throw GroupRuleError(.dissolved) }
        guard !activeElsewhere else { throw GroupRuleError(.activeElsewhere) }
        guard !activeMembers.contains(where: { $0.beneficiary == member.beneficiary }) else {
            throw GroupRuleError(.alreadyMember)
        }
        var changed = self
        changed.members.append(member)
        try GroupRules.check(changed)
        self = changed
    }

    /// Records that a member left, with the date and reason. `checkingRules: false` is for
    /// dissolving, when every member leaves and the group stops being a KUBE.
    public mutating func leave(_ beneficiary: UUID, on date: CivilDate, reason: String, checkingRules: Bool = true) throws(GroupRuleError) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw GroupRuleError(.leaveReasonRequired) }
        guard let index = members.firstIndex(where: { $0.beneficiary == beneficiary && $0.isActive }) else {
            throw GroupRuleError(.notActiveMember)
        }
        guard date >= members[index].joinedOn else { throw GroupRuleError(.leaveBeforeJoining) }
        var changed = self
        changed.members[index].leftOn = date
        changed.members[index].leaveReason = reason
        changed.members[index].role = .anggota
        if checkingRules { try GroupRules.check(changed) }
        self = changed
    }

    /// Sets every active member's role at once (ketua, sekretaris, bendahara, anggota).
    public mutating func assignRoles(_ roles: [UUID: MemberRole]) throws(GroupRuleError) {
        var changed = self
        for index in changed.members.indices where changed.members[index].isActive {
            if let role = roles[changed.members[index].beneficiary] { changed.members[index].role = role }
        }
        try GroupRules.check(changed)
        self = changed
    }

    /// Draft → aktif, when every rule holds.
    public mutating func activate(on date: CivilDate) throws(GroupRuleError) {
        guard status == .draft else { throw GroupRuleError(.onlyDraftActivates) }
        var changed = self
        changed.status = .aktif
        if changed.formedOn == nil { changed.formedOn = date }
        try GroupRules.check(changed)
        self = changed
    }

    /// Moves the group to another stage with the checklist that supports it. Moving up needs
    /// the indicators of the current stage; a reason is always written.
    public mutating func changeStage(
        to stage: KUBEStage, checklist: Set<StageIndicator>, reason: String, by: String, at: Date
    )
        throws(GroupRuleError) -> StageChange
    {
        guard status == .aktif else { throw GroupRuleError(.stageOnlyActive) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw GroupRuleError(.stageReasonRequired) }
        if stage > self.stage {
            let missing = self.stage.indicators.filter { !checklist.contains($0) }
            if !missing.isEmpty {
                throw GroupRuleError(.stageIndicatorsMissing(to: stage, from: self.stage, missing: missing))
            }
            if stage == .maju {
                let developing = KUBEStage.berkembang.indicators.filter { !checklist.contains($0) }
                if !developing.isEmpty {
                    throw GroupRuleError(.developingIndicatorsMissing(developing))
                }
            }
        }
        let change = StageChange(group: id, from: self.stage, to: stage, at: at, by: by, reason: reason, checklist: checklist)
        self.stage = stage
        self.checklist = checklist
        return change
    }
}

/// Where groups are stored.
public protocol GroupRepository: Sendable {
    func insert(_ group: KUBEGroup) async throws
    func find(id: UUID) async throws -> KUBEGroup?
    /// Saves if the stored version is still `expectedVersion`; false when someone saved first.
    func update(_ group: KUBEGroup, expectedVersion: Int) async throws -> Bool
    func list(within scope: RegionCode?, pendamping: UUID?) async throws -> [KUBEGroup]
    /// Every group a person is or was a member of.
    func groups(of beneficiary: UUID) async throws -> [KUBEGroup]
    /// The active group a person is an active member of, if any.
    func activeGroup(of beneficiary: UUID) async throws -> UUID?
    /// People who are active members of a group that is not dissolved, inside `scope`.
    func activeMembers(within scope: RegionCode?) async throws -> Set<UUID>
    func record(_ change: StageChange) async throws
    func stageHistory(of group: UUID) async throws -> [StageChange]
}
