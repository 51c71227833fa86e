import Foundation

/// The writes of outcomes: a follow-up assessment, the confirmation of a graduation the rule
/// proposes, and the rule itself. One unit of work each, with its audit record.
public struct OutcomeWrites: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    /// An assessment of a person inside the writer's region by field staff.
    public func recordAssessment(_ assessment: Assessment, by principal: Principal) async throws -> Assessment {
        let now = clock.now()
        guard principal.may(.recordFieldwork) else { throw GroupWriteError.forbidden }
        var assessment = assessment
        assessment.recordedBy = principal.username
        let problems = assessment.problems(today: CivilDate(now))
        guard problems.isEmpty else { throw OutcomeRuleError(problems) }
        let saved = assessment
        return try await transactor.run { repositories in
            guard let person = try await repositories.beneficiaries.find(id: saved.beneficiary), principal.covers(person.details.desa) else {
                throw GroupWriteError.notFound
            }
            try await repositories.outcomes.insert(saved)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "assessment", entityID: saved.id.uuidString, region: person.details.desa,
                changes: [
                    FieldChange(field: "date", before: nil, after: saved.date.iso),
                    FieldChange(field: "household_income", before: nil, after: String(saved.householdIncome.amount)),
                    FieldChange(field: "household_size", before: nil, after: String(saved.householdSize)),
                ], note: "penerima \(saved.beneficiary.uuidString.prefix(8))")
            return saved
        }
    }

    /// Confirms the graduation the rule proposes: records it with the rule's reason and the
    /// operator's note, and sets the person's register status to *mandiri*.
    public func confirmGraduation(of beneficiary: UUID, note: String, by principal: Principal) async throws -> Graduation {
        let now = clock.now()
        guard principal.may(.writeRegistry) else { throw GroupWriteError.forbidden }
        let note = TextFolding.trim(note)
        guard (5...500).contains(note.count) else { throw OutcomeRuleError(.noteRequired) }
        return try await transactor.run { repositories in
            guard var person = try await repositories.beneficiaries.find(id: beneficiary), principal.covers(person.details.desa) else {
                throw GroupWriteError.notFound
            }
            guard person.status != .mandiri, try await repositories.outcomes.graduations(of: [beneficiary]).isEmpty else {
                throw OutcomeRuleError(.alreadyGraduated)
            }
            let rule = try await repositories.outcomes.graduationRule()
            guard let reason = rule.proposal(try await repositories.outcomes.assessments(of: [beneficiary])) else {
                throw OutcomeRuleError(.notProposed)
            }
            let graduation = Graduation(beneficiary: beneficiary, date: CivilDate(now), reason: "\(reason) \(note)", confirmedBy: principal.username)
            try await repositories.outcomes.insert(graduation)
            let old = person.status
            person.status = .mandiri
            person.version += 1
            person.updatedAt = now
            guard try await repositories.beneficiaries.update(person, expectedVersion: person.version - 1) else { throw WriteConflict.stale }
            try await repositories.audit.record(
                .update, by: AuditActor(principal), at: now, entity: "beneficiary", entityID: beneficiary.uuidString, region: person.details.desa,
                changes: [FieldChange(field: "status", before: old.rawValue, after: BeneficiaryStatus.mandiri.rawValue)],
                note: "lulus: \(graduation.reason)")
            return graduation
        }
    }

    /// The admin's graduation rule.
    public func setGraduationRule(_ rule: GraduationRule, by principal: Principal) async throws {
        let now = clock.now()
        guard principal.may(.manageCatalogues) else { throw GroupWriteError.forbidden }
        guard rule.problems.isEmpty else { throw OutcomeRuleError(rule.problems) }
        try await transactor.run { repositories in
            let before = try await repositories.outcomes.graduationRule()
            try await repositories.outcomes.save(rule)
            try await repositories.audit.record(
                .update, by: AuditActor(principal), at: now, entity: "setting", entityID: "graduation_rule", region: nil,
                changes: FieldChange.diff(
                    [
                        "poverty_line": String(before.povertyLine.amount), "consecutive": String(before.consecutive),
                        "decile_above": String(before.decileAbove),
                    ],
                    [
                        "poverty_line": String(rule.povertyLine.amount), "consecutive": String(rule.consecutive),
                        "decile_above": String(rule.decileAbove),
                    ]))
        }
    }
}
