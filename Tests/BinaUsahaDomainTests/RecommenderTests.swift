import BinaUsahaDomain
import Foundation
import Testing

@Suite("Potentials and skill recommendation")
struct RecommenderTests {
    static let regions = SumateraSelatan.all + CraftCentres.regions
    static let shipped = Recommender(
        skills: StartingCatalogue.skills, resources: StartingCatalogue.resources,
        potentials: PotentialMap(StartingCatalogue.potentials), regions: regions)
    let pedamaran = RegionCode(trusted: "16.02.03.2007")
    let lumpatan = RegionCode(trusted: "16.06.01.2002")

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

    @Test("A resource recorded in another desa of the kecamatan counts as nearby, at a discount")
    func nearby() {
        let map = PotentialMap([Potential(region: RegionCode(trusted: "16.06.01.2003"), resource: "ikan-sungai", abundance: .melimpah)])
        let found = map.availability(of: "ikan-sungai", at: lumpatan)
        #expect(found?.relation == .nearby)
        #expect(found?.factor == 0.7)
        #expect(map.availability(of: "ikan-sungai", at: RegionCode(trusted: "16.06.02.2001")) == nil)
    }

    @Test("A weaver in Pedamaran gets purun weaving first, with reasons in plain Indonesian")
    func pedamaranWeaver() throws {
        let result = Self.shipped.recommend(interests: ["anyaman"], desa: pedamaran)
        let first = try #require(result.ranked.first)
        #expect(first.skill == "anyaman-purun")
        let reasons = first.reasons.map { $0.text(.id) }
        #expect(reasons.contains("Purun melimpah di Kec. Pedamaran"))
        #expect(reasons.contains("minat: anyaman"))
        #expect(reasons.contains { $0.hasPrefix("nilai jual ") && $0.hasSuffix("× bahan baku") && $0.contains(",") })
        // rotan and bambu are nowhere near Pedamaran: excluded, with the reason
        #expect(result.excluded.contains { $0.skill == "anyaman-rotan" && $0.text(.id) == "Rotan tidak ada di Kec. Pedamaran" })
        #expect(!result.ranked.contains { $0.skill == "kerajinan-bambu" })
    }

    @Test("Someone in Lumpatan interested in food processing gets ikan salai first")
    func lumpatanFood() throws {
        let first = try #require(Self.shipped.recommend(interests: ["olahan pangan"], desa: lumpatan).ranked.first)
        #expect(first.skill == "ikan-salai")
        #expect(first.reasons.map { $0.text(.id) }.contains("Ikan sungai & rawa melimpah di Desa Lumpatan"))
    }

    @Test("Same input, same output; the score is the weighted sum on 0–100")
    func deterministicAndWeighted() throws {
        let a = Self.shipped.recommend(interests: ["anyaman", "tenun"], desa: pedamaran, limit: 20)
        let b = Self.shipped.recommend(interests: ["anyaman", "tenun"], desa: pedamaran, limit: 20)
        #expect(a.ranked == b.ranked)
        let purun = try #require(a.ranked.first { $0.skill == "anyaman-purun" })
        let expected = 100 * (0.5 * purun.resourceScore + 0.3 * purun.interestScore + 0.2 * purun.valueAddedScore)
        #expect(abs(purun.score - expected) < 0.06)
        #expect(a.ranked == a.ranked.sorted { $0.score != $1.score ? $0.score > $1.score : $0.skill < $1.skill })
    }

    @Test("The planner's fast scores agree with the full ranking")
    func fastScores() {
        for interests in [["anyaman"], ["olahan pangan", "tenun"], []] {
            let fits = Self.shipped.placeFits(at: pedamaran)
            let full = Self.shipped.rank(fits, interests: interests, limit: 5).ranked.map { SkillScore(skill: $0.skill, score: $0.score) }
            #expect(Self.shipped.scores(fits, interests: interests, limit: 5) == full)
        }
    }

    @Test("Weights change the ranking: with interest only, a songket weaver's interest beats purun abundance")
    func weights() throws {
        let interestOnly = Recommender(
            skills: StartingCatalogue.skills, resources: StartingCatalogue.resources,
            potentials: PotentialMap(StartingCatalogue.potentials), regions: Self.regions,
            weights: RecommendationWeights(resource: 0, interest: 1, valueAdded: 0))
        let ranked = interestOnly.recommend(interests: ["tenun"], desa: pedamaran, limit: 20).ranked
        #expect(ranked.first?.skill == "tenun-songket")
        #expect(ranked.first?.score == 100)
        #expect(!RecommendationWeights(resource: 0, interest: 0, valueAdded: 0).isValid)
        #expect(!RecommendationWeights(resource: -1, interest: 1, valueAdded: 0).isValid)
    }

    @Test("Unknown interests count as neutral and say so; bought materials say so")
    func neutralParts() throws {
        let ranked = Self.shipped.recommend(interests: [], desa: pedamaran, limit: 20).ranked
        let sewing = try #require(ranked.first { $0.skill == "menjahit" })
        #expect(sewing.interestScore == 0.5)
        #expect(sewing.reasons.map { $0.text(.id) }.contains("minat belum diisi"))
        #expect(sewing.reasons.map { $0.text(.id) }.contains("bahan baku dibeli di pasar"))
    }

    @Test("The shipped catalogue is consistent: every need is a known resource, every product sells above zero")
    func catalogue() {
        let codes = Set(StartingCatalogue.resources.map(\.code))
        for skill in StartingCatalogue.skills {
            #expect(Resource.isValidCode(skill.code))
            #expect(skill.needs.allSatisfy { codes.contains($0.resource) }, "\(skill.code)")
            #expect(!skill.products.isEmpty && skill.products.allSatisfy { $0.sellingPrice.amount > 0 })
        }
        #expect(StartingCatalogue.potentials.allSatisfy { codes.contains($0.resource) })
        #expect(Set(StartingCatalogue.skills.map(\.code)).count == StartingCatalogue.skills.count)
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
