import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import BinaUsahaWeb
import Foundation
import Testing
import VaporTesting

/// The register's API pages are written by hand (`JSONWriter`); a person's own endpoint still
/// goes through `JSONEncoder`. Each item of a page must be exactly that person's own document.
@Suite("Register pages in JSON")
struct ListJSONTests {
    static let hostileNames = [
        "Siti \"Ani\" \\ Aminah", "Nur\u{01}\u{1F}\tLaila\nBaru\r", "Dewi 😀 \u{2028}\u{2029} Ayu", "Rahma </script><b>",
        "Ani\u{7F}\u{1B}[31mujung",
    ]

    @Test("Every item of a list page and of a search equals the person's own document, masked or not, with hostile text")
    func itemsEqualTheirOwnDocument() async throws {
        try await withTestApp { app in
            // given: people with quotes, backslashes, control characters and emoji in names and notes,
            // one without phone, decile or notes
            let desa = "16.02.03.2007"
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let pendamping = try await app.makeUser("pendamping", role: .pendamping, region: "16.02")
            let repository = FluentBeneficiaryRepository(database: app.db)
            for (i, name) in Self.hostileNames.enumerated() {
                var person = try await app.makePerson(desa: desa, name: name, nik: "160203520485\(String(format: "%04d", i + 1))")
                person.notes = i.isMultiple(of: 2) ? "catatan \"\(i)\" \\ \u{08}\u{0C}" : nil
                if i == 1 {
                    person.details.phone = ""
                    person.details.decile = nil
                    person.details.address = "Jl. \"Merdeka\"\\2"
                }
                person.version = 2
                #expect(try await repository.update(person, expectedVersion: 1))
            }

            for user in [admin, pendamping] {
                // when: the list page, a search, and each person's own document are read
                let page = try await app.testing().get("/api/v1/beneficiaries?page=1", headers: user.bearer)
                #expect(page.status == .ok)
                #expect(page.headers.contentType == .json)
                let list = try page.jsonObject()
                let search = try await app.testing().sendRequest(
                    .POST, "/api/v1/beneficiaries/search", headers: user.bearer,
                    beforeRequest: { try $0.content.encode(["name": "a"]) }
                ).jsonObject()

                // then: totals and pages as before, and every item is the person's document
                #expect(list["total"] as? Int == Self.hostileNames.count)
                #expect(list["page"] as? Int == 1)
                let items = try #require(list["items"] as? [[String: Any]])
                #expect(items.count == Self.hostileNames.count)
                #expect(Set(items.compactMap { $0["nama"] as? String }) == Set(Self.hostileNames))
                let found = try #require(search["items"] as? [[String: Any]])
                #expect(!found.isEmpty)
                for item in items + found {
                    let id = try #require(item["id"] as? String)
                    let own = try await app.testing().get("/api/v1/beneficiaries/\(id)", headers: user.bearer).jsonObject()
                    #expect(Set(item.keys) == Set(own.keys), "keys of \(id)")
                    #expect(try Self.canonical(item) == Self.canonical(own), "item \(item) differs from \(own)")
                    #expect((item["masked"] as? Bool) == (user.user.role == .pendamping))
                }
                let withoutPhone = try #require(items.first { ($0["nama"] as? String) == Self.hostileNames[1] })
                #expect(withoutPhone["telepon"] == nil && withoutPhone["desil"] == nil && withoutPhone["catatan"] == nil)
            }
        }
    }

    /// The object written again with sorted keys: equal texts mean equal documents.
    static func canonical(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("Shutting down lets the requests in progress finish and turns new ones away")
    func drainWaitsForRequestsInProgress() async throws {
        // given: a request in progress
        let drain = RequestDrain(patience: .seconds(5))
        #expect(drain.enter())

        // when: the application starts closing
        let closed = Task { await drain.close() }
        try await Task.sleep(for: .milliseconds(100))

        // then: a new request is refused, and closing waits for the one in progress
        #expect(!drain.enter())
        #expect(drain.inProgress == 1)
        drain.leave()
        #expect(await closed.value)
        #expect(drain.inProgress == 0)

        // and: patience has an end
        let stuck = RequestDrain(patience: .milliseconds(100))
        #expect(stuck.enter())
        #expect(await !stuck.close())
    }
}
