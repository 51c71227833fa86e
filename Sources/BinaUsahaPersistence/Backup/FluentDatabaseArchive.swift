import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// Backups of the database in use. SQLite: `VACUUM INTO` writes a consistent, compacted copy
/// while readers and writers go on (the same guarantee as the online backup API, in one
/// statement), and a restore copies every table back inside one transaction. PostgreSQL:
/// `pg_dump --format=custom` inside an exported snapshot, with the snapshot's table summaries
/// beside it (`FILE.tables.json`), and `pg_restore --clean --single-transaction`.
public struct FluentDatabaseArchive: DatabaseArchive {
    let database: any Database
    let choice: DatabaseChoice

    public init(database: any Database, choice: DatabaseChoice) {
        self.database = database
        self.choice = choice
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    public func summaries(of file: String?) async throws -> [TableSummary] {
        guard let file else { return try await TableSummaries.read(sql, schema: nil) }
        guard FileManager.default.fileExists(atPath: file) else { throw ArchiveError.fileMissing(file) }
        switch choice {
        case .postgres:
            guard let data = FileManager.default.contents(atPath: Self.sidecar(file)),
                let tables = try? JSONDecoder().decode([TableSummary].self, from: data)
            else { throw ArchiveError.notAnArchive(file) }
            return tables
        case .sqliteFile, .sqliteMemory:
            return try await database.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await Self.attach(file, on: sql)
                do {
                    let tables = try await TableSummaries.read(sql, schema: "archive")
                    try await sql.raw("DETACH DATABASE archive").run()
                    return tables
                } catch {
                    try? await sql.raw("DETACH DATABASE archive").run()
                    throw error
                }
            }
        }
    }

    public func write(to file: String) async throws {
        switch choice {
        case .sqliteFile, .sqliteMemory:
            try await sql.raw("VACUUM INTO \(bind: file)").run()
        case let .postgres(url, searchPath):
            try await database.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
                do {
                    struct Snapshot: Decodable { let id: String }
                    let snapshot = try await sql.raw("SELECT pg_export_snapshot() AS id").first(decoding: Snapshot.self)
                    var arguments = ["--format=custom", "--no-owner", "--file=\(file)", "--snapshot=\(snapshot?.id ?? "")"]
                    arguments += (searchPath ?? []).map { "--schema=\($0)" }
                    try await ExternalTool.run("pg_dump", arguments + ["--dbname=\(Self.libpqURL(url))"])
                    let tables = try await TableSummaries.read(sql, schema: nil)
                    try await sql.raw("COMMIT").run()
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    try encoder.encode(tables).write(to: URL(fileURLWithPath: Self.sidecar(file)))
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }

    public func restore(from file: String) async throws {
        let archived = try await summaries(of: file)
        let current = try await TableSummaries.read(sql, schema: nil)
        let migrations = { (tables: [TableSummary]) in tables.first { $0.table == "_fluent_migrations" }?.rows ?? 0 }
        guard migrations(archived) == migrations(current) else {
            throw ArchiveError.otherSchema(archive: migrations(archived), database: migrations(current))
        }
        let before = try await RegisterRestore.snapshot(sql)
        switch choice {
        case .sqliteFile, .sqliteMemory:
            try await restoreSQLite(file, tables: archived.map(\.table))
        case let .postgres(url, searchPath):
            var arguments = ["--clean", "--if-exists", "--single-transaction", "--no-owner", "--exit-on-error"]
            arguments += (searchPath ?? []).map { "--schema=\($0)" }
            try await ExternalTool.run("pg_restore", arguments + ["--dbname=\(Self.libpqURL(url))", file])
        }
        try await RegisterRestore.moveOn(sql, from: before)
    }

    /// Every table's rows replaced by the archive's, in one transaction. Foreign keys are off
    /// while the tables are emptied and filled (a cascade would empty a table already
    /// filled) and checked before the commit.
    func restoreSQLite(_ file: String, tables: [String]) async throws {
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await Self.attach(file, on: sql)
            try await sql.raw("PRAGMA foreign_keys = OFF").run()
            var failure: (any Error)?
            do {
                try await sql.raw("BEGIN IMMEDIATE").run()
                for table in tables {
                    let columns = try await TableSummaries.columns(sql, schema: nil, table: table)
                    let list = SQLList(columns.map { SQLIdentifier($0) })
                    try await sql.raw("DELETE FROM main.\(ident: table)").run()
                    try await sql.raw("INSERT INTO main.\(ident: table) (\(list)) SELECT \(list) FROM archive.\(ident: table)").run()
                }
                struct Violation: Decodable { let table: String }
                let violations = try await sql.raw("PRAGMA main.foreign_key_check").all(decoding: Violation.self)
                guard violations.isEmpty else { throw ArchiveError.notAnArchive(file) }
                try await sql.raw("COMMIT").run()
            } catch {
                failure = error
                try? await sql.raw("ROLLBACK").run()
            }
            try? await sql.raw("PRAGMA foreign_keys = ON").run()
            try? await sql.raw("DETACH DATABASE archive").run()
            if let failure { throw failure }
        }
    }

    static func attach(_ file: String, on sql: any SQLDatabase) async throws {
        do {
            try await sql.raw("ATTACH DATABASE \(bind: file) AS archive").run()
            try await sql.raw("SELECT count(*) FROM archive.sqlite_master").run()
        } catch {
            try? await sql.raw("DETACH DATABASE archive").run()
            throw ArchiveError.notAnArchive(file)
        }
    }

    static func sidecar(_ file: String) -> String { file + ".tables.json" }

    /// libpq takes the URL as it is, except for query items it does not know.
    static func libpqURL(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.queryItems = components.queryItems?.filter { ["sslmode", "connect_timeout", "application_name"].contains($0.name) }
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        return components.string ?? url
    }
}
