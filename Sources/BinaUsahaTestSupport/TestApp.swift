import BinaUsahaApp
import BinaUsahaDomain
import BinaUsahaPersistence
import Fluent
import Foundation
import SQLKit
import VaporTesting

/// Monday 30 November 2026, 08.00 WIB: the fixed "now" of every test.
public let testNow = Date(timeIntervalSince1970: 1_796_000_400)

/// The database the suite runs against: a fresh in-memory SQLite per test, or — when
/// `DATABASE_URL` is set (CI's second pass) — a fresh schema of that PostgreSQL database.
public enum TestDatabase {
    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }

    public static var kindName: String { postgresURL == nil ? "sqlite" : "postgres" }
}

/// Runs `body` with a fully configured, migrated application on a database of its own.
/// `onDisk` puts SQLite in a temporary file (WAL, busy timeout) as in production instead of
/// memory, for tests of concurrent writers. `sqliteEvenWithPostgres` keeps SQLite in CI's
/// PostgreSQL pass (the source of `migrate-to`).
public func withTestApp<T>(
    clock: Clock = .fixed(testNow),
    onDisk: Bool = false,
    sqliteEvenWithPostgres: Bool = false,
    runsJobs: Bool = true,
    _ body: (Application) async throws -> T
) async throws -> T {
    let app = try await Application.make(.testing)
    // Migration progress is noise in test output; warnings and errors still show.
    app.logger.logLevel = .warning
    var schema: String?
    var file: String?
    defer {
        if let file { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
    }
    do {
        let database: DatabaseChoice
        if let url = TestDatabase.postgresURL, !sqliteEvenWithPostgres {
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            schema = name
            database = .postgres(url: url, searchPath: [name])
        } else if onDisk {
            file = FileManager.default.temporaryDirectory.appendingPathComponent("binausaha-test-\(UUID().uuidString).sqlite").path
            database = .sqliteFile(path: file!)
        } else {
            database = .sqliteMemory
        }
        var config = AppConfig(database: database)
        config.bcryptCost = 4
        config.runsJobs = runsJobs
        try await configure(app, config: config, clock: clock)
        app.testDatabaseChoice = database
        if let schema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        let result = try await body(app)
        try await dropSchema(schema, app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await dropSchema(schema, app)
        try? await app.asyncShutdown()
        throw error
    }
}

private func dropSchema(_ schema: String?, _ app: Application) async throws {
    guard let schema else { return }
    try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
}

extension Application {
    private struct DatabaseChoiceKey: StorageKey { typealias Value = DatabaseChoice }

    /// The database a test app was given, so that a second instance can share it.
    public internal(set) var testDatabaseChoice: DatabaseChoice? {
        get { storage[DatabaseChoiceKey.self] }
        set { storage[DatabaseChoiceKey.self] = newValue }
    }
}

/// Runs `body` with a second application on the same database as `app` (a second app
/// instance behind one load balancer): a SQLite file (`withTestApp(onDisk: true)`) or the
/// test's PostgreSQL schema. It is not migrated again.
public func withSecondInstance<T>(
    of app: Application, clock: Clock = .fixed(testNow), runsJobs: Bool = true,
    _ body: (Application) async throws -> T
) async throws -> T {
    guard let choice = app.testDatabaseChoice, choice != .sqliteMemory else {
        throw TestSupportError("a second instance needs a shared database: use withTestApp(onDisk: true)")
    }
    let second = try await Application.make(.testing)
    second.logger.logLevel = .warning
    do {
        var config = AppConfig(database: choice)
        config.bcryptCost = 4
        config.runsJobs = runsJobs
        try await configure(second, config: config, clock: clock)
        let result = try await body(second)
        try await second.asyncShutdown()
        return result
    } catch {
        try? await second.asyncShutdown()
        throw error
    }
}
