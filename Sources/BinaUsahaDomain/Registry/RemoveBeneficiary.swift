import Foundation

/// Deletes a record entered by mistake, with a reason, if nobody changed it since it was read
/// and it is not (and never was) a KUBE member: a member's record is part of the group's
/// history. The record moves to the "Dihapus" list, restorable for 30 days
/// (`RestoreBeneficiary`); the audit entry keeps the reason and every field's last value.
public struct RemoveBeneficiary: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    public func callAsFunction(_ id: UUID, version: Int, reason: String?, by actor: AuditActor) async throws {
        guard let reason = DeletedBeneficiary.validReason(reason) else { throw BeneficiaryError.reasonRequired }
        let now = clock.now()
        try await transactor.run { repositories in
            guard let beneficiary = try await repositories.beneficiaries.find(id: id) else { throw BeneficiaryError.notFound }
            guard beneficiary.version == version else { throw BeneficiaryError.staleVersion }
            if let group = try await repositories.groups.groups(of: id).first { throw BeneficiaryError.inGroup(group.id, name: group.name) }
            let deleted = DeletedBeneficiary(beneficiary: beneficiary, reason: reason, deletedAt: now, deletedBy: actor.name)
            guard try await repositories.beneficiaries.moveToDeleted(deleted, expectedVersion: version) else {
                throw BeneficiaryError.staleVersion
            }
            _ = try await repositories.beneficiaries.eraseDeleted(before: now.addingTimeInterval(-DeletedBeneficiary.keptFor))
            try await repositories.audit.record(
                .delete, by: actor, at: now, entity: "beneficiary", entityID: id.uuidString, region: beneficiary.details.desa,
                changes: FieldChange.diff(beneficiary.auditFields, [:]) + [FieldChange(field: "alasan", before: nil, after: reason)])
        }
    }
}

/// Puts a deleted person back in the register within 30 days, under the same id and with the
/// next version, unless their NIK was registered again meanwhile (then the new record stands
/// and the operator decides which to keep).
public struct RestoreBeneficiary: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    @discardableResult
    public func callAsFunction(_ id: UUID, by actor: AuditActor) async throws -> Beneficiary {
        let now = clock.now()
        return try await transactor.run { repositories in
            guard let deleted = try await repositories.beneficiaries.deleted(id: id), deleted.restorableUntil > now else {
                throw BeneficiaryError.notRestorable
            }
            guard try await repositories.beneficiaries.find(nik: deleted.beneficiary.details.nik) == nil else {
                throw BeneficiaryError.nikTaken
            }
            var restored = deleted.beneficiary
            restored.version += 1
            restored.updatedAt = now
            guard try await repositories.beneficiaries.moveBack(restored) else { throw BeneficiaryError.notRestorable }
            try await repositories.audit.record(
                .undelete, by: actor, at: now, entity: "beneficiary", entityID: id.uuidString, region: restored.details.desa,
                changes: FieldChange.diff([:], restored.auditFields) + [FieldChange(field: "alasan", before: deleted.reason, after: nil)])
            return restored
        }
    }
}
