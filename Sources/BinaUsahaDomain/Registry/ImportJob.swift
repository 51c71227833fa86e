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

    public init(id: UUID = UUID(), userID: UUID, fileName: String, filePath: String, dryRun: Bool, status: Status = .running,
                report: ImportBeneficiaries.Report = .init(), messages: [ImportMessage] = [], error: String? = nil, createdAt: Date, finishedAt: Date? = nil) {
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
    }
}

public protocol ImportJobStore: Sendable {
    func create(_ job: ImportJob) async throws
    func update(_ job: ImportJob) async throws
    func find(_ id: UUID) async throws -> ImportJob?
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
