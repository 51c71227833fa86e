import Foundation

/// Deletes a record entered by mistake. The audit entry keeps every field's last value, so
/// nothing is lost from the trail.
public struct RemoveBeneficiary: Sendable {
    public let repository: any BeneficiaryRepository
    public let audit: any AuditLog
    public let clock: Clock

    public init(repository: any BeneficiaryRepository, audit: any AuditLog, clock: Clock) {
        self.repository = repository
        self.audit = audit
        self.clock = clock
    }

    public func callAsFunction(_ beneficiary: Beneficiary, by actor: AuditActor) async throws {
        try await repository.delete(id: beneficiary.id)
        try await audit.record(.delete, by: actor, at: clock.now(), entity: "beneficiary", entityID: beneficiary.id.uuidString,
                               region: beneficiary.details.desa, changes: FieldChange.diff(beneficiary.auditFields, [:]))
    }
}
