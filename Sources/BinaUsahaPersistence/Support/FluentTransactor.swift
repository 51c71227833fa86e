import AsyncKit
import BinaUsahaDomain
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// The connection of the unit of work the current task is in, if any. Every repository asks
/// it first (`Database.current`), so that inside a unit of work all reads and writes go to the
/// one connection that holds the transaction — never to a second connection of the pool,
/// which on SQLite would wait for the first one and on any database would miss its writes.
enum UnitOfWork {
    @TaskLocal static var connection: (any Database)?
}

extension Database {
    /// This database, or the connection of the unit of work the task is in.
    var current: any Database { UnitOfWork.connection ?? self }

    var sql: any SQLDatabase {
        guard let sql = current as? any SQLDatabase else { fatalError("BinaUsaha runs only on SQL databases") }
        return sql
    }

    /// Runs `body` as one write transaction, or inside the unit of work already open.
    ///
    /// On SQLite the write lock is taken when the transaction starts (`BEGIN IMMEDIATE`), so
    /// that a writer waits its turn (up to the busy timeout) instead of reading first and then
    /// failing with "database is locked" when another writer committed in between. Fluent's
    /// `transaction` opens a deferred one; we end that empty transaction at once and open an
    /// immediate one on the same connection, which Fluent then commits or rolls back.
    ///
    /// Lost races are retried a few times (nothing was committed); what remains is thrown as
    /// `WriteConflict`.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let open = UnitOfWork.connection { return try await body(open) }
        var attempt = 1
        while true {
            do {
                return try await transaction { db in
                    if let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
                        try await sql.raw("COMMIT").run()
                        try await sql.raw("BEGIN IMMEDIATE").run()
                    }
                    return try await UnitOfWork.$connection.withValue(db) { try await body(db) }
                }
            } catch {
                guard let conflict = WriteConflict(databaseError: error) else { throw error }
                if conflict == .busy, attempt < 3 {
                    attempt += 1
                    try await Task.sleep(nanoseconds: UInt64.random(in: 20_000_000...80_000_000))
                    continue
                }
                throw conflict
            }
        }
    }
}

extension WriteConflict {
    /// The conflict a database error stands for, if it is one: a busy or locked SQLite file, a
    /// PostgreSQL deadlock or serialisation failure (`busy`), or a unique key taken (`duplicate`).
    public init?(databaseError error: any Error) {
        if let conflict = error as? WriteConflict {
            self = conflict
            return
        }
        if error is ConnectionPoolTimeoutError {
            // Every connection stayed busy for the pool's whole wait.
            self = .busy
            return
        }
        if let sqlite = error as? SQLiteError {
            switch sqlite.reason {
            case .busy, .locked, .busyTimeout, .busyInSnapshot, .busyInRecovery, .lockedBySharedCache:
                self = .busy
            case .constraintUniqueFailed, .constraintPrimaryKeyFailed:
                self = .duplicate
            case .constraint where sqlite.message.contains("UNIQUE"):
                self = .duplicate
            default:
                return nil
            }
            return
        }
        if let postgres = error as? PSQLError, let state = postgres.serverInfo?[.sqlState] {
            switch state {
            case "40001", "40P01", "55P03": self = .busy
            case "23505": self = .duplicate
            default: return nil
            }
            return
        }
        return nil
    }
}

/// The persistence side of `Transactor`: a unit of work on Fluent.
public struct FluentTransactor: Transactor {
    let database: any Database

    public init(database: any Database) { self.database = database }

    public func run<T: Sendable>(_ work: @escaping @Sendable (Repositories) async throws -> T) async throws -> T {
        try await database.write { db in
            let started = DatabaseUse.shared.begin()
            defer { DatabaseUse.shared.end(started) }
            return try await work(.fluent(db))
        }
    }
}

extension Repositories {
    /// Every Fluent repository on `database`; lists of the register are read from
    /// `registerIndex` when one is given.
    public static func fluent(_ database: any Database, registerIndex: RegisterIndexStore? = nil) -> Repositories {
        Repositories(
            regions: FluentRegionRepository(database: database), users: FluentUserRepository(database: database),
            credentials: FluentCredentialRepository(database: database), audit: FluentAuditLog(database: database),
            beneficiaries: FluentBeneficiaryRepository(database: database, registerIndex: registerIndex),
            interests: FluentInterestRepository(database: database),
            importJobs: FluentImportJobStore(database: database), potentials: FluentPotentialRepository(database: database),
            skills: FluentSkillRepository(database: database), plans: FluentGroupPlanRepository(database: database),
            planningPeople: FluentBeneficiaryRepository(database: database), groups: FluentGroupRepository(database: database),
            coaching: FluentCoachingRepository(database: database), ledger: FluentLedgerRepository(database: database),
            partners: FluentPartnerRepository(database: database), outcomes: FluentOutcomeRepository(database: database))
    }
}

extension SQLDatabase {
    /// Moves a row from version `expected` to the next one, if it is still at `expected`: the
    /// first statement of a guarded update. On PostgreSQL it locks the row, so a second writer
    /// with the same version waits, then finds the version moved and gets false — never two
    /// winners (a version read in a separate SELECT would let both through).
    func claimVersion(of table: String, id: UUID, expected: Int) async throws -> Bool {
        let rows = try await update(table).set("version", to: SQLBind(expected + 1)).where("id", .equal, SQLBind(id))
            .where("version", .equal, SQLBind(expected)).returning("id").all()
        return !rows.isEmpty
    }
}
