import Foundation

/// Why a change to a group was not made, besides a broken rule (`GroupRuleError`).
public enum GroupWriteError: Error, Equatable, Sendable {
    /// No such group inside the writer's region (answered as "not found": existence does not leak).
    case notFound
    /// Someone saved the group since the writer read it.
    case stale
    /// The writer sees the record but may not make this change (a pendamping and a group not
    /// assigned to them).
    case forbidden
}

/// The writes to one KUBE group. Each runs in one unit of work: the group is read inside the
/// writer's region, the change is checked against the Permensos 2/2019 rules, the group is
/// saved if nobody saved it first, members' register status follows their membership
/// (*aktif* while an active member of an active group, *keluar* after leaving), and the
/// audit record is written — all of it, or nothing.
public struct GroupChanges: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    /// Name, SK number and pendamping (a pendamping account whose region holds the group's kecamatan).
    public func changeDetails(
        _ id: UUID, name: String, decreeNumber: String, pendamping: UUID?, version: Int, by principal: Principal
    )
        async throws -> KUBEGroup
    {
        try await change(id, version: version, by: principal, note: "details") { group, repositories in
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw GroupRuleError(.nameRequired) }
            guard name.count <= 150, decreeNumber.count <= 100 else { throw GroupRuleError(.nameTooLong) }
            group.name = name
            group.decreeNumber = decreeNumber.trimmingCharacters(in: .whitespacesAndNewlines)
            if let pendamping {
                guard try await Self.pendampingUsers(for: group, repositories).contains(where: { $0.id == pendamping }) else {
                    throw GroupRuleError(.badPendamping)
                }
            }
            group.pendamping = pendamping
            return nil
        }
    }

    /// Adds the person with this NIK (inside the writer's region, in the group's kecamatan,
    /// not active in another KUBE).
    public func addMember(_ id: UUID, nik: String, version: Int, by principal: Principal) async throws -> KUBEGroup {
        let today = CivilDate(clock.now())
        return try await change(id, version: version, by: principal, note: "add") { group, repositories in
            guard let person = try await repositories.beneficiaries.find(nik: TextFolding.trim(nik)), principal.covers(person.details.desa) else {
                throw GroupRuleError(.nikNotInRegion)
            }
            let elsewhere = try await repositories.groups.activeGroup(of: person.id).map { $0 != group.id } ?? false
            try group.add(
                Membership(beneficiary: person.id, noKK: person.details.noKK, desa: person.details.desa, joinedOn: today),
                activeElsewhere: elsewhere)
            return nil
        }
    }

    /// Sets every active member's role at once (the members' own choice, recorded).
    public func changeOfficers(_ id: UUID, roles: [UUID: MemberRole], version: Int, by principal: Principal) async throws -> KUBEGroup {
        try await change(id, version: version, by: principal, note: "roles") { group, _ in
            try group.assignRoles(roles)
            return nil
        }
    }

    /// A member leaves, with the date (today when not given; never in the future) and reason.
    public func recordLeave(
        _ id: UUID, member: UUID, on date: CivilDate?, reason: String, version: Int, by principal: Principal
    )
        async throws -> KUBEGroup
    {
        let today = CivilDate(clock.now())
        return try await change(id, version: version, by: principal, note: "leave") { group, _ in
            let date = date ?? today
            guard date <= today else { throw GroupRuleError(.leaveInFuture) }
            try group.leave(member, on: date, reason: reason)
            return nil
        }
    }

    /// Draft → aktif when every rule holds and no member is active in another KUBE.
    public func activate(_ id: UUID, version: Int, by principal: Principal) async throws -> KUBEGroup {
        let today = CivilDate(clock.now())
        return try await change(id, version: version, by: principal, note: "activate") { group, repositories in
            try group.activate(on: today)
            for member in group.activeMembers where try await repositories.groups.activeGroup(of: member.beneficiary).map({ $0 != group.id }) == true
            {
                throw GroupRuleError(.someoneActiveElsewhere)
            }
            return nil
        }
    }

    /// Moves an active group to another stage with the checklist that supports it.
    public func changeStage(
        _ id: UUID, to stage: KUBEStage, checklist: Set<StageIndicator>, reason: String, version: Int,
        by principal: Principal
    ) async throws -> KUBEGroup {
        let now = clock.now()
        return try await change(id, version: version, by: principal, note: "stage") { group, _ in
            try group.changeStage(to: stage, checklist: checklist, reason: reason, by: principal.username, at: now)
        }
    }

    /// Dissolves a group: every active member leaves today with the reason; the history stays.
    public func dissolve(_ id: UUID, reason: String, version: Int, by principal: Principal) async throws -> KUBEGroup {
        let today = CivilDate(clock.now())
        return try await change(id, version: version, by: principal, note: "dissolve") { group, _ in
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw GroupRuleError(.dissolveReasonRequired) }
            guard group.status != .bubar else { throw GroupRuleError(.dissolved) }
            for member in group.activeMembers { try group.leave(member.beneficiary, on: today, reason: reason, checkingRules: false) }
            group.status = .bubar
            return nil
        }
    }

    /// Pendamping accounts whose region holds the group's kecamatan.
    public static func pendampingUsers(for group: KUBEGroup, _ repositories: Repositories) async throws -> [User] {
        try await repositories.users.all().filter { $0.role == .pendamping && $0.isActive && ($0.region?.contains(group.kecamatan) ?? true) }
    }

    // MARK: - The shared path of every change

    private func change(
        _ id: UUID, version: Int, by principal: Principal, note: String,
        _ apply: @escaping @Sendable (inout KUBEGroup, Repositories) async throws -> StageChange?
    ) async throws -> KUBEGroup {
        let now = clock.now()
        return try await transactor.run { repositories in
            guard let before = try await repositories.groups.find(id: id), principal.covers(before.desa) else { throw GroupWriteError.notFound }
            guard before.version == version else { throw GroupWriteError.stale }
            var group = before
            let stageChange = try await apply(&group, repositories)
            guard try await repositories.groups.update(group, expectedVersion: version) else { throw GroupWriteError.stale }
            group.version = version + 1
            if let stageChange { try await repositories.groups.record(stageChange) }
            try await Self.followMembership(before: before, after: group, repositories, actor: AuditActor(principal), at: now)
            try await repositories.audit.record(
                .update, by: AuditActor(principal), at: now, entity: "kube_group", entityID: group.id.uuidString,
                region: group.desa, changes: Self.changes(from: before, to: group), note: note)
            return group
        }
    }

    /// Sets the register status of the people whose active membership this change began or
    /// ended: *aktif* on joining an active group, *keluar* on leaving it (one audit entry each).
    static func followMembership(
        before: KUBEGroup?, after: KUBEGroup, _ repositories: Repositories, actor: AuditActor, at now: Date
    )
        async throws
    {
        func active(_ group: KUBEGroup?) -> Set<UUID> {
            guard let group, group.status == .aktif else { return [] }
            return Set(group.activeMembers.map(\.beneficiary))
        }
        let was = active(before)
        let isNow = active(after)
        let changes = isNow.subtracting(was).map { ($0, BeneficiaryStatus.aktif) } + was.subtracting(isNow).map { ($0, BeneficiaryStatus.keluar) }
        for (id, status) in changes.sorted(by: { $0.0.uuidString < $1.0.uuidString }) {
            guard var person = try await repositories.beneficiaries.find(id: id), person.status != status else { continue }
            // Someone who graduated (mandiri) keeps that status when their group winds down.
            if status == .keluar, person.status != .aktif { continue }
            let old = person.status
            person.status = status
            person.version += 1
            person.updatedAt = now
            guard try await repositories.beneficiaries.update(person, expectedVersion: person.version - 1) else { throw WriteConflict.stale }
            try await repositories.audit.record(
                .update, by: actor, at: now, entity: "beneficiary", entityID: id.uuidString, region: person.details.desa,
                changes: [FieldChange(field: "status", before: old.rawValue, after: status.rawValue)],
                note: "mengikuti keanggotaan \(after.name)")
        }
    }

    /// What the audit trail records of a group.
    static func fields(_ g: KUBEGroup?) -> [String: String?] {
        guard let g else { return [:] }
        return [
            "name": g.name, "status": g.status.rawValue, "stage": g.stage.rawValue, "decree_number": g.decreeNumber,
            "pendamping": g.pendamping?.uuidString ?? "", "checklist": g.checklist.sorted().map(\.rawValue).joined(separator: ";"),
            "active_members": String(g.activeMembers.count),
            "members": g.activeMembers.map { $0.beneficiary.uuidString.prefix(8) }.sorted().joined(separator: ","),
            "officers": g.activeMembers.filter { $0.role != .anggota }.map { "\($0.role.rawValue):\($0.beneficiary.uuidString.prefix(8))" }
                .sorted().joined(separator: ","),
        ]
    }

    public static func changes(from before: KUBEGroup?, to after: KUBEGroup) -> [FieldChange] {
        FieldChange.diff(fields(before), fields(after))
    }
}
