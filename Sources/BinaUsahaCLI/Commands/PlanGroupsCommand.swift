import BinaUsahaDomain
import Fluent
import Foundation
import Vapor

/// `binausaha plan-groups --region CODE [--target-size N] [--save]`: proposes KUBE groups and
/// prints them (no names: group number, business, desa, member count, score); `--save` stores
/// the proposal as a draft plan to review in the browser.
public struct PlanGroupsCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Option(name: "region", help: "Kode kecamatan atau kabupaten/kota (kosong = seluruh provinsi)") var region: String?
        @Option(name: "target-size", help: "Target anggota per kelompok, 5–20 (bawaan 10)") var targetSize: Int?
        @Flag(name: "save", help: "Simpan usulan sebagai draf rencana") var save: Bool
        public init() {}
    }

    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Susun usulan kelompok KUBE untuk satu wilayah" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let console = context.console
        let propose = ProposePlan(transactor: services.transactor(app.db), repositories: services.repositories(app.db), clock: services.clock)
        let scope: RegionCode?
        let rules: PlanningRules
        do {
            rules = try ProposePlan.rules(targetSize: signature.targetSize.map(String.init))
            scope = try await propose.scope(signature.region, within: nil)
        } catch let problem as PlanRequestProblem {
            throw CLIError(problem.message(.id))
        }

        // The same proposal the page and the API make: people already in an accepted plan or
        // an active KUBE are left out.
        let started = Date()
        let proposal = try await propose.preview(scope: scope, rules: rules)
        let planned = Date()
        let result = proposal.result
        let names = try await services.repositories(app.db).regions.existing(
            Set(
                result.groups.flatMap { [$0.kecamatan] + $0.members.map(\.desa) }
                    + result.leftOut.compactMap { if case let .tooFew(_, _, place) = $0.reason { place } else { nil } }))
        let place = { (code: RegionCode?) in code.flatMap { names[$0] }.map(Recommender.placeName) ?? code?.rawValue ?? "" }
        let skillNames = proposal.skillNames
        for (index, group) in result.groups.enumerated().prefix(200) {
            console.print(
                String(
                    format: "%4d. %@ · %@ · %@ · %d anggota · skor %.1f", index + 1, skillNames[group.skill] ?? group.skill,
                    place(group.kecamatan), group.isSingleDesa ? place(group.mainDesa) : "beberapa desa",
                    group.members.count, group.totalScore))
        }
        if result.groups.count > 200 { console.print("  … dan \(result.groups.count - 200) kelompok lain.") }
        var reasons: [String: Int] = [:]
        for person in result.leftOut {
            let text = person.reason.text(
                .id, skillName: { skillNames[$0] ?? $0 }, placeName: place, checkText: { KUBEEligibility.failedText($0, .id) })
            reasons[text, default: 0] += 1
        }
        let members = result.groups.reduce(0) { $0 + $1.members.count }
        console.print(
            "\(result.groups.count) kelompok, \(members) anggota, \(result.leftOut.count) orang tidak masuk kelompok (dari \(proposal.candidates) calon)."
        )
        for (text, count) in reasons.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(15) {
            console.print("  \(count) × \(text)")
        }
        console.print(String(format: "Waktu: baca data dan susun %.2f s.", planned.timeIntervalSince(started)))
        if signature.save {
            let plan = try await propose(scope: scope, rules: rules, by: .commandLine)
            console.print("Draf rencana disimpan: /plans/\(plan.id)")
        }
    }
}
