import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOCore
import SQLKit

/// Which database the application talks to. SQLite is the zero-set-up default; PostgreSQL
/// when `DATABASE_URL` is set. Models, migrations and queries are the same for both.
public enum DatabaseChoice: Sendable, Equatable {
    case sqliteFile(path: String)
    case sqliteMemory
    /// `searchPath` puts the tables in a schema of their own (used by the tests).
    case postgres(url: String, searchPath: [String]? = nil)

    /// `sqlite` or `postgres`, as `/health` reports it.
    public var kindName: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgres"
        }
    }
}

public enum DatabaseSetup {
    /// How long a writer waits for another writer's lock before giving up with an error.
    public static let sqliteBusyTimeoutMilliseconds = 5_000

    /// Connections each event loop's pool may open: SQLite's one (its file has one writer
    /// anyway), PostgreSQL's eight.
    public static func connectionsPerEventLoop(_ choice: DatabaseChoice) -> Int {
        if case .postgres = choice { return 8 }
        return 1
    }

    public static func register(_ choice: DatabaseChoice, in databases: Databases) throws {
        switch choice {
        case let .sqliteFile(path):
            // SQL is logged at trace only: bound values may be personal data (NIK, names).
            // Foreign keys are switched on for every connection by SQLiteKit (enableForeignKeys).
            // One connection per event loop; a request waits up to 30 s for it (as on
            // PostgreSQL) rather than the default 10 s, which many writers at once on two cores
            // can exceed while each waits out the file's write lock.
            databases.use(
                .sqlite(
                    .init(storage: .file(path: path), enableForeignKeys: true), connectionPoolTimeout: .seconds(30),
                    sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.init(storage: .memory, enableForeignKeys: true), sqlLogLevel: .trace), as: .sqlite)
        case let .postgres(url, searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = searchPath
            // Eight connections per event loop: a unit of work holds one for its whole
            // transaction, and a slow writer must not make every reader wait in the queue.
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: connectionsPerEventLoop(choice), connectionPoolTimeout: .seconds(30),
                    sqlLogLevel: .trace), as: .psql)
        }
    }

    /// Per-connection settings. SQLite keeps one connection per event loop, so preparing
    /// each loop's connection once covers every query: WAL (readers never wait for the
    /// writer; the setting is stored in the file), a bounded busy timeout and a larger page
    /// cache. `synchronous` stays at SQLite's default (FULL): a committed batch survives a
    /// power cut.
    public static func prepareConnections(
        _ choice: DatabaseChoice, databases: Databases, eventLoopGroup: any EventLoopGroup, logger: Logger
    ) async throws {
        guard case .sqliteFile = choice else { return }
        for loop in eventLoopGroup.makeIterator() {
            guard let sql = databases.database(.sqlite, logger: logger, on: loop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA journal_mode = WAL").run()
            try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(sqliteBusyTimeoutMilliseconds))").run()
            // A 64 MiB page cache per connection (the default is 2 MiB): bulk imports touch
            // seven indexes, and a small cache spills and re-reads pages on every batch.
            try await sql.raw("PRAGMA cache_size = -65536").run()
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
            // Checkpoint the WAL every 20,000 pages (80 MiB) instead of every 1,000: a bulk
            // import's batches re-dirty the same index pages, and each checkpoint copied them
            // into the database again (a million-row import: 96 s → 86 s). Durability is
            // unchanged (commits still sync the WAL); readers scan a longer WAL index.
            try await sql.raw("PRAGMA wal_autocheckpoint = 20000").run()
        }
    }
}
