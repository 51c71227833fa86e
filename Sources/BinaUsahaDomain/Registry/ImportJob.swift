import Foundation

/// An import started from the web, running in the background, with its progress and result.
public struct ImportJob: Sendable, Equatable {
    public enum Status: String, Sendable { case running, done, failed }

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
    /// When the job last made progress; a running job silent for `stallAfter` has died.
    public var heartbeatAt: Date?

    /// A running job that has not made progress for this long is taken as stopped.
    public static let stallAfter: TimeInterval = 120

    /// Whether the process running this job died (restart, crash) before it finished.
    public func isStalled(at now: Date) -> Bool {
        status == .running && (heartbeatAt ?? createdAt) < now.addingTimeInterval(-Self.stallAfter)
    }

    /// Where a resumed run of this job continues.
    public var checkpoint: ImportBeneficiaries.Checkpoint {
        .init(lastLine: committedLine, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged)
    }

    public init(id: UUID = UUID(), userID: UUID, fileName: String, filePath: String, dryRun: Bool, status: Status = .running,
                report: ImportBeneficiaries.Report = .init(), messages: [ImportMessage] = [], error: String? = nil, createdAt: Date, finishedAt: Date? = nil,
                committedLine: Int = 0, heartbeatAt: Date? = nil) {
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
    }
}

public protocol ImportJobStore: Sendable {
    func create(_ job: ImportJob) async throws
    func update(_ job: ImportJob) async throws
    func find(_ id: UUID) async throws -> ImportJob?
    /// Takes over a stalled job for a new run (heartbeat set to `now`); false when it is not
    /// stalled (finished, or another process is running it).
    func claimStalled(_ id: UUID, now: Date) async throws -> Bool
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
