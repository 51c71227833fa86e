import Foundation

/// Changes one beneficiary. The caller sends the version it read; if someone saved in the
/// meantime the change is refused (`staleVersion`) instead of silently overwriting theirs.
/// Read, check, write and audit happen in one transaction.
public struct UpdateBeneficiary: Sendable {
    public let transactor: any Transactor
    public let validator: BeneficiaryRowValidator
    public let clock: Clock

    public init(transactor: any Transactor, validator: BeneficiaryRowValidator, clock: Clock) {
        self.transactor = transactor
        self.validator = validator
        self.clock = clock
    }

    public func callAsFunction(_ id: UUID, _ form: BeneficiaryForm, version: Int, by actor: AuditActor) async throws -> Beneficiary {
        let valid: BeneficiaryRowValidator.Valid
        switch validator.validate(line: 1, form.fields) {
        case let .failure(failure): throw BeneficiaryError.invalid(failure.problems)
        case let .success(value): valid = value
        }
        let now = clock.now()
        do {
            return try await transactor.run { repositories in
                guard let before = try await repositories.beneficiaries.find(id: id) else { throw BeneficiaryError.notFound }
                guard before.version == version else { throw BeneficiaryError.staleVersion }
                if valid.details.nik != before.details.nik, try await repositories.beneficiaries.find(nik: valid.details.nik) != nil {
                    throw BeneficiaryError.nikTaken
                }
                let isMember = try await repositories.groups.activeGroup(of: id) != nil
                var after = before
                after.details = valid.details
                after.warnings = valid.warnings
                after.status = try BeneficiaryStatus.chosen(form.status, isActiveMember: isMember) ?? before.status
                after.notes = form.notes?.nonBlank
                let changes = FieldChange.diff(before.auditFields, after.auditFields)
                guard !changes.isEmpty else { return before }
                after.version = before.version + 1
                after.updatedAt = now
                guard try await repositories.beneficiaries.update(after, expectedVersion: version) else { throw BeneficiaryError.staleVersion }
                try await repositories.audit.record(
                    .update, by: actor, at: now, entity: "beneficiary", entityID: id.uuidString,
                    region: after.details.desa, changes: changes)
                return after
            }
        } catch WriteConflict.duplicate {
            throw BeneficiaryError.nikTaken
        }
    }
}
