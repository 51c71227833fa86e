import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Many writers at once on a database file as in production (SQLite in WAL with two
/// connections; PostgreSQL in CI's second pass): no 5xx, no lost update, the stale ones 409.
@Suite("Concurrent writers")
struct ConcurrencyTests {
    /// Runs `count` copies of `request` at once and returns their statuses.
    func concurrently(_ count: Int, _ request: @escaping @Sendable (Int) async throws -> HTTPStatus) async throws -> [HTTPStatus] {
        try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for index in 0..<count { group.addTask { try await request(index) } }
            return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
        }
    }

    func noServerErrors(_ statuses: [HTTPStatus], sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = statuses.filter { $0.code >= 500 }
        #expect(errors.isEmpty, "\(errors.count) server errors of \(statuses.count)", sourceLocation: sourceLocation)
    }

    @Test("48 role changes of one user at once: every one answered, none a server error, one audit entry per change made")
    func roleChanges() async throws {
        try await withTestApp(onDisk: true) { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let target = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let statuses = try await concurrently(48) { index in
                try await app.testing().submit(
                    "/admin/users/\(target.user.id)", as: admin,
                    [
                        "display_name": "Operator \(index)", "role": index % 2 == 0 ? "operator_kabkota" : "pimpinan", "region": "16.02",
                        "is_active": "1",
                    ]
                ).status
            }
            noServerErrors(statuses)
            #expect(statuses.allSatisfy { $0 == .ok })
            let entries = try await FluentAuditLog(database: app.db).search(.init(entity: "user", entityID: target.user.id.uuidString, perPage: 200))
            #expect(entries.total >= 2 && entries.total <= 49)
        }
    }

    @Test("32 rosters for one session with the same version: one is saved, the others get 409")
    func attendance() async throws {
        try await withTestApp(onDisk: true) { app in
            let people = try await app.makeWeavers(10)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: people, active: true)
            let (_, session) = try await app.makeProgrammeAndSession(kabkota: "16.02", group: group)
            let statuses = try await concurrently(32) { index in
                let roster = Dictionary(
                    uniqueKeysWithValues: people.enumerated().map {
                        ($0.element.id.uuidString, AnyEncodable($0.offset == index % 10 ? "sakit" : "hadir"))
                    })
                return try await app.testing().sendRequest(
                    .PUT, "/api/v1/sessions/\(session.id)/attendance", headers: op.bearer,
                    beforeRequest: {
                        try $0.content.encode(["version": AnyEncodable(1), "attendance": AnyEncodable(roster)], as: .json)
                    }
                ).status
            }
            noServerErrors(statuses)
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 31)
            let stored = try #require(try await FluentCoachingRepository(database: app.db).find(session: session.id))
            #expect(stored.version == 2 && stored.attendance.count == 10)
        }
    }

    @Test("24 edits of one person with the same version: one wins, the rest 409, nothing lost or half-written")
    func beneficiaryEdits() async throws {
        try await withTestApp(onDisk: true) { app in
            let person = try await app.makePerson(desa: "16.02.03.2007", nik: "1602035204850001", noKK: "1602031504120001")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let statuses = try await concurrently(24) { index in
                var fields = BeneficiaryForm(person).fields.mapValues { AnyEncodable($0) }
                fields["nama"] = AnyEncodable("Siti Aminah \(index)")
                fields["version"] = AnyEncodable(1)
                let body = fields
                return try await app.testing().sendRequest(
                    .PUT, "/api/v1/beneficiaries/\(person.id)", headers: op.bearer,
                    beforeRequest: {
                        try $0.content.encode(body, as: .json)
                    }
                ).status
            }
            noServerErrors(statuses)
            #expect(statuses.filter { $0 == .ok }.count == 1)
            let stored = try #require(try await FluentBeneficiaryRepository(database: app.db).find(id: person.id))
            #expect(stored.version == 2)
            let updates = try await FluentAuditLog(database: app.db).search(
                .init(entity: "beneficiary", entityID: person.id.uuidString, action: .update))
            #expect(updates.total == 1)
            #expect(updates.entries.first?.changes.first?.after == stored.details.name)
        }
    }

    @Test("16 overlapping imports of one file: all answered, the register holds each person once")
    func overlappingImports() async throws {
        try await withTestApp(onDisk: true) { app in
            try await app.addDesa("16.02.03.2007")
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            var csv = ImportBeneficiariesHeader.text
            for serial in 1...400 {
                csv +=
                    "160203520485\(String(format: "%04d", serial)),160203150412\(String(format: "%04d", serial)),Warga \(serial),P,,,16.02.03.2007,,,,,24,,,,,\n"
            }
            let body = csv
            let statuses = try await concurrently(16) { _ in
                try await app.testing().sendRequest(
                    .POST, "/api/v1/beneficiaries/import?dry_run=false", headers: admin.bearer,
                    beforeRequest: {
                        $0.body = ByteBuffer(string: body)
                    }
                ).status
            }
            noServerErrors(statuses)
            #expect(statuses.allSatisfy { $0 == .ok })
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 400)
            let created = try await FluentAuditLog(database: app.db).search(.init(entity: "beneficiary", action: .create, perPage: 1))
            #expect(created.total == 400)
        }
    }
}
