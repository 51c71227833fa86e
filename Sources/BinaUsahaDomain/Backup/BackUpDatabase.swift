import Foundation

/// Writes the whole database to one file and checks the file against the database: every
/// table's rows and checksum. Audited.
public struct BackUpDatabase: Sendable {
    public let archive: any DatabaseArchive
    public let transactor: any Transactor
    public let clock: Clock

    public init(archive: any DatabaseArchive, transactor: any Transactor, clock: Clock) {
        self.archive = archive
        self.transactor = transactor
        self.clock = clock
    }

    /// The archive's tables; throws `ArchiveError.mismatch` when the file does not hold what
    /// the database held (on a system that is written meanwhile, run it again).
    public func callAsFunction(to file: String, by actor: AuditActor) async throws -> [TableSummary] {
        guard !FileManager.default.fileExists(atPath: file) else { throw ArchiveError.fileExists(file) }
        try await archive.write(to: file)
        let written = try await archive.summaries(of: file)
        let source = try await archive.summaries(of: nil)
        // The audit trail may have grown meanwhile (sign-ins); every other table must agree.
        let differing = Self.differences(source, written).filter { $0 != "audit_log" && $0 != "login_attempts" }
        guard differing.isEmpty else { throw ArchiveError.mismatch(differing) }
        let rows = written.reduce(0) { $0 + $1.rows }
        try await transactor.run { repositories in
            try await repositories.audit.record(
                .backup, by: actor, at: clock.now(), entity: "database", entityID: nil, region: nil,
                note: "\(written.count) tabel, \(rows) baris")
        }
        return written
    }

    /// The tables whose rows or checksums differ, or that only one side has.
    public static func differences(_ one: [TableSummary], _ other: [TableSummary]) -> [String] {
        let byName = Dictionary(other.map { ($0.table, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Set(one.map(\.table)).union(byName.keys)
        return names.sorted().filter { name in one.first { $0.table == name } != byName[name] }
    }
}

/// Replaces the database's content with a backup's, then checks every table against the
/// file. The app's instances should be stopped first, as for any restore. Audited (the
/// entry is written after the restore, so the restored trail shows it).
public struct RestoreDatabase: Sendable {
    public let archive: any DatabaseArchive
    public let transactor: any Transactor
    public let clock: Clock

    public init(archive: any DatabaseArchive, transactor: any Transactor, clock: Clock) {
        self.archive = archive
        self.transactor = transactor
        self.clock = clock
    }

    public func callAsFunction(from file: String, by actor: AuditActor) async throws -> [TableSummary] {
        guard FileManager.default.fileExists(atPath: file) else { throw ArchiveError.fileMissing(file) }
        let expected = try await archive.summaries(of: file)
        try await archive.restore(from: file)
        let restored = try await archive.summaries(of: nil)
        // The register's generation counters are moved on by a restore (see the archive).
        let differing = BackUpDatabase.differences(expected, restored).filter { !Self.movedOn.contains($0) }
        guard differing.isEmpty else { throw ArchiveError.mismatch(differing) }
        let rows = restored.reduce(0) { $0 + $1.rows }
        try await transactor.run { repositories in
            try await repositories.audit.record(
                .restore, by: actor, at: clock.now(), entity: "database", entityID: nil, region: nil,
                note: "\(restored.count) tabel, \(rows) baris dari \((file as NSString).lastPathComponent)")
        }
        return restored
    }

    /// Tables whose content a restore changes on purpose: the register's generation moves
    /// past every generation the running instances have seen, so that they reload.
    static let movedOn: Set<String> = ["beneficiaries", "register_state", "register_removals"]
}
