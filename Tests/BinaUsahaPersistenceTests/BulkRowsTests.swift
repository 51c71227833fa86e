import BinaUsahaDomain
import BinaUsahaTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import BinaUsahaPersistence

@Suite("COPY rows for PostgreSQL")
struct BulkRowsTests {
    @Test("Timestamps are UTC with microseconds, also before 1970 and on leap days")
    func timestamps() {
        #expect(BulkRows.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00.000000+00")
        #expect(BulkRows.timestamp(Date(timeIntervalSince1970: 1_796_000_400.25)) == "2026-11-30 01:00:00.250000+00")
        #expect(BulkRows.timestamp(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00.000000+00")
        #expect(BulkRows.timestamp(Date(timeIntervalSince1970: -1.5)) == "1969-12-31 23:59:58.500000+00")
        // the same as Foundation's calendar for many instants
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for seconds in stride(from: -2_208_988_800.0, to: 4_102_444_800, by: 86_400 * 37.3) {
            let date = Date(timeIntervalSince1970: seconds.rounded())
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d-%02d-%02d %02d:%02d:%02d.000000+00", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
                parts.second!)
            #expect(BulkRows.timestamp(date) == expected)
        }
    }

    @Test("Backslash, tab and line ends are escaped; NULL is \\N; fields are tab-separated")
    func escapes() {
        let line = BulkRows.line([.text("a\\b\tc\nd\re"), .null, .bool(true), .int(-7), .text(nil), .text("Sri Ayu")])
        #expect(line == "a\\\\b\\tc\\nd\\re\t\\N\tt\t-7\t\\N\tSri Ayu\n")
    }

    @Test("People and audit entries written in bulk read back exactly like those inserted one by one, stored alike")
    func bulkEqualsPlain() async throws {
        try await withTestApp { app in
            // given: 12 people with awkward text; 11 go in as one bulk batch, the 12th by the ordinary insert
            try await app.addDesa("16.02.03.2007")
            let people = (1...12).map { index in
                let serial = String(format: "%04d", index)
                let details = BeneficiaryDetails(
                    nik: "160203520485" + serial, noKK: "160203150412" + serial, name: "Sri \\ Ayu\t'O\"Neil' \(index)",
                    sex: .perempuan, birthPlace: "Kayuagung", birthDate: CivilDate(parsing: "1985-04-12")!,
                    desa: RegionCode(trusted: "16.02.03.2007"), address: "Jl. A\nB\r\nC", rt: "003", rw: "001", phone: "",
                    ppks: [24, 3], decile: index == 4 ? nil : 3, isHeadOfFamily: index % 3 == 0, interests: ["anyaman"])
                return Beneficiary(details: details, notes: index == 5 ? nil : "catatan \(index)", createdAt: testNow, updatedAt: testNow)
            }
            let audit = people.map {
                AuditEntry(
                    at: testNow, actorID: index(of: $0, in: people) == 0 ? nil : UUID(), actorName: "Ibu O'Hara", actorRole: "operator_kabkota",
                    action: .create, entity: "beneficiary", entityID: $0.id.uuidString, region: $0.details.desa, note: "baris \\ 1")
            }
            try await app.transactor.run { repositories in
                try await repositories.beneficiaries.save(inserting: Array(people.prefix(11)), updating: [])
                try await repositories.audit.append(contentsOf: Array(audit.prefix(11)))
            }
            try await app.transactor.run { repositories in
                try await repositories.beneficiaries.save(inserting: [people[11]], updating: [])
                try await repositories.audit.append(contentsOf: [audit[11]])
            }
            // then every record reads back equal, by id, NIK and KK
            let repository = FluentBeneficiaryRepository(database: app.db)
            for person in people {
                #expect(try await repository.find(id: person.id) == person)
                #expect(try await repository.find(nik: person.details.nik)?.id == person.id)
                #expect(try await repository.family(noKK: person.details.noKK).map(\.id) == [person.id])
            }
            let entries = try await FluentAuditLog(database: app.db).search(.init(entity: "beneficiary", perPage: 50)).entries
            #expect(Set(entries.map(\.id)) == Set(audit.map(\.id)))
            for entry in entries {
                let original = try #require(audit.first { $0.id == entry.id })
                #expect(entry.actorID == original.actorID && entry.note == original.note && entry.actorName == original.actorName)
                #expect(entry.at == original.at && entry.region == original.region && entry.entityID == original.entityID)
            }
            // and on SQLite each column has the storage class of the ordinary insert
            if TestDatabase.postgresURL == nil {
                let sql = try #require(app.db as? any SQLDatabase)
                struct Row: Decodable { var kinds: String }
                let kinds = try await sql.raw(
                    """
                    SELECT typeof(id) || typeof(created_at) || typeof(decile) || typeof(is_head) || typeof(version)
                      || typeof(generation) || typeof(notes) || typeof(ppks) AS kinds FROM beneficiaries WHERE nik IN (\(bind: people[10].details.nik), \(bind: people[11].details.nik)) ORDER BY nik
                    """
                ).all(decoding: Row.self).map(\.kinds)
                #expect(kinds.count == 2 && kinds[0] == kinds[1])
            }
        }
    }

    private func index(of person: Beneficiary, in people: [Beneficiary]) -> Int { people.firstIndex { $0.id == person.id } ?? -1 }
}
