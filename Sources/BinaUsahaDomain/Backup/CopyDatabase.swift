import Foundation

/// Copies a whole SQLite database to an empty PostgreSQL database (an office that grows),
/// checks every table on both sides (rows and checksums of the values, compared as values:
/// a UUID, a moment, a yes/no read the same on both) and audits the move in the source.
public protocol DatabaseCopier: Sendable {
    /// Migrates the target, copies every table in one transaction and returns the tables of
    /// the source and of the target, summed the same way.
    func copy(to target: String) async throws -> (source: [TableSummary], target: [TableSummary])
}

public enum CopyError: Error, Equatable, Sendable {
    case notSQLite
    case notPostgres
    /// The target already holds people or users: it is in use.
    case targetInUse(people: Int, users: Int)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.notSQLite, .id): "Basis data sekarang bukan SQLite; migrate-to menyalin dari berkas SQLite."
        case (.notSQLite, .en): "The database in use is not SQLite; migrate-to copies from an SQLite file."
        case (.notPostgres, .id): "Tujuan harus alamat PostgreSQL: postgres://pengguna:sandi@host:5432/nama"
        case (.notPostgres, .en): "The target must be a PostgreSQL URL: postgres://user:password@host:5432/name"
        case let (.targetInUse(people, users), .id):
            "Basis data tujuan sudah dipakai (\(people) penerima manfaat, \(users) pengguna); pilih basis data kosong."
        case let (.targetInUse(people, users), .en):
            "The target database is in use (\(people) people, \(users) users); choose an empty database."
        }
    }
}

public struct CopyDatabase: Sendable {
    public let copier: any DatabaseCopier
    public let transactor: any Transactor
    public let clock: Clock

    public init(copier: any DatabaseCopier, transactor: any Transactor, clock: Clock) {
        self.copier = copier
        self.transactor = transactor
        self.clock = clock
    }

    /// The target's tables; throws `ArchiveError.mismatch` when a table differs.
    public func callAsFunction(to target: String, by actor: AuditActor) async throws -> [TableSummary] {
        guard target.hasPrefix("postgres://") || target.hasPrefix("postgresql://") else { throw CopyError.notPostgres }
        let (source, copied) = try await copier.copy(to: target)
        // The target ran its own migrations: their rows carry its own times.
        let differing = BackUpDatabase.differences(source, copied).filter { $0 != "_fluent_migrations" }
        guard differing.isEmpty else { throw ArchiveError.mismatch(differing) }
        let rows = copied.reduce(0) { $0 + $1.rows }
        try await transactor.run { repositories in
            try await repositories.audit.record(
                .export, by: actor, at: clock.now(), entity: "database", entityID: nil, region: nil,
                note: "disalin ke PostgreSQL: \(copied.count) tabel, \(rows) baris")
        }
        return copied
    }
}
