import Foundation

/// Creates one beneficiary from a form: same rules as an import row, NIK unique, inside the
/// user's region; stored with its audit record in one transaction.
public struct RegisterBeneficiary: Sendable {
    public let transactor: any Transactor
    public let validator: BeneficiaryRowValidator
    public let clock: Clock

    public init(transactor: any Transactor, validator: BeneficiaryRowValidator, clock: Clock) {
        self.transactor = transactor
        self.validator = validator
        self.clock = clock
    }

    public func callAsFunction(_ form: BeneficiaryForm, by actor: AuditActor) async throws -> Beneficiary {
        let valid: BeneficiaryRowValidator.Valid
        switch validator.validate(line: 1, form.fields) {
        case let .failure(failure): throw BeneficiaryError.invalid(failure.problems)
        case let .success(value): valid = value
        }
        let status = try BeneficiaryStatus.chosen(form.status, isActiveMember: false) ?? .calon
        let now = clock.now()
        let beneficiary = Beneficiary(
            details: valid.details, status: status, notes: form.notes?.nonBlank, warnings: valid.warnings,
            createdAt: now, updatedAt: now)
        do {
            try await transactor.run { repositories in
                // The same answer whether the NIK is in the caller's region or not.
                guard try await repositories.beneficiaries.find(nik: valid.details.nik) == nil else { throw BeneficiaryError.nikTaken }
                try await repositories.beneficiaries.save(inserting: [beneficiary], updating: [])
                try await repositories.audit.record(
                    .create, by: actor, at: now, entity: "beneficiary", entityID: beneficiary.id.uuidString,
                    region: beneficiary.details.desa, changes: FieldChange.diff([:], beneficiary.auditFields))
            }
        } catch WriteConflict.duplicate {
            throw BeneficiaryError.nikTaken
        }
        return beneficiary
    }
}

extension BeneficiaryStatus {
    /// The status a form asks for, checked against KUBE membership: *aktif* is exactly "an
    /// active member of an active KUBE", so it follows the group and cannot be typed in.
    /// `nil` when the form does not name one.
    static func chosen(_ text: String?, isActiveMember: Bool) throws(BeneficiaryError) -> BeneficiaryStatus? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let status = BeneficiaryStatus(rawValue: text) else { throw .badStatus(text) }
        if isActiveMember, status != .aktif { throw .statusFollowsGroup }
        if !isActiveMember, status == .aktif { throw .statusFollowsGroup }
        return status
    }
}

extension String {
    var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
