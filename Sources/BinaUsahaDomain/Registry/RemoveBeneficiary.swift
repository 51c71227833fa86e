import Foundation

/// Deletes a record entered by mistake, if nobody changed it since it was read and it is not
/// (and never was) a KUBE member: a member's record is part of the group's history. The
/// audit entry keeps every field's last value, so nothing is lost from the trail.
public struct RemoveBeneficiary: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    public func callAsFunction(_ id: UUID, version: Int, by actor: AuditActor) async throws {
        try await transactor.run { repositories in
            guard let beneficiary = try await repositories.beneficiaries.find(id: id) else { throw BeneficiaryError.notFound }
            guard beneficiary.version == version else { throw BeneficiaryError.staleVersion }
            if let group = try await repositories.groups.groups(of: id).first { throw BeneficiaryError.inGroup(group.id, name: group.name) }
            guard try await repositories.beneficiaries.delete(id: id, expectedVersion: version) else { throw BeneficiaryError.staleVersion }
            try await repositories.audit.record(
                .delete, by: actor, at: clock.now(), entity: "beneficiary", entityID: id.uuidString,
                region: beneficiary.details.desa, changes: FieldChange.diff(beneficiary.auditFields, [:]))
        }
    }
}
