import BinaUsahaDomain
import Fluent
import Foundation
import Vapor

/// `binausaha regions import FILE.csv` — loads an official region list (idempotent upsert).
public struct ImportRegionsCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas CSV wilayah (provinces.csv, regencies.csv, districts_16.csv, villages_16.csv)")
        var file: String
        public init() {}
    }

    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Impor daftar wilayah resmi dari berkas CSV" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CLIError("Berkas tidak dapat dibaca: \(signature.file)")
        }
        let parsed: RegionFileParser.Parsed
        do { parsed = try RegionFileParser.parse([UInt8](data)) } catch {
            throw CLIError("\(signature.file): \(error.message(.id))")
        }
        let file = (signature.file as NSString).lastPathComponent
        let report = try await ImportRegions(transactor: services.transactor(app.db), clock: services.clock)(
            rows: parsed.rows, unreadable: parsed.unreadable, expectedLevel: parsed.expectedLevel, fileName: file, by: .commandLine)
        let repository = services.repositories(app.db).regions
        let potentials = report.potentialsAdded

        let console = context.console
        console.print("Impor wilayah: \((signature.file as NSString).lastPathComponent)")
        console.print(
            "  baris data: \(report.total) · baru: \(report.inserted) · diperbarui: \(report.updated)"
                + " · tidak berubah: \(report.unchanged) · ditolak: \(report.rejected.count)")
        for problem in report.rejected {
            let value = problem.value.map { " (\(problem.column ?? "nilai") = \"\($0)\")" } ?? ""
            console.warning("  baris \(problem.line)\(value): \(problem.message(.id))")
        }
        var totals: [String] = []
        for level in RegionLevel.allCases {
            totals.append("\(level.nameID) \(try await repository.count(level: level))")
        }
        console.print("Jumlah wilayah sekarang: " + totals.joined(separator: " · "))
        if potentials > 0 { console.print("Potensi bawaan dicatat untuk wilayah baru: \(potentials)") }
    }
}
