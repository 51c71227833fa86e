import BinaUsahaDomain
import Foundation
import Testing

@Suite("Potentials and skill recommendation")
struct RecommenderTests {
    static let regions = SumateraSelatan.all + CraftCentres.regions
    static let shipped = Recommender(
        skills: StartingCatalogue.skills, resources: StartingCatalogue.resources,
        potentials: PotentialMap(StartingCatalogue.potentials, crafts: StartingCatalogue.localCrafts), regions: regions)
    let pedamaran = RegionCode(trusted: "16.02.03.2007")
    let lumpatan = RegionCode(trusted: "16.06.01.2002")

    static func subject(_ desa: RegionCode, _ interests: [String], talents: [String] = [], limits: Set<Limitation> = []) -> RecommendationSubject {
        RecommendationSubject(desa: desa, interests: interests, talents: talents, limitations: limits)
    }

    @Test("A desa inherits its kecamatan's and kab/kota's potentials; its own record wins")
    func inheritance() {
        let map = PotentialMap([
            Potential(region: RegionCode(trusted: "16.02"), resource: "karet", abundance: .melimpah),
            Potential(region: RegionCode(trusted: "16.02.03"), resource: "purun", abundance: .melimpah),
            Potential(region: pedamaran, resource: "purun", abundance: .terbatas),
        ])
        #expect(map.availability(of: "purun", at: pedamaran)?.potential.abundance == .terbatas)
        #expect(map.availability(of: "purun", at: pedamaran)?.relation == .own)
        #expect(map.availability(of: "purun", at: RegionCode(trusted: "16.02.03.2006"))?.potential.abundance == .melimpah)
        #expect(map.availability(of: "karet", at: pedamaran)?.relation == .inherited)
        #expect(map.availability(of: "kopi", at: pedamaran) == nil)
        #expect(map.effective(at: pedamaran).map(\.potential.resource) == ["karet", "purun"])
    }

    @Test("More local evidence counts more: desa > kecamatan > neighbouring desa > kab/kota")
    func levels() {
        let melimpah = Abundance.melimpah
        let map = PotentialMap([
            Potential(region: RegionCode(trusted: "16.02"), resource: "karet", abundance: melimpah),
            Potential(region: RegionCode(trusted: "16.02.03"), resource: "purun", abundance: melimpah),
            Potential(region: pedamaran, resource: "pandan", abundance: melimpah),
            Potential(region: RegionCode(trusted: "16.02.03.2006"), resource: "ikan-sungai", abundance: melimpah),
        ])
        let factors = ["pandan", "purun", "ikan-sungai", "karet"].map { map.availability(of: $0, at: pedamaran)?.factor ?? 0 }
        #expect(factors == [1.0, 0.8, 0.7, 0.6])
        #expect(map.availability(of: "ikan-sungai", at: pedamaran)?.level == .desaTetangga)
        #expect(map.availability(of: "ikan-sungai", at: RegionCode(trusted: "16.06.02.2001")) == nil)
    }

    @Test("An established craft counts most in its own desa, less next door, not at all elsewhere")
    func crafts() throws {
        let map = PotentialMap([], crafts: [LocalCraft(region: pedamaran, skill: "anyaman-purun", hasTrainers: true, hasBuyers: true)])
        let own = try #require(map.craft(of: "anyaman-purun", at: pedamaran))
        let next = try #require(map.craft(of: "anyaman-purun", at: RegionCode(trusted: "16.02.03.2006")))
        #expect(own.level == .desa && next.level == .desaTetangga)
        #expect(own.craft.strength == 0.9)
        #expect(map.craft(of: "anyaman-purun", at: lumpatan) == nil)
        #expect(map.craft(of: "batik", at: pedamaran) == nil)
    }

    @Test("A weaver in Pedamaran gets purun weaving first, with reasons naming evidence and level")
    func pedamaranWeaver() throws {
        let result = Self.shipped.recommend(Self.subject(pedamaran, ["anyaman"]))
        let first = try #require(result.ranked.first)
        #expect(first.skill == "anyaman-purun")
        #expect(!first.isAlternative)
        let reasons = first.reasons.map { $0.text(.id) }
        #expect(reasons.contains("Purun melimpah di Kec. Pedamaran (kecamatan)"))
        #expect(reasons.contains("sudah ada sentra di Desa Pedamaran I (desa): ada pembeli"))
        #expect(reasons.contains("minat: anyaman"))
        #expect(reasons.contains { $0.hasPrefix("nilai jual ") && $0.hasSuffix("× bahan baku") && $0.contains(",") })
        // rotan and bambu are nowhere near Pedamaran: excluded, with the reason
        #expect(result.excluded.contains { $0.skill == "anyaman-rotan" && $0.text(.id) == "Rotan tidak ada di Kec. Pedamaran" })
        #expect(!result.ranked.contains { $0.skill == "kerajinan-bambu" })
    }

    @Test("Interest is the person's choice: a skill matching none of it is an alternative, after every match")
    func interestFirst() throws {
        // Prahu Dipo: kopi is abundant city-wide, rotan is scarce in the desa but its craft is there.
        let prahuDipo = RegionCode(trusted: "16.72.04.1018")
        let ranked = Self.shipped.recommend(Self.subject(prahuDipo, ["kerajinan rotan"]), limit: 20).ranked
        #expect(ranked.first?.skill == "anyaman-rotan")
        let firstAlternative = try #require(ranked.firstIndex { $0.isAlternative })
        #expect(ranked[..<firstAlternative].allSatisfy { !$0.isAlternative })
        #expect(ranked[firstAlternative...].allSatisfy { $0.isAlternative })
        #expect(ranked[firstAlternative].reasons.map { $0.text(.id) }.contains("alternatif: belum sesuai minat yang tercatat"))
        // Even an alternative with a higher score stays below the matching skill: purun is
        // Pedamaran's craft, but a person who wants to weave cloth gets songket first.
        let craftHeavy = Self.shipped.with(weights: RecommendationWeights(localCraft: 5))
        let weaver = craftHeavy.recommend(Self.subject(pedamaran, ["tenun"]), limit: 20).ranked
        #expect(weaver.first?.skill == "tenun-songket")
        let purun = try #require(weaver.first { $0.skill == "anyaman-purun" })
        #expect(purun.isAlternative && purun.score > weaver[0].score)
    }

    @Test("Nothing local matches the interest: resource- and value-based alternatives, with the reason")
    func nothingLocalMatches() throws {
        let ranked = Self.shipped.recommend(Self.subject(pedamaran, ["ukir"])).ranked
        let first = try #require(ranked.first)
        #expect(first.skill == "anyaman-purun")
        #expect(ranked.allSatisfy { $0.isAlternative })
        #expect(first.reasons.map { $0.text(.id) }.contains("alternatif: belum sesuai minat yang tercatat"))
        #expect(Self.shipped.recommend(Self.subject(pedamaran, ["ukir"])).excluded.contains { $0.skill == "ukiran-kayu" })
    }

    @Test("Talents count like interests, more strongly")
    func talents() throws {
        let ranked = Self.shipped.recommend(Self.subject(pedamaran, ["tenun"], talents: ["anyaman"]), limit: 20).ranked
        #expect(ranked.first?.skill == "anyaman-purun")
        #expect(ranked.first?.reasons.map { $0.text(.id) }.contains("sudah bisa: anyaman") == true)
        let songket = try #require(ranked.first { $0.skill == "tenun-songket" })
        #expect(!songket.isAlternative)
        #expect(Self.shipped.weights.talent > Self.shipped.weights.interest)
    }

    @Test("Suitability: an unsuitable skill is excluded with the reason; a less suitable one loses score and says why")
    func suitability() throws {
        let breathing = Self.shipped.recommend(Self.subject(lumpatan, ["olahan pangan"], limits: [.pernapasan]), limit: 20)
        #expect(!breathing.ranked.contains { $0.skill == "ikan-salai" })
        let excluded = try #require(breathing.excluded.first { $0.skill == "ikan-salai" })
        #expect(excluded.text(.id) == "tidak cocok untuk gangguan pernapasan: bekerja lama di dekat asap pengasapan")
        let kemplang = try #require(breathing.ranked.first { $0.skill == "kemplang" })
        #expect(kemplang.parts.suitability == SuitabilityRule.lessSuitedFactor)
        #expect(kemplang.reasons.map { $0.text(.id) }.contains("kurang cocok untuk gangguan pernapasan: asap pemanggangan"))
        #expect(breathing.ranked.first?.skill == "pempek")
        // The limitations come from the register's fields.
        #expect(Limitation.of(disability: "sensorik netra", health: ["pernapasan"], age: 61) == [.netra, .pernapasan, .lansia])
        #expect(Limitation.of(disability: "ganda", health: ["batuk"], age: 30) == [.fisik, .netra])
        #expect(Limitation.of(disability: "", health: [], age: 59).isEmpty)
    }

    @Test("Outcomes as proof: KUBE of the skill nearby enter the score and the explanation")
    func trackRecord() throws {
        let prahuDipo = RegionCode(trusted: "16.72.04.1018")
        let tracks = (0..<4).map {
            GroupTrack(
                skill: "anyaman-rotan", desa: prahuDipo, active: $0 < 3, revenue: 2_800_000, materialCost: 1_000_000, welfare: 900_000,
                memberMonths: 100)
        }
        let proven = Recommender(
            skills: StartingCatalogue.skills, resources: StartingCatalogue.resources,
            potentials: PotentialMap(StartingCatalogue.potentials, crafts: StartingCatalogue.localCrafts), regions: Self.regions,
            trackRecords: TrackRecords(tracks))
        let rotan = try #require(proven.recommend(Self.subject(prahuDipo, ["kerajinan rotan"])).ranked.first)
        #expect(rotan.reasons.map { $0.text(.id) }.contains("4 KUBE di Kec. Dempo Selatan (kecamatan), 3 masih aktif, nilai tambah 2,8×"))
        let before = try #require(Self.shipped.recommend(Self.subject(prahuDipo, ["kerajinan rotan"])).ranked.first)
        #expect(before.parts.trackRecord == 0.5)
        #expect(rotan.parts.trackRecord > 0.5 && rotan.score > before.score)
        let failed = TrackRecords(
            tracks.map {
                var t = $0
                t.active = false
                t.revenue = 0
                return t
            })
        let record = try #require(failed.record(of: "anyaman-rotan", at: prahuDipo))
        #expect(record.strength < 0.5 && record.active == 0)
    }

    @Test("Same input, same output; the score is the weighted sum on 0–100")
    func deterministicAndWeighted() throws {
        let a = Self.shipped.recommend(Self.subject(pedamaran, ["anyaman", "tenun"]), limit: 20)
        let b = Self.shipped.recommend(Self.subject(pedamaran, ["anyaman", "tenun"]), limit: 20)
        #expect(a.ranked == b.ranked)
        let purun = try #require(a.ranked.first { $0.skill == "anyaman-purun" })
        let w = Self.shipped.weights
        let p = purun.parts
        let weighted =
            w.resource * p.resource + w.localCraft * p.localCraft + w.interest * p.interest + w.talent * p.talent + w.valueAdded * p.valueAdded
            + w.trackRecord * p.trackRecord
        let expected = 100 * weighted / w.all.reduce(0, +)
        #expect(abs(purun.score - expected) < 0.06)
    }

    @Test("The planner's fast scores agree with the full ranking")
    func fastScores() {
        let subjects = [
            Self.subject(pedamaran, ["anyaman"]), Self.subject(pedamaran, ["olahan pangan", "tenun"]), Self.subject(pedamaran, []),
            Self.subject(lumpatan, ["olahan pangan"], talents: ["olahan ikan"], limits: [.pernapasan]),
        ]
        for subject in subjects {
            let fits = Self.shipped.placeFits(at: subject.desa)
            let full = Self.shipped.rank(fits, for: subject, limit: 5).ranked.map { SkillScore(skill: $0.skill, score: $0.score) }
            #expect(Self.shipped.scores(fits, for: subject, limit: 5) == full)
        }
    }

    @Test("Weights change the ranking within the matches; invalid weights are refused")
    func weights() throws {
        let interestOnly = Self.shipped.with(
            weights: RecommendationWeights(resource: 0, localCraft: 0, interest: 1, talent: 0, valueAdded: 0, trackRecord: 0))
        let ranked = interestOnly.recommend(Self.subject(pedamaran, ["tenun"]), limit: 20).ranked
        #expect(ranked.first?.skill == "tenun-songket")
        #expect(ranked.first?.score == 100)
        #expect(!RecommendationWeights(resource: 0, localCraft: 0, interest: 0, talent: 0, valueAdded: 0, trackRecord: 0).isValid)
        #expect(!RecommendationWeights(resource: -1).isValid)
        // Weights saved before the new parts existed read them at their standard value.
        let old = try JSONDecoder().decode(RecommendationWeights.self, from: Data(#"{"resource":1,"interest":2,"valueAdded":3}"#.utf8))
        #expect(old.resource == 1 && old.interest == 2 && old.valueAdded == 3 && old.talent == RecommendationWeights.standard.talent)
    }

    @Test("Unknown interests count as neutral and say so; bought materials say so")
    func neutralParts() throws {
        let ranked = Self.shipped.recommend(Self.subject(pedamaran, []), limit: 20).ranked
        #expect(ranked.allSatisfy { !$0.isAlternative })
        let sewing = try #require(ranked.first { $0.skill == "menjahit" })
        #expect(sewing.parts.interest == 0.5)
        #expect(sewing.reasons.map { $0.text(.id) }.contains("minat belum diisi"))
        #expect(sewing.reasons.map { $0.text(.id) }.contains("bahan baku dibeli di pasar"))
    }

    /// The labelled set shipped with the web target (also what `eval recommendations` reads in CI).
    static func labelledSet() throws -> [LabelledCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BinaUsahaWeb/Resources/recommendation-cases.csv")
        return try LabelledCases.parse(Array(try Data(contentsOf: url)), skills: Set(StartingCatalogue.skills.map(\.code)))
    }

    @Test("The labelled set: 100 % top-1 agreement with the officers' first choice")
    func labelled() throws {
        let cases = try Self.labelledSet()
        #expect(cases.count >= 30)
        let evaluation = RecommendationEvaluation(cases, recommender: Self.shipped)
        #expect(evaluation.top1 == cases.count, "\(evaluation.report())")
        #expect(evaluation.top3 == cases.count)
    }

    @Test("Every craft centre: a person whose interest is the centre's craft gets that craft first")
    func everyCraftCentre() throws {
        let catalogue = Dictionary(uniqueKeysWithValues: StartingCatalogue.skills.map { ($0.code, $0) })
        for centre in CraftCentres.all {
            for craft in centre.skills {
                // The craft's most specific interest tag (the one fewest catalogue skills share).
                let tags = try #require(catalogue[craft]?.interests)
                let tag = try #require(
                    tags.min { a, b in
                        StartingCatalogue.skills.filter { $0.interests.contains(a) }.count
                            < StartingCatalogue.skills.filter { $0.interests.contains(b) }.count
                    })
                let first = Self.shipped.recommend(Self.subject(centre.desa.code, [tag])).ranked.first
                let shared = StartingCatalogue.skills.filter { $0.interests.contains(tag) }.map(\.code)
                // When the tag is shared with another craft of the same centre, either of them may lead.
                let accepted = Set([craft] + centre.skills.filter { shared.contains($0) })
                #expect(first.map { accepted.contains($0.skill) } == true, "\(centre.desa.name) \(craft) [\(tag)]: \(first?.skill ?? "-")")
                #expect(first?.reasons.contains { if case .localCraft = $0 { true } else { false } } == true)
            }
        }
    }

    @Test("Every craft centre: a person whose interests match nothing feasible there gets resource- and value-based alternatives, with the reason")
    func everyCraftCentreNoLocalMatch() throws {
        let tags = Set(StartingCatalogue.skills.flatMap(\.interests)).sorted()
        var checked = 0
        for centre in CraftCentres.all {
            let desa = centre.desa.code
            // An interest no feasible skill of this desa answers.
            let feasible = Self.shipped.recommend(Self.subject(desa, []), limit: 100).ranked.map(\.skill)
            let catalogue = Dictionary(uniqueKeysWithValues: StartingCatalogue.skills.map { ($0.code, $0) })
            guard let tag = tags.first(where: { tag in !feasible.contains { catalogue[$0]?.interests.contains(tag) == true } }) else { continue }
            let ranked = Self.shipped.recommend(Self.subject(desa, [tag]), limit: 100).ranked
            let first = try #require(ranked.first, "\(centre.desa.name) [\(tag)]")
            #expect(ranked.allSatisfy { $0.isAlternative }, "\(centre.desa.name) [\(tag)]")
            #expect(first.reasons.contains(.noInterestMatch))
            // The order is the one resources, crafts and value decide for someone with no interest recorded.
            #expect(ranked.map(\.skill) == feasible, "\(centre.desa.name) [\(tag)]")
            #expect(first.parts.resource > 0 || first.parts.localCraft > 0)
            checked += 1
        }
        #expect(checked == CraftCentres.all.count)
    }

    @Test("The labelled set's reader refuses a bad file with the line and the reason")
    func labelledReader() {
        let skills: Set<String> = ["anyaman-purun"]
        func problem(_ text: String) -> LabelledCases.Problem? {
            do {
                _ = try LabelledCases.parse(Array(text.utf8), skills: skills)
                return nil
            } catch { return error }
        }
        #expect(problem("kode_desa,minat\n")?.message == "kolom utama tidak ada")
        #expect(problem("kode_desa,utama\n16.02,anyaman-purun\n")?.line == 2)
        #expect(problem("kode_desa,utama\n16.02.03.2007,batik\n")?.message.contains("batik") == true)
        #expect(problem("kode_desa,utama,usia\n16.02.03.2007,anyaman-purun,tua\n")?.message.contains("usia") == true)
        #expect(problem("kode_desa,utama\n16.02.03.2007,anyaman-purun\n\n") == nil)
    }

    @Test("The shipped catalogue is consistent: every need is a known resource, every product sells above zero")
    func catalogue() {
        let codes = Set(StartingCatalogue.resources.map(\.code))
        let skills = Set(StartingCatalogue.skills.map(\.code))
        for skill in StartingCatalogue.skills {
            #expect(Resource.isValidCode(skill.code))
            #expect(skill.needs.allSatisfy { codes.contains($0.resource) }, "\(skill.code)")
            #expect(!skill.products.isEmpty && skill.products.allSatisfy { $0.sellingPrice.amount > 0 })
        }
        #expect(StartingCatalogue.potentials.allSatisfy { codes.contains($0.resource) })
        #expect(skills.count == StartingCatalogue.skills.count)
        #expect(StartingCatalogue.localCrafts.allSatisfy { skills.contains($0.skill) })
        #expect(Set(StartingCatalogue.unsuitable.keys).isSubset(of: skills))
        for rule in StartingCatalogue.skills.flatMap(\.unsuitable) { #expect(SuitabilityRule(line: rule.line) == rule) }
    }
}

@Suite("Skill form")
struct SkillFormTests {
    let resources: Set<String> = ["purun", "pandan"]
    let tags: Set<String> = ["anyaman"]

    @Test("A good form becomes a skill with needs, products and Rupiah amounts")
    func good() throws {
        let form = SkillForm(
            code: "tas-purun", name: "Tas purun", needs: "purun:5:wajib\npandan:1", interests: "Anyaman",
            trainingHours: "40", starterKitCost: "Rp 2.500.000", products: "Tas | buah | 10.000 | Rp 45.000")
        let skill = try form.validate(resources: resources, interestTags: tags).get()
        #expect(
            skill.needs == [
                ResourceNeed(resource: "purun", weight: 5, essential: true), ResourceNeed(resource: "pandan", weight: 1, essential: false),
            ])
        #expect(skill.starterKitCost == Rupiah(2_500_000))
        #expect(skill.interests == ["anyaman"])
        #expect(skill.valueAddedRatio == 4.5)
        #expect(SkillForm(skill).validate(resources: resources, interestTags: tags, version: 1) == .success(skill))
    }

    @Test("Each bad field gets its own Indonesian message naming the line")
    func bad() {
        let form = SkillForm(
            code: "Tas Purun", name: "", needs: "purun:9", interests: "melukis", trainingHours: "0",
            starterKitCost: "dua juta", products: "Tas | buah | 10000")
        guard case let .failure(errors) = form.validate(resources: resources, interestTags: tags) else {
            Issue.record("expected errors")
            return
        }
        #expect(errors["code"]?.message(.id).contains("huruf kecil") == true)
        #expect(errors["name"]?.message(.id) == "Nama keterampilan wajib diisi.")
        #expect(errors["name"]?.message(.en) == "The skill needs a name.")
        #expect(errors["needs"]?.message(.id).hasPrefix("Baris 1 \"purun:9\"") == true)
        #expect(errors["interests"]?.message(.id) == "Minat \"melukis\" tidak ada di daftar minat & bakat.")
        #expect(errors["trainingHours"] != nil && errors["starterKitCost"] != nil)
        #expect(errors["products"]?.message(.id).hasPrefix("Baris 1") == true)
        if case let .failure(unknown) = SkillForm(
            code: "x1", name: "X", needs: "kayu:3", trainingHours: "1", starterKitCost: "0",
            products: "a|b|0|1"
        ).validate(resources: resources, interestTags: tags) {
            #expect(unknown["needs"] == .unknownResource(line: 1, code: "kayu"))
        } else {
            Issue.record("expected an unknown resource")
        }
    }

    @Test(
        "Rupiah is read as the office writes it",
        arguments: [
            ("2500000", 2_500_000), ("2.500.000", 2_500_000), ("Rp 2.500.000", 2_500_000),
            ("Rp2.500.000,00", 2_500_000), ("Rp 6.000,-", 6_000),
        ])
    func rupiah(text: String, amount: Int64) {
        #expect(RupiahParsing.parse(text) == Rupiah(amount))
    }

    @Test("Not Rupiah", arguments: ["", "dua", "-5", "1,5"])
    func notRupiah(text: String) {
        #expect(RupiahParsing.parse(text) == nil)
    }
}
