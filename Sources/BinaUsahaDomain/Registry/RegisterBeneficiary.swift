import Foundation

/// Creates one beneficiary from a form: same rules as an import row, NIK unique, inside the
/// user's region; audited.
public struct RegisterBeneficiary: Sendable {
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

    public func callAsFunction(_ form: BeneficiaryForm, by actor: AuditActor) async throws -> Beneficiary {
        let valid: BeneficiaryRowValidator.Valid
        switch validator.validate(line: 1, form.fields) {
        case let .failure(failure): throw BeneficiaryError.invalid(failure.problems)
        case let .success(value): valid = value
        }
        guard try await repository.find(nik: valid.details.nik) == nil else { throw BeneficiaryError.nikTaken }
        let now = clock.now()
        let beneficiary = Beneficiary(details: valid.details, status: form.status.flatMap(BeneficiaryStatus.init(rawValue:)) ?? .calon,
                                      notes: form.notes?.nonBlank, warnings: valid.warnings, createdAt: now, updatedAt: now)
        try await repository.save(inserting: [beneficiary], updating: [])
        try await audit.record(.create, by: actor, at: now, entity: "beneficiary", entityID: beneficiary.id.uuidString,
                               region: beneficiary.details.desa, changes: FieldChange.diff([:], beneficiary.auditFields))
        return beneficiary
    }
}

extension String {
    var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
