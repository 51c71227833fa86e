import Foundation

/// Bulk import of beneficiaries from CSV: every good row is inserted or updated (upsert by
/// NIK, so the same file twice adds nothing), every bad row is reported with line, column,
/// value and reason.
///
/// - Rows are written in batches; each batch, the audit entry of every row it writes and the
///   caller's progress record commit in one transaction. An import stopped at any point leaves
///   whole batches only, and `resumingAfter` continues it so that it ends exactly as a clean
///   run would.
/// - A NIK already registered outside the importer's region is refused with a row error; its
///   record is neither changed nor described.
/// - Columns the file does not have are left as they are on existing records.
public struct ImportBeneficiaries: Sendable {
    public let transactor: any Transactor
    /// Reads outside a transaction (dry runs).
    public let repository: any BeneficiaryRepository
    public let validator: BeneficiaryRowValidator
    public let clock: Clock
    public var batchSize = 1_000
    /// A file with at least this many rows is a bulk load: the register's read indexes are
    /// set aside while it is written and built again at its end (`beginBulkLoad`), and it is
    /// written in batches of `bulkBatchSize` (fewer commits over the same pages).
    public var bulkThreshold = 20_000
    public var bulkBatchSize = 10_000

    public init(transactor: any Transactor, repository: any BeneficiaryRepository, validator: BeneficiaryRowValidator, clock: Clock) {
        self.transactor = transactor
        self.repository = repository
        self.validator = validator
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

    /// How far a (non-dry) import got: the last line of its last committed batch and the rows
    /// written up to there.
    public struct Checkpoint: Sendable, Equatable, Codable {
        public var lastLine: Int
        public var inserted: Int
        public var updated: Int
        public var unchanged: Int

        public init(lastLine: Int = 0, inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
            self.lastLine = lastLine
            self.inserted = inserted
            self.updated = updated
            self.unchanged = unchanged
        }
    }

    /// - Parameters:
    ///   - source: makes a fresh reader of the file; it is read twice (a UTF-8 check that
    ///     also counts rows, then the import).
    ///   - resumingAfter: the checkpoint of an interrupted run of the same file by the same user.
    ///   - committed: runs inside each batch's transaction after its rows (not for dry runs),
    ///     to store the checkpoint with the rows it describes.
    ///   - progress: called after each batch.
    public func callAsFunction(
        source makeSource: @Sendable () throws -> any ByteSource, dryRun: Bool, actor: AuditActor, fileName: String,
        resumingAfter checkpoint: Checkpoint? = nil,
        committed: @escaping @Sendable (Repositories, Checkpoint, Report) async throws -> Void = { _, _, _ in },
        progress: @Sendable (Report) async -> Void = { _ in }
    ) async throws -> Report {
        var run = Run(
            importer: self, dryRun: dryRun, actor: actor, fileName: fileName, resumeAfter: checkpoint?.lastLine ?? 0,
            committed: committed)
        if let checkpoint {
            run.checkpoint = checkpoint
        }
        run.report.dryRun = dryRun
        run.report.expectedRows = try await checkEncoding(makeSource())
        // Decided by the file alone, so that a resumed run cuts the same batches.
        guard !dryRun, run.report.expectedRows >= bulkThreshold else {
            return try await read(makeSource(), into: &run, batchSize: batchSize, progress: progress)
        }
        try await repository.beginBulkLoad()
        let report: Report
        do {
            report = try await read(makeSource(), into: &run, batchSize: max(batchSize, bulkBatchSize), progress: progress)
        } catch {
            try? await repository.finishBulkLoad()
            throw error
        }
        try await repository.finishBulkLoad()
        return report
    }

    /// Reads the file row by row, writing (or sorting) batches of `batchSize`.
    private func read(
        _ source: any ByteSource, into run: inout Run, batchSize: Int, progress: @Sendable (Report) async -> Void
    ) async throws -> Report {
        do {
            return try await readAll(source, into: &run, batchSize: batchSize, progress: progress)
        } catch {
            // A batch still being written finishes (or fails) before the import reports.
            if let (task, _) = run.pending { _ = try? await task.value }
            throw error
        }
    }

    private func readAll(
        _ source: any ByteSource, into run: inout Run, batchSize: Int, progress: @Sendable (Report) async -> Void
    ) async throws -> Report {
        var source = source
        var reader: CSVRecordReader?
        while let chunk = try await source.next() {
            if reader == nil { reader = CSVRecordReader(delimiter: CSVRecordReader.detectDelimiter(in: chunk)) }
            guard var current = reader else { break }
            let records = current.feed(chunk)
            reader = current
            for record in records {
                try run.handle(record)
                if run.batch.count >= batchSize {
                    try await run.flush()
                    await progress(run.report)
                }
            }
        }
        guard var last = reader else { throw ImportFileError.empty }
        for record in last.finish() { try run.handle(record) }
        if run.header == nil { throw ImportFileError.empty }
        if run.report.processed == 0 { throw ImportFileError.noRows }
        try await run.flush()
        try await run.settle()
        var report = run.report
        report.problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        report.warnings.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        report.totalRows = report.processed
        await progress(report)

        if !run.dryRun {
            let summary = report
            let (actor, fileName) = (run.actor, run.fileName)
            try await transactor.run { repositories in
                try await repositories.audit.record(
                    .import, by: actor, at: clock.now(), entity: "beneficiary", entityID: nil,
                    region: validator.context.scope, note: "\(fileName): \(summary.summaryID)")
            }
        }
        return report
    }

    /// The state of one run through the file.
    struct Run {
        let importer: ImportBeneficiaries
        let dryRun: Bool
        let actor: AuditActor
        let fileName: String
        /// Batches ending at or before this line were committed by an earlier, interrupted run.
        let resumeAfter: Int
        let committed: @Sendable (Repositories, Checkpoint, Report) async throws -> Void
        /// The batch being written, and its last line.
        var pending: (task: Task<BatchWriter.Outcome, any Error>, lastLine: Int)?
        var report = Report()
        var checkpoint = Checkpoint()
        var header: [String]?
        var columns: Set<String> = []
        var seen: [UInt64: Int32] = [:]
        var batch: [(line: Int, valid: BeneficiaryRowValidator.Valid)] = []

        var validator: BeneficiaryRowValidator { importer.validator }
        var writer: BatchWriter {
            BatchWriter(importer: importer, actor: actor, fileName: fileName, columns: columns, committed: committed)
        }

        mutating func handle(_ record: CSVRecordReader.Record) throws {
            guard let names = header else {
                let names = record.fields.map { TextFolding.fold($0).replacingOccurrences(of: " ", with: "_") }
                let missing = BeneficiaryRowValidator.requiredColumns.subtracting(names).sorted()
                guard missing.isEmpty else { throw ImportFileError.missingColumns(missing) }
                header = names
                columns = Set(names).intersection(BeneficiaryRowValidator.columns)
                return
            }
            report.processed += 1
            if let problem = record.problem {
                reject([.init(line: record.line, reason: problem == .notUTF8 ? .notUTF8 : .unterminatedQuote)])
                return
            }
            guard record.fields.count == names.count else {
                reject([
                    .init(
                        line: record.line, value: record.fields.joined(separator: ","),
                        reason: .columnCount(expected: names.count, found: record.fields.count))
                ])
                return
            }
            let row = Dictionary(zip(names, record.fields), uniquingKeysWith: { first, _ in first })
            switch validator.validate(line: record.line, row) {
            case let .failure(failure):
                reject(failure.problems)
            case let .success(valid):
                // A validated NIK is 16 ASCII digits.
                let key = UInt64(valid.details.nik) ?? 0
                if let first = seen[key] {
                    reject([.init(line: record.line, column: "nik", value: valid.details.nik, reason: .duplicateNIK(firstLine: Int(first)))])
                    return
                }
                seen[key] = Int32(clamping: record.line)
                batch.append((record.line, valid))
            }
        }

        mutating func reject(_ problems: [ImportProblem<BeneficiaryRowProblem>]) {
            report.problems += problems
            report.rejectedRows += 1
        }

        /// Hands the batch to the writer and goes on reading: the batch is written (in its own
        /// transaction) while the next one is validated, on the other core. The batch before
        /// it is settled first, so that batches commit in file order and each carries the
        /// checkpoint of all before it. A dry run, or a batch an earlier run committed, is
        /// only sorted into inserted / updated / unchanged / refused.
        mutating func flush() async throws {
            guard let lastLine = batch.last?.line else { return }
            let alreadyCommitted = lastLine <= resumeAfter
            let rows = batch
            batch.removeAll(keepingCapacity: true)
            try await settle()
            if dryRun || alreadyCommitted {
                let existing = try await importer.repository.existing(niks: rows.map(\.valid.details.nik))
                apply(writer.sort(rows, existing: existing), lastLine: lastLine, written: !alreadyCommitted)
            } else {
                let (writer, checkpoint, report) = (writer, checkpoint, report)
                pending = (Task { try await writer.write(rows, lastLine: lastLine, after: checkpoint, report: report) }, lastLine)
            }
        }

        /// Waits for the batch being written and counts it.
        mutating func settle() async throws {
            guard let (task, lastLine) = pending else { return }
            pending = nil
            apply(try await task.value, lastLine: lastLine, written: true)
        }

        mutating func apply(_ outcome: BatchWriter.Outcome, lastLine: Int, written: Bool) {
            report.problems += outcome.refused
            report.rejectedRows += outcome.refused.count
            report.warnings += outcome.warnings
            report.warnedRows += outcome.warnedRows
            if written {
                checkpoint.lastLine = lastLine
                checkpoint.inserted += outcome.inserting.count
                checkpoint.updated += outcome.updating.count
                checkpoint.unchanged += outcome.unchanged
            }
            report.inserted = checkpoint.inserted
            report.updated = checkpoint.updated
            report.unchanged = checkpoint.unchanged
        }
    }

    /// First pass: the whole file must be UTF-8 before anything is written. Returns the number
    /// of data rows (lines after the header, for the progress bar).
    private func checkEncoding(_ source: any ByteSource) async throws -> Int {
        var source = source
        var check = UTF8Check()
        var sawBytes = false
        var endsWithLineEnd = false
        while let chunk = try await source.next() {
            if let last = chunk.last {
                sawBytes = true
                endsWithLineEnd = last == 0x0A || last == 0x0D
            }
            check.feed(chunk)
            if let line = check.firstBadLine { throw ImportFileError.notUTF8(line: line) }
        }
        check.finish()
        if let line = check.firstBadLine { throw ImportFileError.notUTF8(line: line) }
        guard sawBytes else { throw ImportFileError.empty }
        return max(0, check.newlines + (endsWithLineEnd ? 0 : 1) - 1)
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
