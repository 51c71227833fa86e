import BinaUsahaDomain
import Foundation
import Vapor

/// `binausaha backup FILE`: the whole database in one file, written while the system runs,
/// checked table by table against the database (rows and checksums printed).
public struct BackupCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas cadangan baru (tidak boleh sudah ada)") var file: String
        public init() {}
    }

    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Cadangkan seluruh basis data ke satu berkas, diperiksa per tabel" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let backUp = BackUpDatabase(archive: services.archive(db), transactor: services.transactor(db), clock: services.clock)
        let started = Date()
        do {
            let tables = try await backUp(to: signature.file, by: .commandLine)
            TableReport.print(tables, to: context.console)
            context.console.print(
                "Cadangan \(signature.file) selesai dalam \(String(format: "%.1f", Date().timeIntervalSince(started))) detik; "
                    + "setiap tabel sama dengan basis data.")
        } catch let error as ArchiveError {
            throw CLIError(error.message(.id))
        }
    }
}

/// `binausaha restore FILE`: the database's content replaced by a backup's, checked table by
/// table against the file. Stop the app's instances first.
public struct RestoreCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas cadangan dari `binausaha backup`") var file: String
        @Flag(name: "yes", short: "y", help: "Jangan bertanya lagi") var yes: Bool
        public init() {}
    }

    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Pulihkan basis data dari berkas cadangan (isi sekarang diganti)" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        guard
            signature.yes
                || context.console.confirm(
                    "Seluruh isi basis data diganti dengan isi \(signature.file). Hentikan dulu layanan BinaUsaha. Lanjutkan?")
        else { return }
        let db = context.application.db
        let restore = RestoreDatabase(archive: services.archive(db), transactor: services.transactor(db), clock: services.clock)
        do {
            let tables = try await restore(from: signature.file, by: .commandLine)
            TableReport.print(tables, to: context.console)
            context.console.print("Basis data dipulihkan dari \(signature.file); setiap tabel sama dengan cadangannya.")
        } catch let error as ArchiveError {
            throw CLIError(error.message(.id))
        }
    }
}

enum TableReport {
    static func print(_ tables: [TableSummary], to console: any Console) {
        let width = max(5, tables.map(\.table.count).max() ?? 0)
        for table in tables {
            let name = table.table.padding(toLength: width, withPad: " ", startingAt: 0)
            let rows = String(repeating: " ", count: max(0, 10 - String(table.rows).count)) + String(table.rows)
            console.print("  \(name) \(rows) baris  \(table.checksum)")
        }
    }
}
