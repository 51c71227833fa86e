import BinaUsahaDomain
import BinaUsahaTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import BinaUsahaPersistence

/// The in-memory register index of two app instances against the database's own answer,
/// while both instances and a command write: every page and total must agree.
@Suite("Register index and the database")
struct RegisterIndexStoreTests {
    static let names = ["Siti Aminah", "Nur Aisyah", "Ahmad Saputra", "Fitri Lestari", "Dewi Purnama", "Budi Hidayat", "Ani"]
    static let interests = ["anyaman", "kuliner", "tenun"]

    static func person(_ number: Int, desa: RegionCode) -> Beneficiary {
        let details = BeneficiaryDetails(
            nik: String(format: "16020352048%05d", number), noKK: String(format: "16020315041%05d", number),
            name: "\(names[number % names.count]) \(number % 3 == 0 ? "Binti Ali" : "")", sex: .perempuan,
            birthDate: CivilDate(year: 1985, month: 4, day: 12)!, desa: desa, ppks: [1 + number % 4, 10 + number % 7],
            decile: number % 5 == 0 ? nil : 1 + number % 10, interests: [interests[number % 3]])
        return Beneficiary(details: details, status: BeneficiaryStatus.allCases[number % 4], createdAt: testNow, updatedAt: testNow)
    }

    static let queries: [BeneficiaryQuery] = [
        .init(), .init(page: 2, perPage: 10), .init(scope: RegionCode(trusted: "16.02")),
        .init(scope: RegionCode(trusted: "16.02"), region: RegionCode(trusted: "16.02.03")),
        .init(region: RegionCode(trusted: "16.71"), status: .calon), .init(ppks: 2), .init(decile: 3, page: 1, perPage: 5),
        .init(status: .aktif, interest: "tenun"), .init(scope: RegionCode(trusted: "16.10"), ppks: 12),
        .init(name: "ani"), .init(name: "siti ami"), .init(scope: RegionCode(trusted: "16.02"), name: "bin"),
        .init(page: 9_000_000), .init(name: "%"), .init(name: "_"),
    ]

    func expectSame(_ indexed: FluentBeneficiaryRepository, _ plain: FluentBeneficiaryRepository) async throws {
        for query in Self.queries {
            let fromIndex = try await indexed.search(query)
            let fromDatabase = try await plain.search(query)
            #expect(fromIndex.total == fromDatabase.total, "\(query)")
            #expect(Set(fromIndex.items.map(\.id)) == Set(fromDatabase.items.map(\.id)), "\(query)")
            #expect(fromIndex.items.map(\.details.name).map(TextFolding.fold) == fromDatabase.items.map(\.details.name).map(TextFolding.fold))
        }
        for scope in [nil, "16", "16.02", "16.02.03", "16.71.01.1001"].map({ $0.map(RegionCode.init(trusted:)) }) {
            #expect(try await indexed.count(in: scope) == plain.count(in: scope))
        }
    }

    @Test("Two instances' indexes follow writes made anywhere; every page equals the database's")
    func followsWrites() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            for code in ["16.02.03.2001", "16.71.01.1001", "16.10.04.2005", "16.02.05.2002"] { try await app.addDesa(code) }
            let desa = ["16.02.03.2007", "16.02.03.2001", "16.71.01.1001", "16.10.04.2005", "16.02.05.2002"].map(RegionCode.init(trusted:))
            let plain = FluentBeneficiaryRepository(database: app.db)
            let first = FluentBeneficiaryRepository(database: app.db, registerIndex: RegisterIndexStore())
            let second = FluentBeneficiaryRepository(database: app.db, registerIndex: RegisterIndexStore())

            var people = (0..<90).map { Self.person($0, desa: desa[$0 % desa.count]) }
            try await plain.save(inserting: Array(people[0..<60]), updating: [])
            try await expectSame(first, plain)
            try await expectSame(second, plain)

            // The first instance writes; the second must see it.
            var changed = people[4]
            changed.status = .keluar
            changed.details.name = "Aaron Zulkifli"
            changed.version += 1
            #expect(try await first.update(changed, expectedVersion: 1))
            people[4] = changed
            #expect(try await first.delete(id: people[7].id, expectedVersion: 1))
            try await expectSame(second, plain)
            // A batch written outside both (a command): both follow.
            var moved = people[10]
            moved.details.desa = desa[2]
            moved.version += 1
            try await plain.save(inserting: Array(people[60..<90]), updating: [moved])
            try await expectSame(first, plain)
            try await expectSame(second, plain)
            #expect(try await second.search(.init(name: "aaron")).items.map(\.id) == [people[4].id])
            #expect(try await second.search(.init(name: "aron zulkifly")).items.map(\.id) == [people[4].id])
        }
    }

    @Test("The index's rows read in batches of any size give every person once, as stored")
    func readsInBatches() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let desa = RegionCode(trusted: "16.02.03.2007")
            let plain = FluentBeneficiaryRepository(database: app.db)
            try await plain.save(inserting: (0..<45).map { Self.person($0, desa: desa) }, updating: [])
            let sql = try #require(app.db as? any SQLDatabase)
            var whole: [RegisterEntry] = []
            try await RegisterRows.read(sql, after: nil) { whole.append($0) }
            var small: [RegisterEntry] = []
            try await RegisterRows.read(sql, after: nil, batch: 7) { small.append($0) }
            #expect(whole.count == 45)
            #expect(small == whole)
            let stored = try await plain.search(.init(perPage: 100)).items
            for person in stored {
                let entry = try #require(whole.first { $0.id == person.id })
                #expect(entry.nik == person.details.nik)
                #expect(entry.nameKey == TextFolding.fold(person.details.name))
                #expect(entry.desa == person.details.desa)
                #expect(entry.status == person.status)
                #expect(entry.decile == person.details.decile)
                #expect(entry.ppks == person.details.ppks)
                #expect(entry.interests == person.details.interests)
            }
            var changed: [RegisterEntry] = []
            try await RegisterRows.read(sql, after: Int64.max - 1, batch: 7) { changed.append($0) }
            #expect(changed.isEmpty)
        }
    }
}
