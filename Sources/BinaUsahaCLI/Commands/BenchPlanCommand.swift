import BinaUsahaDomain
import Foundation
import Vapor

/// `binausaha bench plan --people N [--regions DIR]`: generates N candidates spread over the
/// province's desa (the official list when present, else the craft-centre villages), with the
/// shipped catalogue and potentials, and times recommendation + planning in memory. The
/// database part (reading candidates) is timed by `plan-groups` on a benchmark database.
struct BenchPlanCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "people", help: "Jumlah calon (bawaan 1000000)") var people: Int?
        @Option(name: "regions", help: "Folder data wilayah resmi; bawaan ../shared/data/regions") var regions: String?
        init() {}
    }

    let services: CommandServices
    var help: String { "Ukur kecepatan rekomendasi dan penyusunan KUBE dalam memori" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        let count = signature.people ?? 1_000_000
        let folder = signature.regions ?? "../shared/data/regions"
        var regions: [Region] = SumateraSelatan.all + CraftCentres.regions
        if FileManager.default.fileExists(atPath: folder + "/villages_16.csv") {
            for (file, kind) in [("districts_16.csv", RegionKind.kecamatan), ("villages_16.csv", RegionKind.desa)] {
                let parsed = try RegionFileParser.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file)"))))
                regions += parsed.rows.compactMap { row in
                    (try? RegionCode(validating: row.code)).map { Region(code: $0, name: row.name, kind: kind) }
                }
            }
        } else {
            console.warning("\(folder) tidak ada: hanya desa sentra kerajinan bawaan yang dipakai.")
        }
        let villages = Array(Set(regions.filter { $0.level == .desaKelurahan }.map(\.code))).sorted()
        let interests = CraftCentres.all.flatMap(\.interests) + ["pertanian", "perdagangan", "olahan pangan", "menjahit", "peternakan", "tenun"]
        var random = SeededRandom(seed: 7)
        let t0 = Date()
        var people: [PlanningPerson] = []
        people.reserveCapacity(count)
        var family = 0
        for index in 0..<count {
            if index == 0 || Int.random(in: 0..<10, using: &random) < 8 { family += 1 }
            let desa = villages[Int.random(in: 0..<villages.count, using: &random)]
            let picked = Array(Set((0..<Int.random(in: 1...2, using: &random)).map { _ in interests.randomElement(using: &random)! })).sorted()
            people.append(
                PlanningPerson(
                    id: UUID(), noKK: "KK\(family)", desa: desa, interests: picked,
                    birthDate: CivilDate(year: Int.random(in: 1958...2006, using: &random), month: 6, day: 15)!,
                    isHeadOfFamily: Int.random(in: 0..<10, using: &random) < 8,
                    priorKUBE: Int.random(in: 0..<20, using: &random) == 0))
        }
        let generated = Date()
        let recommender = Recommender(
            skills: StartingCatalogue.skills, resources: StartingCatalogue.resources,
            potentials: PotentialMap(StartingCatalogue.potentials, crafts: StartingCatalogue.localCrafts), regions: regions)
        let planner = PlanGroups(recommender: recommender, rules: PlanningRules(), today: CivilDate(services.clock.now()))
        let c0 = Date()
        let candidates = planner.candidates(people)
        let c1 = Date()
        let result = GroupPlanner(rules: planner.rules).plan(candidates)
        let c2 = Date()
        let members = result.groups.reduce(0) { $0 + $1.members.count }
        console.print(
            "Calon: \(count) di \(villages.count) desa/kelurahan (dibuat dalam \(String(format: "%.1f", generated.timeIntervalSince(t0))) s)")
        console.print(String(format: "Rekomendasi untuk semua calon: %.2f s", c1.timeIntervalSince(c0)))
        console.print(String(format: "Penyusunan kelompok: %.2f s", c2.timeIntervalSince(c1)))
        console.print(String(format: "Total rekomendasi + penyusunan: %.2f s", c2.timeIntervalSince(c0)))
        console.print("Hasil: \(result.groups.count) kelompok, \(members) anggota, \(result.leftOut.count) tidak masuk kelompok")
        console.print(String(format: "Memori puncak proses: %.0f MiB", BenchImportCommand.peakMemoryMiB()))
    }
}
