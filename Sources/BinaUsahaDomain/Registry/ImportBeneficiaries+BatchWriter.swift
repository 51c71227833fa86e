import Foundation

extension ImportBeneficiaries {
    /// Writes one batch of validated rows: what `Run` hands over while it reads on. Holds only
    /// what a write needs, so that a batch in flight shares nothing the reader changes.
    struct BatchWriter: Sendable {
        let importer: ImportBeneficiaries
        let actor: AuditActor
        let fileName: String
        let columns: Set<String>
        let committed: @Sendable (Repositories, Checkpoint, Report) async throws -> Void

        var validator: BeneficiaryRowValidator { importer.validator }

        /// One batch in one transaction, read and written there: rows, their audit entries and
        /// the checkpoint. A batch that lost a race with another writer is sorted and written
        /// again (nothing of it was committed).
        func write(
            _ rows: [(line: Int, valid: BeneficiaryRowValidator.Valid)], lastLine: Int, after checkpoint: Checkpoint, report: Report
        ) async throws -> Outcome {
            var attempt = 1
            while true {
                do {
                    return try await importer.transactor.run { [self] repositories in
                        let outcome = sort(rows, existing: try await repositories.beneficiaries.existing(niks: rows.map(\.valid.details.nik)))
                        try await repositories.beneficiaries.save(
                            inserting: outcome.inserting.map(\.after),
                            updating: outcome.updating.map(\.after))
                        try await repositories.audit.append(contentsOf: auditEntries(outcome))
                        var next = checkpoint
                        next.lastLine = lastLine
                        next.inserted += outcome.inserting.count
                        next.updated += outcome.updating.count
                        next.unchanged += outcome.unchanged
                        var progress = report
                        progress.inserted = next.inserted
                        progress.updated = next.updated
                        progress.unchanged = next.unchanged
                        try await committed(repositories, next, progress)
                        return outcome
                    }
                } catch let conflict as WriteConflict where conflict != .busy && attempt < 3 {
                    attempt += 1
                }
            }
        }

        struct Outcome: Sendable {
            var inserting: [(line: Int, after: Beneficiary)] = []
            var updating: [(line: Int, before: Beneficiary, after: Beneficiary)] = []
            var unchanged = 0
            var refused: [ImportProblem<BeneficiaryRowProblem>] = []
            var warnings: [ImportProblem<RegistryWarning>] = []
            var warnedRows = 0
        }

        /// Decides for each row of a batch what happens to it, given the records that already
        /// have its NIK.
        func sort(_ rows: [(line: Int, valid: BeneficiaryRowValidator.Valid)], existing: [String: Beneficiary]) -> Outcome {
            var outcome = Outcome()
            let now = importer.clock.now()
            let scope = validator.context.scope
            for (line, valid) in rows {
                if let current = existing[valid.details.nik] {
                    if let scope, !scope.contains(current.details.desa) {
                        outcome.refused.append(.init(line: line, column: "nik", value: valid.details.nik, reason: .registeredElsewhere))
                        continue
                    }
                    record(valid, line: line, into: &outcome)
                    var after = current
                    after.details = current.details.merging(valid.details, columns: columns)
                    after.warnings = validator.warnings(for: after.details)
                    if after.details == current.details, after.warnings == current.warnings {
                        outcome.unchanged += 1
                        continue
                    }
                    after.version += 1
                    after.updatedAt = now
                    outcome.updating.append((line, current, after))
                } else {
                    record(valid, line: line, into: &outcome)
                    outcome.inserting.append((line, Beneficiary(details: valid.details, warnings: valid.warnings, createdAt: now, updatedAt: now)))
                }
            }
            return outcome
        }

        /// The warnings of an accepted row.
        func record(_ valid: BeneficiaryRowValidator.Valid, line: Int, into outcome: inout Outcome) {
            for warning in valid.warnings {
                outcome.warnings.append(.init(line: line, column: warning.column, value: valid.details.value(of: warning), reason: warning))
            }
            if !valid.warnings.isEmpty { outcome.warnedRows += 1 }
        }

        /// One entry per written row: a new record with the line it came from, a changed one
        /// with every field before and after.
        func auditEntries(_ outcome: Outcome) -> [AuditEntry] {
            let now = importer.clock.now()
            let created = outcome.inserting.map { line, after in
                AuditEntry(
                    at: now, actorID: actor.id, actorName: actor.name, actorRole: actor.role, action: .create, entity: "beneficiary",
                    entityID: after.id.uuidString, region: after.details.desa, note: "impor \(fileName), baris \(line)")
            }
            let changed = outcome.updating.map { line, before, after in
                AuditEntry(
                    at: now, actorID: actor.id, actorName: actor.name, actorRole: actor.role, action: .update, entity: "beneficiary",
                    entityID: after.id.uuidString, region: after.details.desa,
                    changes: FieldChange.diff(before.auditFields, after.auditFields), note: "impor \(fileName), baris \(line)")
            }
            return created + changed
        }
    }
}
