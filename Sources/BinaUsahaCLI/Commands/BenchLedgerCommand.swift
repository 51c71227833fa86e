import BinaUsahaDomain
import Foundation
import Vapor

/// `binausaha bench ledger --groups 100000 --months 24 --db /tmp/ledger.sqlite`: fills an empty
/// database with a province's production and sales ledger and times the monthly summaries the
/// pages and the API answer: per kab/kota for the province, one kab/kota's month, one
/// kab/kota's twelve-month trend and the province per skill (p50/p95 over 200 runs each).
struct BenchLedgerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "groups", help: "Jumlah KUBE (bawaan 100000)") var groups: Int?
        @Option(name: "months", help: "Jumlah bulan (bawaan 24)") var months: Int?
        init() {}
    }

    let services: CommandServices
    var help: String { "Ukur ringkasan produksi dan penjualan bulanan (KUBE × bulan)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let console = context.console
        let groups = signature.groups ?? 100_000
        let ledger = services.repositories(app.db).ledger
        let now = YearMonth(services.clock.now())
        let months = now.lastMonths(signature.months ?? 24)
        if try await ledger.totals(within: nil, from: months.first!, to: months.last!, by: .month).isEmpty {
            let t0 = Date()
            try await services.fillLedgerBenchmark(app.db, groups, months, StartingCatalogue.skills.map(\.code))
            let seconds = Date().timeIntervalSince(t0)
            console.print(String(format: "Diisi: %d KUBE × %d bulan = %d baris dalam %.0f s", groups, months.count, groups * months.count, seconds))
        } else {
            console.print("Basis data sudah berisi buku usaha: langsung diukur.")
        }
        let kabkotas = SumateraSelatan.all.filter { $0.level == .kabupatenKota }.map(\.code)
        var random = SeededRandom(seed: 3)
        func measure(_ label: String, _ run: () async throws -> Int) async throws {
            var times: [Double] = []
            var rows = 0
            for _ in 0..<200 {
                let t0 = Date()
                rows = try await run()
                times.append(Date().timeIntervalSince(t0) * 1_000)
            }
            console.print(
                String(
                    format: "%@: p50 %.2f ms, p95 %.2f ms, maks %.2f ms (%d baris)", label, BenchImportCommand.percentile(times, 50),
                    BenchImportCommand.percentile(times, 95), times.max() ?? 0, rows))
        }
        try await measure("Ringkasan bulanan per kab/kota, seluruh provinsi") {
            let month = months.randomElement(using: &random)!
            return try await ledger.totals(within: nil, from: month, to: month, by: .kabupatenKota).count
        }
        try await measure("Ringkasan bulanan satu kab/kota") {
            let month = months.randomElement(using: &random)!
            return try await ledger.totals(within: kabkotas.randomElement(using: &random)!, from: month, to: month, by: .kabupatenKota).count
        }
        try await measure("Tren 12 bulan satu kab/kota") {
            let last = months.randomElement(using: &random)!
            return try await ledger.totals(within: kabkotas.randomElement(using: &random)!, from: last.lastMonths(12).first!, to: last, by: .month)
                .count
        }
        try await measure("Ringkasan bulanan per keterampilan, seluruh provinsi") {
            let month = months.randomElement(using: &random)!
            return try await ledger.totals(within: nil, from: month, to: month, by: .skill).count
        }
    }
}
