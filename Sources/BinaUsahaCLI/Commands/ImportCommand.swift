import BinaUsahaDomain
import Fluent
import Foundation
import Vapor

/// `binausaha import beneficiaries FILE.csv [--dry-run] [--as USERNAME]`
public struct ImportCommand: AsyncCommandGroup {
    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Impor data dari berkas CSV (import beneficiaries FILE.csv)" }
    public var commands: [String: any AnyAsyncCommand] { ["beneficiaries": ImportBeneficiariesCommand(services: services)] }
}

struct ImportBeneficiariesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas CSV penerima manfaat") var file: String
        @Flag(name: "dry-run", help: "Periksa saja, jangan simpan") var dryRun: Bool
        @Option(name: "as", help: "Impor atas nama pengguna ini (wilayahnya membatasi baris)") var username: String?
        init() {}
    }

    let services: CommandServices
    var help: String { "Impor penerima manfaat dari CSV; baris bermasalah dilaporkan dan dilewati" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let console = context.console
        var actor = AuditActor.commandLine
        var scope: RegionCode?
        if let username = signature.username {
            guard let user = try await services.repositories(app.db).users.find(username: username.lowercased()), user.isActive
            else { throw CLIError(UserRuleError.unknownUser(username).message(.id)) }
            actor = AuditActor(user.principal)
            scope = user.region
        }
        let importer = try await services.importer(app.db, scope: scope)
        let path = signature.file
        let name = (path as NSString).lastPathComponent
        let interactive = isatty(STDOUT_FILENO) != 0
        let started = Date()
        let report: ImportBeneficiaries.Report
        do {
            report = try await importer(
                source: { try FileByteSource(path: path) }, dryRun: signature.dryRun, actor: actor,
                fileName: name, progress: { progress in Self.show(progress, interactive: interactive) })
        } catch let error as ImportFileError {
            throw CLIError("\(name): \(error.message(.id))")
        }
        if interactive { print("") }

        let seconds = Date().timeIntervalSince(started)
        console.print(signature.dryRun ? "Pemeriksaan (tanpa menyimpan) \(name):" : "Impor \(name):")
        console.print("  \(report.summaryID)")
        console.print(String(format: "  waktu %.1f detik (%.0f baris/detik)", seconds, Double(report.totalRows) / max(seconds, 0.001)))
        for problem in report.problems.prefix(30) {
            console.warning(
                "  baris \(problem.line)\(problem.column.map { " [\($0)]" } ?? "")\(problem.value.map { " \"\($0)\"" } ?? ""): \(problem.message(.id))"
            )
        }
        if !report.problems.isEmpty {
            let reportPath = path.replacingOccurrences(of: ".csv", with: "") + "-masalah.csv"
            try CSVText.problems(report.problems, lang: .id).write(toFile: reportPath, atomically: true, encoding: .utf8)
            if report.problems.count > 30 { console.print("  … dan \(report.problems.count - 30) masalah lain.") }
            console.print("  Semua masalah: \(reportPath)")
        }
        if signature.dryRun { console.print("Tidak ada yang disimpan. Jalankan tanpa --dry-run untuk mengimpor.") }
    }

    static func show(_ report: ImportBeneficiaries.Report, interactive: Bool) {
        let expected = max(report.expectedRows, report.processed, 1)
        let share = Double(report.processed) / Double(expected)
        if interactive {
            let width = 30
            let filled = Int(share * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardOutput.write(Data("\r  \(bar) \(Int(share * 100))%  \(report.processed)/\(expected) baris".utf8))
        } else if report.processed % 10_000 < 1_000 || report.processed == expected {
            print("  … \(report.processed)/\(expected) baris")
        }
    }
}
