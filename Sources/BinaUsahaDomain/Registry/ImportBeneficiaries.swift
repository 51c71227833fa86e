import Foundation

/// Bulk import of beneficiaries from CSV: every good row is inserted or updated (upsert by
/// NIK, so the same file twice adds nothing), every bad row is reported with line, column,
/// value and reason. Rows are written in batches, each in its own transaction: an import
/// interrupted at any point and run again reaches the same final state.
public struct ImportBeneficiaries: Sendable {
    public let repository: any BeneficiaryRepository
    public let validator: BeneficiaryRowValidator
    public let audit: any AuditLog
    public let clock: Clock
    public var batchSize = 1_000

    public init(repository: any BeneficiaryRepository, validator: BeneficiaryRowValidator, audit: any AuditLog, clock: Clock) {
        self.repository = repository
        self.validator = validator
        self.audit = audit
        self.clock = clock
    }

    public struct Report: Sendable, Equatable {
        /// Data rows in the file (known at the end).
        public var totalRows = 0
        /// Estimate from the first pass (lines after the header), for progress bars.
        public var expectedRows = 0
        public var processed = 0
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public var rejectedRows = 0
        /// Accepted rows that carry at least one warning.
        public var warnedRows = 0
        public var problems: [ImportProblem<BeneficiaryRowProblem>] = []
        public var warnings: [ImportProblem<RegistryWarning>] = []
        public var dryRun = false
        public init() {}
    }

    /// - Parameters:
    ///   - source: makes a fresh reader of the file; it is read twice (a UTF-8 check that
    ///     also counts rows, then the import).
    ///   - progress: called after each batch.
    public func callAsFunction(
        source makeSource: @Sendable () throws -> any ByteSource, dryRun: Bool, actor: AuditActor, fileName: String,
        progress: @Sendable (Report) async -> Void = { _ in }
    ) async throws -> Report {
        var report = Report()
        report.dryRun = dryRun
        report.expectedRows = try await checkEncoding(makeSource())

        var source = try makeSource()
        var reader: CSVRecordReader?
        var header: [String]?
        var seen: [UInt64: Int32] = [:]
        var batch: [(line: Int, valid: BeneficiaryRowValidator.Valid)] = []

        func handle(_ record: CSVRecordReader.Record) throws {
            guard let columns = header else {
                let names = record.fields.map { TextFolding.fold($0).replacingOccurrences(of: " ", with: "_") }
                let missing = BeneficiaryRowValidator.requiredColumns.subtracting(names).sorted()
                guard missing.isEmpty else { throw ImportFileError.missingColumns(missing) }
                header = names
                return
            }
            report.processed += 1
            if let problem = record.problem {
                report.problems.append(.init(line: record.line, reason: problem == .notUTF8 ? .notUTF8 : .unterminatedQuote))
                report.rejectedRows += 1
                return
            }
            guard record.fields.count == columns.count else {
                report.problems.append(.init(line: record.line, value: record.fields.joined(separator: ","),
                                             reason: .columnCount(expected: columns.count, found: record.fields.count)))
                report.rejectedRows += 1
                return
            }
            let row = Dictionary(zip(columns, record.fields), uniquingKeysWith: { first, _ in first })
            switch validator.validate(line: record.line, row) {
            case let .failure(failure):
                report.problems += failure.problems
                report.rejectedRows += 1
            case let .success(valid):
                let key = UInt64(valid.details.nik)!
                if let first = seen[key] {
                    report.problems.append(.init(line: record.line, column: "nik", value: valid.details.nik,
                                                 reason: .duplicateNIK(firstLine: Int(first))))
                    report.rejectedRows += 1
                    return
                }
                seen[key] = Int32(clamping: record.line)
                for warning in valid.warnings {
                    report.warnings.append(.init(line: record.line, column: warning.column, value: valid.details.value(of: warning),
                                                 reason: warning))
                }
                if !valid.warnings.isEmpty { report.warnedRows += 1 }
                batch.append((record.line, valid))
            }
        }

        while let chunk = try await source.next() {
            if reader == nil { reader = CSVRecordReader(delimiter: CSVRecordReader.detectDelimiter(in: chunk)) }
            for record in reader!.feed(chunk) {
                try handle(record)
                if batch.count >= batchSize {
                    try await flush(&batch, &report, dryRun: dryRun)
                    await progress(report)
                }
            }
        }
        guard reader != nil else { throw ImportFileError.empty }
        for record in reader!.finish() { try handle(record) }
        if header == nil { throw ImportFileError.empty }
        try await flush(&batch, &report, dryRun: dryRun)
        report.problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        report.totalRows = report.processed
        await progress(report)

        if !dryRun {
            try await audit.record(.import, by: actor, at: clock.now(), entity: "beneficiary", entityID: nil,
                                   region: validator.context.scope, note: "\(fileName): \(report.summaryID)")
        }
        return report
    }

    private func flush(_ batch: inout [(line: Int, valid: BeneficiaryRowValidator.Valid)], _ report: inout Report,
                       dryRun: Bool) async throws {
        guard !batch.isEmpty else { return }
        let existing = try await repository.existing(niks: batch.map(\.valid.details.nik))
        let now = clock.now()
        var inserting: [Beneficiary] = []
        var updating: [Beneficiary] = []
        for (_, valid) in batch {
            if var current = existing[valid.details.nik] {
                if current.details == valid.details, current.warnings == valid.warnings {
                    report.unchanged += 1
                    continue
                }
                current.details = valid.details
                current.warnings = valid.warnings
                current.version += 1
                current.updatedAt = now
                updating.append(current)
            } else {
                inserting.append(Beneficiary(details: valid.details, warnings: valid.warnings, createdAt: now, updatedAt: now))
            }
        }
        if !dryRun { try await repository.save(inserting: inserting, updating: updating) }
        report.inserted += inserting.count
        report.updated += updating.count
        batch.removeAll(keepingCapacity: true)
    }

    /// First pass: the whole file must be UTF-8 before anything is written. Returns the number
    /// of data rows (lines after the header, for the progress bar).
    private func checkEncoding(_ source: any ByteSource) async throws -> Int {
        var source = source
        var check = UTF8Check()
        var sawBytes = false
        var lastByte: UInt8 = 0
        while let chunk = try await source.next() {
            if !chunk.isEmpty { sawBytes = true; lastByte = chunk.last! }
            check.feed(chunk)
            if let line = check.firstBadLine { throw ImportFileError.notUTF8(line: line) }
        }
        check.finish()
        if let line = check.firstBadLine { throw ImportFileError.notUTF8(line: line) }
        guard sawBytes else { throw ImportFileError.empty }
        return max(0, check.newlines + (lastByte == UInt8(ascii: "\n") ? 0 : 1) - 1)
    }
}

extension ImportBeneficiaries.Report {
    /// `baris 1.000 · baru 900 · diperbarui 0 · tidak berubah 0 · ditolak 100 · peringatan 12`
    public var summaryID: String {
        "baris \(totalRows) · baru \(inserted) · diperbarui \(updated) · tidak berubah \(unchanged) · ditolak \(rejectedRows) · peringatan \(warnedRows)"
    }
}

extension RegistryWarning {
    /// The column a warning is about.
    public var column: String {
        switch self {
        case .nikRegionUnknown: "nik"
        case .nikBirthDateDiffers: "tanggal_lahir"
        case .nikSexDiffers: "jenis_kelamin"
        case .kkRegionUnknown: "no_kk"
        }
    }
}

extension BeneficiaryDetails {
    func value(of warning: RegistryWarning) -> String {
        switch warning {
        case .nikRegionUnknown: nik
        case .nikBirthDateDiffers: birthDate.iso
        case .nikSexDiffers: sex.rawValue
        case .kkRegionUnknown: noKK
        }
    }
}
