import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

public struct FluentImportJobStore: ImportJobStore {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    static let columns = [
        "id", "user_id", "file_name", "file_path", "dry_run", "status", "expected_rows", "processed", "inserted",
        "updated", "unchanged", "rejected", "warned", "problems", "error", "created_at", "finished_at", "committed_line", "heartbeat_at", "attempts",
    ]
    static let changing: Set<String> = [
        "status", "expected_rows", "processed", "inserted", "updated", "unchanged", "rejected",
        "warned", "problems", "error", "finished_at", "committed_line", "heartbeat_at", "attempts",
    ]

    public func create(_ job: ImportJob) async throws {
        let values = Self.values(job)
        try await (database as! any SQLDatabase).insert(into: "import_jobs").columns(Self.columns)
            .values(Self.columns.map { values[$0] ?? SQLLiteral.null }).run()
    }

    public func update(_ job: ImportJob) async throws {
        var update = (database as! any SQLDatabase).update("import_jobs")
        for (name, value) in Self.values(job) where Self.changing.contains(name) {
            update = update.set(SQLIdentifier(name), to: value)
        }
        try await update.where("id", .equal, SQLBind(job.id)).run()
    }

    static func values(_ job: ImportJob) -> [String: any SQLExpression] {
        let r = job.report
        let json = String(decoding: (try? JSONEncoder().encode(job.messages)) ?? Data("[]".utf8), as: UTF8.self)
        return [
            "id": SQLBind(job.id), "user_id": SQLBind(job.userID), "file_name": SQLBind(job.fileName),
            "file_path": SQLBind(job.filePath), "dry_run": SQLBind(job.dryRun), "status": SQLBind(job.status.rawValue),
            "expected_rows": SQLBind(r.expectedRows), "processed": SQLBind(r.processed), "inserted": SQLBind(r.inserted),
            "updated": SQLBind(r.updated), "unchanged": SQLBind(r.unchanged), "rejected": SQLBind(r.rejectedRows),
            "warned": SQLBind(r.warnedRows), "problems": SQLBind(json),
            "error": job.error.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
            "created_at": SQLBind(job.createdAt),
            "finished_at": job.finishedAt.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
            "committed_line": SQLBind(job.committedLine),
            "heartbeat_at": job.heartbeatAt.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
            "attempts": SQLBind(job.attempts),
        ]
    }

    public func unfinishedCount() async throws -> Int {
        struct Row: Decodable { let n: Int }
        return try await (database as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("import_jobs")
            .where("status", .in, SQLBind.group([ImportJob.Status.queued.rawValue, ImportJob.Status.running.rawValue]))
            .first(decoding: Row.self)?.n ?? 0
    }

    public func checkedNotImported(by user: UUID, limit: Int) async throws -> [ImportJob] {
        struct Row: Decodable { let id: UUID }
        let rows = try await (database as! any SQLDatabase).raw(
            """
            SELECT id FROM import_jobs AS checked
            WHERE user_id = \(bind: user) AND dry_run = \(bind: true) AND status = \(bind: ImportJob.Status.done.rawValue)
              AND NOT EXISTS (SELECT 1 FROM import_jobs AS later WHERE later.file_path = checked.file_path AND later.dry_run = \(bind: false))
            ORDER BY created_at DESC LIMIT \(bind: max(1, min(limit, 100)))
            """
        ).all(decoding: Row.self)
        var jobs: [ImportJob] = []
        for row in rows { if let job = try await find(row.id) { jobs.append(job) } }
        return jobs
    }

    public func find(_ id: UUID) async throws -> ImportJob? {
        struct Row: Decodable {
            let id: UUID, user_id: UUID, file_name: String, file_path: String, dry_run: Bool, status: String
            let expected_rows: Int, processed: Int, inserted: Int, updated: Int, unchanged: Int, rejected: Int, warned: Int
            let problems: String, error: String?, created_at: Date, finished_at: Date?, committed_line: Int, heartbeat_at: Date?, attempts: Int
        }
        guard
            let row = try await (database as! any SQLDatabase).select().columns(Self.columns.map { SQLIdentifier($0) })
                .from("import_jobs").where("id", .equal, SQLBind(id)).first(decoding: Row.self)
        else { return nil }
        var report = ImportBeneficiaries.Report()
        report.expectedRows = row.expected_rows
        report.processed = row.processed
        report.totalRows = row.processed
        report.inserted = row.inserted
        report.updated = row.updated
        report.unchanged = row.unchanged
        report.rejectedRows = row.rejected
        report.warnedRows = row.warned
        report.dryRun = row.dry_run
        let messages: [ImportMessage]
        do {
            messages = try JSONDecoder().decode([ImportMessage].self, from: Data(row.problems.utf8))
        } catch {
            throw StoredValueError(table: "import_jobs", column: "problems", id: row.id.uuidString)
        }
        return ImportJob(
            id: row.id, userID: row.user_id, fileName: row.file_name, filePath: row.file_path, dryRun: row.dry_run,
            status: try Stored.value(row.status, "import_jobs.status", of: row.id), report: report, messages: messages,
            error: row.error, createdAt: row.created_at, finishedAt: row.finished_at,
            committedLine: row.committed_line, heartbeatAt: row.heartbeat_at, attempts: row.attempts)
    }

    /// Waiting jobs, or running ones whose heartbeat stopped, that may still be tried.
    static func claimable(staleBefore: Date, maximumAttempts: Int) -> any SQLExpression {
        SQLGroupExpression(
            SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn("status"), .equal, SQLBind(ImportJob.Status.queued.rawValue)), .or,
                SQLGroupExpression(
                    SQLBinaryExpression(
                        SQLBinaryExpression(SQLColumn("status"), .equal, SQLBind(ImportJob.Status.running.rawValue)), .and,
                        SQLBinaryExpression(
                            SQLBinaryExpression(SQLColumn("heartbeat_at"), .lessThan, SQLBind(staleBefore)), .and,
                            SQLBinaryExpression(SQLColumn("attempts"), .lessThan, SQLBind(maximumAttempts)))))))
    }

    public func claimNext(now: Date, staleBefore: Date, maximumAttempts: Int) async throws -> ImportJob? {
        struct Row: Decodable { let id: UUID }
        let claimed: UUID? = try await database.write { db in
            let sql = db.sql
            var pick = sql.select().column("id").from("import_jobs").where(Self.claimable(staleBefore: staleBefore, maximumAttempts: maximumAttempts))
                .orderBy("created_at").limit(1)
            if sql.dialect.name == "postgresql" {
                // Another instance's claim in progress is skipped, not waited for.
                pick = pick.lockingClause(SQLRaw("FOR UPDATE SKIP LOCKED"))
            }
            guard let row = try await pick.first(decoding: Row.self) else { return nil }
            let taken = try await sql.update("import_jobs").set("status", to: SQLBind(ImportJob.Status.running.rawValue))
                .set("heartbeat_at", to: SQLBind(now)).set("attempts", to: SQLRaw("attempts + 1"))
                .where("id", .equal, SQLBind(row.id)).where(Self.claimable(staleBefore: staleBefore, maximumAttempts: maximumAttempts))
                .returning("id").all()
            return taken.isEmpty ? nil : row.id
        }
        guard let claimed else { return nil }
        return try await find(claimed)
    }

    public func failExhausted(staleBefore: Date, maximumAttempts: Int, now: Date, reason: String) async throws -> Int {
        try await database.write { db in
            try await db.sql.update("import_jobs").set("status", to: SQLBind(ImportJob.Status.failed.rawValue))
                .set("error", to: SQLBind(reason)).set("finished_at", to: SQLBind(now))
                .where("status", .equal, SQLBind(ImportJob.Status.running.rawValue)).where("heartbeat_at", .lessThan, SQLBind(staleBefore))
                .where("attempts", .greaterThanOrEqual, SQLBind(maximumAttempts)).returning("id").all().count
        }
    }
}
