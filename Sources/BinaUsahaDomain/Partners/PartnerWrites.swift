import Foundation

/// The writes of partnerships: a partner, the accounts that act for it, its commitments and
/// what it delivered. Each checks role and region, runs in one unit of work with its audit record.
public struct PartnerWrites: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    /// A partner working in kab/kota inside the writer's region.
    public func createPartner(_ partner: Partner, by principal: Principal) async throws -> Partner {
        let now = clock.now()
        guard principal.may(.managePartners) else { throw GroupWriteError.forbidden }
        var partner = partner
        partner.name = TextFolding.trim(partner.name)
        partner.contactName = TextFolding.trim(partner.contactName)
        partner.contactPhone = partner.contactPhone.filter { !$0.isWhitespace && $0 != "-" }
        partner.email = TextFolding.trim(partner.email)
        partner.regions = Array(Set(partner.regions)).sorted()
        partner.accounts = []
        partner.version = 1
        var problems = partner.problems()
        if partner.regions.contains(where: { !principal.covers($0) }) { problems.append(.regionOutside) }
        guard problems.isEmpty else { throw PartnerRuleError(problems) }
        let partnerToSave = partner
        return try await transactor.run { repositories in
            let partner = partnerToSave
            try await repositories.partners.insert(partner)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "partner", entityID: partner.id.uuidString,
                region: partner.regions.count == 1 ? partner.regions.first : nil,
                changes: [
                    FieldChange(field: "name", before: nil, after: partner.name),
                    FieldChange(field: "kind", before: nil, after: partner.kind.rawValue),
                    FieldChange(field: "region", before: nil, after: partner.regions.map(\.rawValue).joined(separator: ";")),
                ])
            return partner
        }
    }

    /// Lets a `mitra` account act for a partner (the admin's decision).
    public func linkAccount(_ user: UUID, to partnerID: UUID, version: Int, by principal: Principal) async throws -> Partner {
        let now = clock.now()
        guard principal.may(.manageUsers) else { throw GroupWriteError.forbidden }
        return try await transactor.run { repositories in
            guard var partner = try await repositories.partners.find(partner: partnerID) else { throw GroupWriteError.notFound }
            guard partner.version == version else { throw GroupWriteError.stale }
            guard let account = try await repositories.users.find(id: user), account.role == .mitra else {
                throw PartnerRuleError(.notAMitraAccount)
            }
            guard !partner.accounts.contains(user) else { return partner }
            partner.accounts.append(user)
            guard try await repositories.partners.update(partner, expectedVersion: version) else { throw GroupWriteError.stale }
            partner.version = version + 1
            try await repositories.audit.record(
                .update, by: AuditActor(principal), at: now, entity: "partner", entityID: partner.id.uuidString, region: nil,
                changes: [FieldChange(field: "username", before: nil, after: account.username)])
            return partner
        }
    }

    /// A commitment of a partner in one of its kab/kota, inside the writer's region, for groups
    /// of that kab/kota.
    public func recordCommitment(_ commitment: Commitment, by principal: Principal) async throws -> Commitment {
        let now = clock.now()
        guard principal.may(.managePartners) else { throw GroupWriteError.forbidden }
        var commitment = commitment
        commitment.description = TextFolding.trim(commitment.description)
        commitment.groups = Array(Set(commitment.groups)).sorted { $0.uuidString < $1.uuidString }
        commitment.version = 1
        let input = commitment
        return try await transactor.run { repositories in
            guard let partner = try await repositories.partners.find(partner: input.partner) else { throw GroupWriteError.notFound }
            guard principal.covers(input.kabupatenKota) else { throw PartnerRuleError(.regionOutside) }
            var problems = input.problems()
            if !partner.regions.contains(input.kabupatenKota) { problems.append(.kabkotaNotServed) }
            for id in input.groups {
                guard let group = try await repositories.groups.find(id: id), input.kabupatenKota.contains(group.desa), group.status != .bubar else {
                    problems.append(.groupOutsideKabkota)
                    break
                }
            }
            if let programme = input.programme {
                if try await repositories.coaching.find(programme: programme)?.kabupatenKota != input.kabupatenKota {
                    problems.append(.programmeOtherKabkota)
                }
            }
            guard problems.isEmpty else { throw PartnerRuleError(problems) }
            try await repositories.partners.insert(input)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "commitment", entityID: input.id.uuidString, region: input.kabupatenKota,
                changes: [
                    FieldChange(field: "type", before: nil, after: input.type.rawValue),
                    FieldChange(field: "amount", before: nil, after: String(input.value.amount)),
                    FieldChange(field: "groups", before: nil, after: String(input.groups.count)),
                ], note: "mitra \(partner.name)")
            return input
        }
    }

    /// Part of a commitment delivered. The total delivered never exceeds what was promised:
    /// the commitment's version is claimed first, so a second realisation at the same moment
    /// waits its turn and is checked against the first (or gets "stale").
    public func recordRealisation(
        of commitmentID: UUID, date: CivilDate, value: Rupiah, note: String, by principal: Principal
    ) async throws -> Realisation {
        let now = clock.now()
        guard principal.may(.managePartners) else { throw GroupWriteError.forbidden }
        return try await transactor.run { repositories in
            guard let commitment = try await repositories.partners.find(commitment: commitmentID), principal.covers(commitment.kabupatenKota)
            else { throw GroupWriteError.notFound }
            guard try await repositories.partners.claim(commitment.id, expectedVersion: commitment.version) else { throw GroupWriteError.stale }
            let delivered =
                try await repositories.partners.commitments(ofPartner: commitment.partner).first { $0.commitment.id == commitment.id }?.realised
                ?? Rupiah(0)
            var problems: [PartnerProblem] = []
            if value.amount <= 0 { problems.append(.valueRequired) }
            if date > CivilDate(now) { problems.append(.realisationInFuture) }
            if date < commitment.startsOn { problems.append(.realisationBeforeStart(commitment.startsOn)) }
            let outstanding = Rupiah(commitment.value.amount - delivered.amount)
            if value > outstanding { problems.append(.realisationExceeds(outstanding: outstanding)) }
            if note.count > 300 { problems.append(.textTooLong) }
            guard problems.isEmpty else { throw PartnerRuleError(problems) }
            let realisation = Realisation(
                commitment: commitment.id, date: date, value: value, note: TextFolding.trim(note), recordedBy: principal.username)
            try await repositories.partners.insert(realisation)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "realisation", entityID: realisation.id.uuidString,
                region: commitment.kabupatenKota,
                changes: [FieldChange(field: "amount", before: nil, after: String(value.amount))],
                note: "komitmen \(commitment.id.uuidString.prefix(8))")
            return realisation
        }
    }
}
