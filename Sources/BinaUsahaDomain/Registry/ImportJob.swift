import Foundation

/// An import started from the web: a row in the jobs table that the application's worker
/// claims, runs in the background and resumes after a crash, with its progress and result.
public struct ImportJob: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Waiting for a worker.
        case queued
        /// Claimed by a worker that sends a heartbeat with every batch.
        case running
        case done
        case failed
    }

    public var id: UUID
    public var userID: UUID
    public var fileName: String
    /// Where the uploaded file is kept until the import is committed.
    public var filePath: String
    public var dryRun: Bool
    public var status: Status
    /// Counts (its problem lists are not kept: see `messages`).
    public var report: ImportBeneficiaries.Report
    /// Every rejected row and every warning, as shown to people.
    public var messages: [ImportMessage]
    /// A file-level error (not UTF-8, missing columns) that stopped the import.
    public var error: String?
    public var createdAt: Date
    public var finishedAt: Date?
    /// The last line of the last committed batch (0 before the first).
    public var committedLine: Int
    /// When the job last made progress; a running job silent for the stall time has died.
    public var heartbeatAt: Date?
    /// How many times a worker has claimed it (a job that keeps dying is given up after a few).
    public var attempts: Int

    /// A running job that has not made progress for this long is taken as stopped and resumed.
    public static let defaultStallAfter: TimeInterval = 120
    /// A job is claimed at most this many times.
    public static let maximumAttempts = 3

    /// Whether the process running this job died (restart, crash) before it finished.
    public func isStalled(at now: Date, after stall: TimeInterval = defaultStallAfter) -> Bool {
        status == .running && (heartbeatAt ?? createdAt) < now.addingTimeInterval(-stall)
    }

    /// Where a resumed run of this job continues.
    public var checkpoint: ImportBeneficiaries.Checkpoint {
        .init(lastLine: committedLine, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged)
    }

    public init(
        id: UUID = UUID(), userID: UUID, fileName: String, filePath: String, dryRun: Bool, status: Status = .queued,
        report: ImportBeneficiaries.Report = .init(), messages: [ImportMessage] = [], error: String? = nil, createdAt: Date, finishedAt: Date? = nil,
        committedLine: Int = 0, heartbeatAt: Date? = nil, attempts: Int = 0
    ) {
        self.id = id
        self.userID = userID
        self.fileName = fileName
        self.filePath = filePath
        self.dryRun = dryRun
        self.status = status
        self.report = report
        self.messages = messages
        self.error = error
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.committedLine = committedLine
        self.heartbeatAt = heartbeatAt
        self.attempts = attempts
    }
}

public protocol ImportJobStore: Sendable {
    func create(_ job: ImportJob) async throws
    func update(_ job: ImportJob) async throws
    func find(_ id: UUID) async throws -> ImportJob?
    /// Claims the oldest job that waits, or whose worker stopped sending heartbeats before
    /// `staleBefore`, and has been claimed fewer than `maximumAttempts` times: it becomes
    /// running with a fresh heartbeat and one more attempt. One atomic step, so that two
    /// workers (two app instances on one database) never get the same job.
    func claimNext(now: Date, staleBefore: Date, maximumAttempts: Int) async throws -> ImportJob?
    /// Marks failed the stalled jobs that used up their attempts; returns how many.
    func failExhausted(staleBefore: Date, maximumAttempts: Int, now: Date, reason: String) async throws -> Int
    /// How many jobs wait for a worker or run now (the queue's length, for `/metrics`).
    func unfinishedCount() async throws -> Int
    /// Finished checks (dry runs) of `user` whose file has not been imported since, newest first.
    func checkedNotImported(by user: UUID, limit: Int) async throws -> [ImportJob]
}

/// A stored problem or warning of an import, with its text in both languages.
public struct ImportMessage: Sendable, Equatable, Codable {
    public var line: Int
    public var column: String?
    public var value: String?
    public var id: String
    public var en: String
    public var isWarning: Bool

    public init<Reason>(_ problem: ImportProblem<Reason>, isWarning: Bool) {
        line = problem.line
        column = problem.column
        value = problem.value
        id = problem.message(.id)
        en = problem.message(.en)
        self.isWarning = isWarning
    }

    public func text(_ lang: Lang) -> String { lang == .id ? id : en }

    /// Rejected rows first, then warnings, each by line.
    public static func from(_ report: ImportBeneficiaries.Report) -> [ImportMessage] {
        report.problems.map { ImportMessage($0, isWarning: false) } + report.warnings.map { ImportMessage($0, isWarning: true) }
    }
}
