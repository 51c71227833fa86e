import BinaUsahaDomain
import Foundation
import Vapor

/// `binausaha migrate-to postgres://…`: the SQLite database in use copied to an empty
/// PostgreSQL database, every table checked on both sides; then start with `DATABASE_URL`.
public struct MigrateToCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Argument(name: "url", help: "PostgreSQL tujuan (kosong): postgres://pengguna:sandi@host:5432/nama") var url: String
        public init() {}
    }

    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Salin seluruh basis data SQLite ke PostgreSQL yang kosong, diperiksa per tabel" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let copy = CopyDatabase(copier: services.copier(app), transactor: services.transactor(app.db), clock: services.clock)
        let started = Date()
        do {
            let tables = try await copy(to: signature.url, by: .commandLine)
            TableReport.print(tables, to: context.console)
            context.console.print(
                "Disalin ke PostgreSQL dalam \(String(format: "%.1f", Date().timeIntervalSince(started))) detik; setiap tabel sama. "
                    + "Jalankan layanan dengan DATABASE_URL ke basis data itu.")
        } catch let error as CopyError {
            throw CLIError(error.message(.id))
        } catch let error as ArchiveError {
            throw CLIError(error.message(.id))
        }
    }
}
