import Foundation

/// Web imports as jobs: `start` and `commit` queue them; `runNext` — called by the
/// application's worker — claims one, runs it in the background and records its result. A job
/// whose process died is claimed again after the stall time and resumes from its last
/// committed batch, so it ends exactly as a clean run would.
public struct ImportJobs: Sendable {
    public let transactor: any Transactor
    public let repositories: Repositories
    public let clock: Clock
    /// A running job silent for this long is taken as stopped and resumed.
    public var stallAfter: TimeInterval = ImportJob.defaultStallAfter
    /// The file a job reads (the uploaded copy on disk).
    public var source: @Sendable (String) throws -> any ByteSource = { try FileByteSource(path: $0) }
    /// Told of every job that ended, with how long this run took (the app's metrics).
    public var finished: @Sendable (ImportJob, _ seconds: Double) -> Void = { _, _ in }

    public init(transactor: any Transactor, repositories: Repositories, clock: Clock) {
        self.transactor = transactor
        self.repositories = repositories
        self.clock = clock
    }

    public enum Refusal: Error, Equatable, Sendable {
        /// Only a finished dry run whose file is still there can be committed.
        case notCommittable
    }

    /// Queues a check (`dryRun`) or an import of a file already stored at `path`.
    public func start(fileName: String, path: String, dryRun: Bool, by principal: Principal) async throws -> ImportJob {
        let now = clock.now()
        let job = ImportJob(userID: principal.userID, fileName: fileName, filePath: path, dryRun: dryRun, status: .queued, createdAt: now)
        try await transactor.run { repositories in try await repositories.importJobs.create(job) }
        return job
    }

    /// Queues the import of a file whose dry run has finished.
    public func commit(_ checked: ImportJob, fileExists: Bool, by principal: Principal) async throws -> ImportJob {
        guard checked.dryRun, checked.status == .done, fileExists, checked.userID == principal.userID || principal.region == nil else {
            throw Refusal.notCommittable
        }
        return try await start(fileName: checked.fileName, path: checked.filePath, dryRun: false, by: principal)
    }

    /// Claims and runs one job; false when there was none to run.
    @discardableResult
    public func runNext() async throws -> Bool {
        let now = clock.now()
        let staleBefore = now.addingTimeInterval(-stallAfter)
        _ = try await repositories.importJobs.failExhausted(
            staleBefore: staleBefore, maximumAttempts: ImportJob.maximumAttempts, now: now,
            reason: "Impor terhenti berulang kali; unggah berkasnya lagi.")
        guard
            let job = try await repositories.importJobs.claimNext(
                now: now, staleBefore: staleBefore,
                maximumAttempts: ImportJob.maximumAttempts)
        else { return false }
        try await run(job)
        return true
    }

    /// Runs a claimed job to its end (or to the next crash).
    func run(_ claimed: ImportJob) async throws {
        var job = claimed
        let startedAt = Date()
        let store = repositories.importJobs
        let clock = clock
        do {
            guard let owner = try await repositories.users.find(id: job.userID), owner.isActive else {
                throw ImportFileError.unreadable(job.fileName)
            }
            let principal = owner.principal
            let validator = try await BeneficiaryRowValidator.load(repositories, today: CivilDate(clock.now()), scope: principal.region)
            let importer = ImportBeneficiaries(transactor: transactor, repository: repositories.beneficiaries, validator: validator, clock: clock)
            let path = job.filePath
            let source = source
            let started = job
            let report = try await importer(
                source: { try source(path) }, dryRun: job.dryRun, actor: AuditActor(principal), fileName: job.fileName,
                resumingAfter: job.committedLine > 0 ? job.checkpoint : nil,
                committed: { repositories, checkpoint, progress in
                    var running = started
                    running.report = progress
                    running.committedLine = checkpoint.lastLine
                    running.heartbeatAt = clock.now()
                    try await repositories.importJobs.update(running)
                },
                progress: { progress in
                    guard started.dryRun else { return }
                    var running = started
                    running.report = progress
                    running.heartbeatAt = clock.now()
                    try? await store.update(running)
                })
            if let latest = try await store.find(job.id) { job = latest }
            job.report = report
            job.messages = ImportMessage.from(report)
            job.status = .done
            if !job.dryRun { try? FileManager.default.removeItem(atPath: path) }
        } catch let error as ImportFileError {
            if let latest = try? await store.find(job.id) { job = latest }
            job.status = .failed
            job.error = error.message(.id)
        } catch is CancellationError {
            // The application is stopping: the job stays running and is resumed after the stall time.
            return
        }
        job.finishedAt = clock.now()
        job.heartbeatAt = job.finishedAt
        try await transactor.run { [job] repositories in try await repositories.importJobs.update(job) }
        finished(job, Date().timeIntervalSince(startedAt))
    }
}
