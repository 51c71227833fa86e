import Foundation

/// Changes one beneficiary. The caller sends the version it read; if someone saved in the
/// meantime the change is refused (`staleVersion`) instead of silently overwriting theirs.
public struct UpdateBeneficiary: Sendable {
    public let repository: any BeneficiaryRepository
    public let validator: BeneficiaryRowValidator
    public let audit: any AuditLog
    public let clock: Clock

    public init(repository: any BeneficiaryRepository, validator: BeneficiaryRowValidator, audit: any AuditLog, clock: Clock) {
        self.repository = repository
        self.validator = validator
        self.audit = audit
        self.clock = clock
    }

    public func callAsFunction(_ id: UUID, _ form: BeneficiaryForm, version: Int, by actor: AuditActor) async throws -> Beneficiary {
        guard let before = try await repository.find(id: id) else { throw BeneficiaryError.notFound }
        guard before.version == version else { throw BeneficiaryError.staleVersion }
        let valid: BeneficiaryRowValidator.Valid
        switch validator.validate(line: 1, form.fields) {
        case let .failure(failure): throw BeneficiaryError.invalid(failure.problems)
        case let .success(value): valid = value
        }
        if valid.details.nik != before.details.nik, try await repository.find(nik: valid.details.nik) != nil {
            throw BeneficiaryError.nikTaken
        }
        var after = before
        after.details = valid.details
        after.warnings = valid.warnings
        after.status = form.status.flatMap(BeneficiaryStatus.init(rawValue:)) ?? before.status
        after.notes = form.notes?.nonBlank
        let changes = FieldChange.diff(before.auditFields, after.auditFields)
        guard !changes.isEmpty else { return before }
        after.version = before.version + 1
        after.updatedAt = clock.now()
        guard try await repository.update(after, expectedVersion: version) else { throw BeneficiaryError.staleVersion }
        try await audit.record(.update, by: actor, at: clock.now(), entity: "beneficiary", entityID: id.uuidString,
                               region: after.details.desa, changes: changes)
        return after
    }
}
