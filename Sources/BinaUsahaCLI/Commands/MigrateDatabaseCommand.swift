import Fluent
import Vapor

/// `binausaha migrate` — brings the database schema up to date (no prompt; `serve` does the
/// same on start). `--revert` undoes the last batch, after confirmation.
public struct MigrateDatabaseCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Batalkan kelompok migrasi terakhir") var revert: Bool
        public init() {}
    }

    public init() {}
    public var help: String { "Perbarui skema basis data (migrasi)" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        let migrator = context.application.migrator
        try await migrator.setupIfNeeded().get()
        if signature.revert {
            guard context.console.confirm("Batalkan migrasi terakhir? Data di tabel itu akan hilang.") else { return }
            try await migrator.revertLastBatch().get()
            context.console.print("Migrasi terakhir dibatalkan.")
            return
        }
        let pending = try await migrator.previewPrepareBatch().get()
        try await migrator.prepareBatch().get()
        if pending.isEmpty {
            context.console.print("Skema sudah mutakhir.")
        } else {
            for (migration, _) in pending { context.console.print("  diterapkan: \(migration.name)") }
            context.console.print("\(pending.count) migrasi diterapkan.")
        }
    }
}
