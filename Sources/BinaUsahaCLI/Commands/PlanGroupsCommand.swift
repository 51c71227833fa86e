import BinaUsahaDomain
import BinaUsahaPersistence
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

    let clock: Clock
    public init(clock: Clock) { self.clock = clock }
    public var help: String { "Susun usulan kelompok KUBE untuk satu wilayah" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let console = context.console
        let regions = FluentRegionRepository(database: app.db)
        var scope: RegionCode?
        if let text = signature.region, !text.isEmpty {
            guard let code = try? RegionCode(validating: text), try await regions.find(code) != nil else {
                throw CLIError("Kode wilayah \"\(text)\" tidak dikenal.")
            }
            scope = code
        }
        let rules = PlanningRules(targetSize: signature.targetSize ?? 10)
        if let problem = rules.problem { throw CLIError(problem) }

        let started = Date()
        let people = try await FluentBeneficiaryRepository(database: app.db).planningPeople(within: scope)
        let plans = FluentGroupPlanRepository(database: app.db)
        let taken = try await plans.peopleInAcceptedPlans(within: scope)
        let skills = FluentSkillRepository(database: app.db)
        let recommender = try await LoadRecommender(potentials: FluentPotentialRepository(database: app.db), regions: regions, skills: skills,
                                                    settings: skills)(within: scope)
        let loaded = Date()
        let result = PlanGroups(recommender: recommender, rules: rules, today: CivilDate(clock.now()))(people, excluding: taken)
        let planned = Date()

        let names = try await regions.existing(Set(result.groups.flatMap { [$0.kecamatan] + $0.members.map(\.desa) }
            + result.leftOut.compactMap { if case let .tooFew(_, _, place) = $0.reason { place } else { nil } }))
        let place = { (code: RegionCode?) in code.flatMap { names[$0] }.map(Recommender.placeName) ?? code?.rawValue ?? "" }
        let skillNames = Dictionary(recommender.skills.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (index, group) in result.groups.enumerated().prefix(200) {
            console.print(String(format: "%4d. %@ · %@ · %@ · %d anggota · skor %.1f", index + 1, skillNames[group.skill] ?? group.skill,
                                 place(group.kecamatan), group.isSingleDesa ? place(group.mainDesa) : "beberapa desa",
                                 group.members.count, group.totalScore))
        }
        if result.groups.count > 200 { console.print("  … dan \(result.groups.count - 200) kelompok lain.") }
        var reasons: [String: Int] = [:]
        for person in result.leftOut {
            let text = person.reason.text(.id, skillName: { skillNames[$0] ?? $0 }, placeName: place, checkText: { KUBEEligibility.failedText($0, .id) })
            reasons[text, default: 0] += 1
        }
        let members = result.groups.reduce(0) { $0 + $1.members.count }
        console.print("\(result.groups.count) kelompok, \(members) anggota, \(result.leftOut.count) orang tidak masuk kelompok (dari \(people.count) calon).")
        for (text, count) in reasons.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(15) {
            console.print("  \(count) × \(text)")
        }
        console.print(String(format: "Waktu: baca data %.2f s, susun %.2f s.", loaded.timeIntervalSince(started), planned.timeIntervalSince(loaded)))
        if signature.save {
            let plan = GroupPlan(scope: scope, rules: rules, createdBy: "cli", createdAt: clock.now(), groups: result.groups, leftOut: result.leftOut)
            try await plans.insert(plan)
            try await FluentAuditLog(database: app.db).record(.create, by: .commandLine, at: clock.now(), entity: "group_plan",
                                                              entityID: plan.id.uuidString, region: scope, changes: [
                FieldChange(field: "groups", before: nil, after: String(plan.groups.count)),
                FieldChange(field: "members", before: nil, after: String(plan.memberCount)),
            ])
            console.print("Draf rencana disimpan: /plans/\(plan.id)")
        }
    }
}
