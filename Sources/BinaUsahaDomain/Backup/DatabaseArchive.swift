import Foundation

/// One table of the database as a backup check sees it: its rows and a checksum of their
/// content, independent of the order they are stored in.
public struct TableSummary: Sendable, Equatable, Codable {
    public var table: String
    public var rows: Int
    /// 16 hex digits (FNV-1a, 64 bit) over the rows' text, sorted: equal tables, equal sums.
    public var checksum: String

    public init(table: String, rows: Int, checksum: String) {
        self.table = table
        self.rows = rows
        self.checksum = checksum
    }
}

/// The whole database as one file: written while the system runs, read back in one step.
public protocol DatabaseArchive: Sendable {
    /// Every table of the database (the one in use, or the archive `file`), by name.
    func summaries(of file: String?) async throws -> [TableSummary]
    /// Writes a consistent copy of the database to `file` (which must not exist yet).
    func write(to file: String) async throws
    /// Replaces the content of every table with the archive's; nothing changes if it fails.
    func restore(from file: String) async throws
}

public enum ArchiveError: Error, Equatable, Sendable {
    case fileExists(String)
    case fileMissing(String)
    case notAnArchive(String)
    /// The archive was written by a different schema (its migrations, this database's).
    case otherSchema(archive: Int, database: Int)
    case toolFailed(tool: String, status: Int32, output: String)
    /// The copy differs from its source in these tables.
    case mismatch([String])

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.fileExists(file), .id): "Berkas \(file) sudah ada; pilih nama lain agar tidak tertimpa."
        case let (.fileExists(file), .en): "\(file) already exists; choose another name so that it is not overwritten."
        case let (.fileMissing(file), .id): "Berkas \(file) tidak ditemukan."
        case let (.fileMissing(file), .en): "\(file) was not found."
        case let (.notAnArchive(file), .id): "Berkas \(file) bukan cadangan BinaUsaha yang dapat dibaca."
        case let (.notAnArchive(file), .en): "\(file) is not a readable BinaUsaha backup."
        case let (.otherSchema(archive, database), .id):
            "Cadangan dibuat dengan skema lain (\(archive) migrasi, basis data ini \(database)); pulihkan dengan versi BinaUsaha yang membuatnya."
        case let (.otherSchema(archive, database), .en):
            "The backup has another schema (\(archive) migrations, this database \(database)); restore it with the BinaUsaha version that made it."
        case let (.toolFailed(tool, status, output), .id): "\(tool) gagal (kode \(status)): \(output)"
        case let (.toolFailed(tool, status, output), .en): "\(tool) failed (status \(status)): \(output)"
        case let (.mismatch(tables), .id): "Salinan berbeda dari sumbernya pada tabel: \(tables.joined(separator: ", "))."
        case let (.mismatch(tables), .en): "The copy differs from its source in: \(tables.joined(separator: ", "))."
        }
    }
}
