import BinaUsahaDomain
import Foundation
import Testing

/// The in-memory register index against the obvious answer: filter everything, sort by
/// (name, NIK), cut the page — for random people, random changes and random queries.
@Suite("Register index")
struct RegisterIndexTests {
    static let desa = [
        "16.02.03.2001", "16.02.03.2007", "16.02.05.2002", "16.71.01.1001", "16.71.02.1003", "16.10.04.2005",
    ].map(RegionCode.init(trusted:))
    static let firstNames = ["siti", "nur", "ahmad", "muhammad", "fitri", "rahmawati", "dewi", "ani", "budi", "aisyah"]
    static let lastNames = ["rahma", "aminah", "saputra", "wati", "hidayat", "lestari", "purnama", "binti ali"]
    static let tags = ["anyaman", "kuliner", "tenun", "kopi", "jahit", "ikan"]

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func person(_ random: inout Generator, id: UUID = UUID()) -> RegisterEntry {
        let name = [firstNames.randomElement(using: &random)!, lastNames.randomElement(using: &random)!]
            .prefix(Int.random(in: 1...2, using: &random)).joined(separator: " ")
        return RegisterEntry(
            id: id, nameKey: name, nik: String(format: "16%014d", Int.random(in: 0..<99_999_999, using: &random)),
            desa: desa.randomElement(using: &random)!, status: BeneficiaryStatus.allCases.randomElement(using: &random)!,
            decile: Bool.random(using: &random) ? Int.random(in: 1...10, using: &random) : nil,
            ppks: Array(Set((0..<Int.random(in: 0...3, using: &random)).map { _ in Int.random(in: 1...26, using: &random) })).sorted(),
            interests: Array(Set((0..<Int.random(in: 0...6, using: &random)).map { _ in tags.randomElement(using: &random)! })).sorted())
    }

    /// The answer without an index (names matched exactly, as prefixes of words).
    static func expected(_ people: [RegisterEntry], _ query: BeneficiaryQuery) -> RegisterIndex.Page {
        let words = TextFolding.fold(query.name ?? "").split(separator: " ").prefix(5)
        let matching = people.filter { person in
            [query.scope, query.region].compactMap { $0 }.allSatisfy { $0.contains(person.desa) }
                && query.status.map { $0 == person.status } ?? true
                && query.decile.map { $0 == person.decile } ?? true
                && query.ppks.map { person.ppks.contains($0) } ?? true
                && query.interest.map { person.interests.contains($0) } ?? true
                && query.nikPrefix.map { prefix in
                    (1...16).contains(prefix.count) && prefix.allSatisfy(\.isASCIIDigit) && person.nik.hasPrefix(prefix)
                } ?? true
                && words.allSatisfy { word in person.nameKey.split(separator: " ").contains { $0.hasPrefix(word) } }
        }
        .sorted { ($0.nameKey, $0.nik) < ($1.nameKey, $1.nik) }
        let start = min(query.offset, matching.count)
        let end = min(start + query.perPage, matching.count)
        return .init(ids: matching[start..<end].map(\.id), total: matching.count)
    }

    static func randomQuery(_ random: inout Generator) -> BeneficiaryQuery {
        let regions = ["16", "16.02", "16.71", "16.02.03", "16.71.02", "16.02.03.2007", "16.10"].map(RegionCode.init(trusted:))
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Int.random(in: 0..<3, using: &random) == 0 ? value() : nil }
        return BeneficiaryQuery(
            scope: maybe(regions.randomElement(using: &random)!),
            name: maybe([firstNames.randomElement(using: &random)!, "rah", "siti rahma", "bin", "a"].randomElement(using: &random)!),
            region: maybe(regions.randomElement(using: &random)!), ppks: maybe(Int.random(in: 1...26, using: &random)),
            decile: maybe(Int.random(in: 1...10, using: &random)), status: maybe(BeneficiaryStatus.allCases.randomElement(using: &random)!),
            interest: maybe(tags.randomElement(using: &random)!),
            nikPrefix: maybe(
                ["1", "16", "1600000", "16000000", "160000001", "1600000012345678", "", "16a", "17", "16000000123456789"]
                    .randomElement(using: &random)!),
            page: Int.random(in: 1...4, using: &random),
            perPage: [5, 10, 50].randomElement(using: &random)!)
    }

    @Test("Random people, random changes, random queries: the index answers as a full filter and sort would")
    func agreesWithFilterAndSort() {
        var random = Generator(state: 42)
        var people = (0..<400).map { _ in Self.person(&random) }
        var index = RegisterIndex(desa: Self.desa, entries: people)
        for round in 0..<60 {
            // A few single changes, or a batch like an import's.
            let changes = round % 10 == 9 ? 120 : Int.random(in: 1...6, using: &random)
            var upserts: [RegisterEntry] = []
            var removals: [UUID] = []
            for _ in 0..<changes {
                switch Int.random(in: 0..<3, using: &random) {
                case 0: upserts.append(Self.person(&random))
                case 1 where !people.isEmpty: upserts.append(Self.person(&random, id: people.randomElement(using: &random)!.id))
                default: if let gone = people.randomElement(using: &random) { removals.append(gone.id) }
                }
            }
            let applied = index.apply(upserts: upserts, removals: removals)
            #expect(applied)
            for id in removals { people.removeAll { $0.id == id } }
            for entry in upserts {
                people.removeAll { $0.id == entry.id }
                people.append(entry)
            }
            #expect(index.count == people.count)
            for _ in 0..<25 {
                let query = Self.randomQuery(&random)
                let answer = index.search(query)
                let expected = Self.expected(people, query)
                #expect(answer.total >= expected.total, "\(query)")
                if query.name == nil || NameMatcher.allowedTypos(query.name!.count) == 0 {
                    #expect(answer == expected, "\(query)")
                }
            }
            for region in ["16.02", "16.71.02", "16.02.03.2001"].map(RegionCode.init(trusted:)) {
                #expect(index.count(in: region) == people.filter { region.contains($0.desa) }.count)
            }
        }
    }

    @Test("Walking every page of a list gives every person exactly once")
    func pagesCoverTheListOnce() {
        var random = Generator(state: 7)
        let people = (0..<1_003).map { _ in Self.person(&random) }
        let index = RegisterIndex(desa: Self.desa, entries: people)
        for scope in [nil, RegionCode(trusted: "16.02")] {
            var seen: [UUID] = []
            var page = 1
            while true {
                let answer = index.search(BeneficiaryQuery(scope: scope, page: page, perPage: 50))
                if answer.ids.isEmpty { break }
                seen += answer.ids
                page += 1
            }
            #expect(seen.count == Set(seen).count)
            #expect(Set(seen) == Set(people.filter { scope?.contains($0.desa) ?? true }.map(\.id)))
        }
        #expect(index.search(BeneficiaryQuery(page: Paging.maximumPage)).ids.isEmpty)
    }

    @Test("Names with typos are found, after the exact ones")
    func typos() {
        let people = [
            ("siti rahmawati", "1602000000000001"), ("sity rahma", "1602000000000002"), ("aisah binti ali", "1602000000000003"),
            ("budi saputra", "1602000000000004"), ("siti aminah", "1602000000000005"),
        ].map {
            RegisterEntry(
                id: UUID(), nameKey: $0.0, nik: $0.1, desa: Self.desa[0], status: .calon, decile: nil, ppks: [], interests: [])
        }
        let index = RegisterIndex(desa: Self.desa, entries: people)
        func names(_ typed: String) -> [String] {
            index.search(BeneficiaryQuery(name: typed)).ids.map { id in people.first { $0.id == id }!.nameKey }
        }
        #expect(names("siti rahma") == ["siti rahmawati", "sity rahma"])
        #expect(names("aisyah") == ["aisah binti ali"])
        #expect(names("saptura") == ["budi saputra"])
        #expect(names("sit") == ["siti aminah", "siti rahmawati", "sity rahma"])
        #expect(names("zzzz").isEmpty)
        #expect(names("rahmawati siti") == ["siti rahmawati"])
    }

    @Test("Prefix distance counts insertions, deletions, changes and swaps")
    func prefixDistance() {
        func near(_ typed: String, _ word: String, _ limit: Int) -> Bool {
            NameMatcher.prefixMatches(Array(typed.unicodeScalars), Array(word.unicodeScalars), limit: limit)
        }
        #expect(near("rahma", "rahmawati", 0))
        #expect(near("rhama", "rahmawati", 1))
        #expect(near("sity", "siti", 1))
        #expect(near("aisyah", "aisah", 1))
        #expect(!near("aisyah", "aminah", 1))
        #expect(near("muhamad", "muhammad", 1))
        #expect(!near("budi", "dewi", 1))
        #expect(near("purnamasary", "purnamasari", 2))
        #expect(!near("abc", "xyz", 2))
    }

    @Test("A person in a desa the index does not know asks for a rebuild and changes nothing")
    func unknownDesa() {
        var random = Generator(state: 3)
        let people = (0..<20).map { _ in Self.person(&random) }
        var index = RegisterIndex(desa: Self.desa, entries: people)
        var stranger = Self.person(&random)
        stranger.desa = RegionCode(trusted: "16.03.01.2001")
        let applied = index.apply(upserts: [stranger], removals: [people[0].id])
        #expect(!applied)
        #expect(index.count == 20)
    }

    @Test("A build that meets a desa it was not told of starts again and answers the same")
    func builderWithUnknownDesa() {
        var random = Generator(state: 5)
        let people = (0..<300).map { _ in Self.person(&random) }
        var builder = RegisterIndex.Builder(desa: Array(Self.desa.prefix(2)))
        for person in people { builder.add(person) }
        let rebuilt = builder.finish()
        let direct = RegisterIndex(desa: Self.desa, entries: people)
        for _ in 0..<50 {
            let query = Self.randomQuery(&random)
            #expect(rebuilt.search(query) == direct.search(query), "\(query)")
        }
    }
}
