import BinaUsahaDomain
import Foundation
import Vapor

/// `binausaha eval recommendations FILE.csv [--minimum-top1 PERCENT]`: measures the recommender
/// of the configured database (its catalogue, potentials, crafts, KUBE track records and
/// weights) against a labelled set, prints top-1 and top-3 agreement and every disagreement with
/// its scores, and fails when top-1 is below the minimum.
public struct EvalCommand: AsyncCommandGroup {
    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Uji mutu (eval recommendations FILE.csv)" }
    public var commands: [String: any AnyAsyncCommand] { ["recommendations": EvalRecommendationsCommand(services: services)] }
}

struct EvalRecommendationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file", help: "CSV kasus berlabel: kode_desa, minat, keahlian, disabilitas, kendala_kesehatan, usia, utama, alternatif, catatan")
        var file: String
        @Option(name: "minimum-top1", help: "Gagal (kode keluar bukan 0) bila kesesuaian top-1 di bawah persen ini") var minimumTop1: Double?
        init() {}
    }

    let services: CommandServices
    var help: String { "Bandingkan rekomendasi dengan kasus berlabel" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let repositories = services.repositories(app.db)
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw CLIError("Berkas \(signature.file) tidak dapat dibaca.") }
        let recommender = try await LoadRecommender(repositories)(within: nil)
        let cases: [LabelledCase]
        do {
            cases = try LabelledCases.parse(Array(data), skills: Set(recommender.skills.map(\.code)))
        } catch {
            throw CLIError("\(signature.file) baris \(error.line): \(error.message)")
        }
        let missing = Set(cases.map(\.subject.desa)).subtracting(try await repositories.regions.existing(Set(cases.map(\.subject.desa))).keys)
        if !missing.isEmpty {
            context.console.print(
                "Catatan: \(missing.count) kode desa belum ada di basis data (impor wilayah dulu): "
                    + missing.map(\.rawValue).sorted().prefix(10).joined(separator: ", "))
        }
        let evaluation = RecommendationEvaluation(cases, recommender: recommender)
        context.console.print(evaluation.report(.id))
        if let minimum = signature.minimumTop1, evaluation.top1Share * 100 < minimum {
            throw CLIError("Kesesuaian top-1 \(RecommendationEvaluation.percent(evaluation.top1Share)) di bawah \(minimum) %.")
        }
    }
}
