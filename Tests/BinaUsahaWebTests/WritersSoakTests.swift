import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Synchronization
import Testing
import VaporTesting

/// Sixty-four writers for a while (`BINAUSAHA_SOAK_SECONDS`, 5 s by default, 60 s in CI) on
/// people, group officers and attendance rosters: through two app instances on PostgreSQL,
/// one on SQLite. Every accepted write must be the one that is stored or be followed by a
/// later accepted one, versions go up by one per accepted write, stale writes get 409, and
/// nothing is a server error.
@Suite("Sixty-four writers")
struct WritersSoakTests {
    static var seconds: Double {
        ProcessInfo.processInfo.environment["BINAUSAHA_SOAK_SECONDS"].flatMap(Double.init).map { min(max($0, 1), 600) } ?? 5
    }

    enum Kind: Int, CaseIterable { case person, officers, attendance }

    struct Target: Hashable, Sendable {
        var kind: Kind
        var id: UUID
    }

    /// One accepted write: the version it produced and what it wrote.
    struct Accepted: Sendable {
        var version: Int
        var value: String
    }

    struct Versioned: Decodable { var version: Int }
    struct PersonBody: Decodable {
        var version: Int
        var nama: String
    }
    struct GroupBody: Decodable {
        struct Member: Decodable {
            var beneficiary: UUID
            var role: String
        }
        var version: Int
        var members: [Member]
    }
    struct SessionBody: Decodable {
        var version: Int
        var attendance: [String: String]
    }

    final class Tally: Sendable {
        let accepted = Mutex<[Target: [Accepted]]>([:])
        let statuses = Mutex<[UInt: Int]>([:])

        func count(_ status: HTTPStatus) { statuses.withLock { $0[status.code, default: 0] += 1 } }
        func accept(_ target: Target, _ write: Accepted) { accepted.withLock { $0[target, default: []].append(write) } }
    }

    @Test("64 writers on people, officers and rosters: no lost update, no server error, stale writes 409")
    func soak() async throws {
        try await withTestApp(onDisk: true) { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let weavers = try await app.makeWeavers(10)
            let others = try await app.makeWeavers(10, desa: "16.02.05.2002", first: 11)
            let first = try await app.makeGroup(desa: "16.02.03.2007", members: weavers, active: true)
            let second = try await app.makeGroup(desa: "16.02.05.2002", members: others, active: true)
            let (programme, session) = try await app.makeProgrammeAndSession(kabkota: "16.02", group: first)
            var sessions = [session.id]
            for day in 1...3 {
                let more = CoachingSession(
                    programme: programme.id, type: .pelatihan, startsAt: testNow.addingTimeInterval(Double(-3 - day) * 86_400), hours: 2,
                    place: "Balai desa", facilitator: "Pendamping", topic: "Sesi \(day)", groups: [first.id])
                try await FluentCoachingRepository(database: app.db).insert(more)
                sessions.append(more.id)
            }
            let people = Array(weavers.prefix(8))
            let targets: [Kind: [Target]] = [
                .person: people.map { Target(kind: .person, id: $0.id) },
                .officers: [first, second].map { Target(kind: .officers, id: $0.id) },
                .attendance: sessions.map { Target(kind: .attendance, id: $0) },
            ]
            let members: [UUID: [UUID]] = [first.id: weavers.map(\.id), second.id: others.map(\.id)]
            let forms = Dictionary(uniqueKeysWithValues: people.map { ($0.id, BeneficiaryForm($0).fields) })

            let run = { (instances: [Application]) async throws -> Tally in
                let tally = Tally()
                let deadline = Date().addingTimeInterval(Self.seconds)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<64 {
                        group.addTask {
                            var sequence = 0
                            var random = SystemRandomNumberGenerator()
                            while Date() < deadline {
                                sequence += 1
                                let instance = instances[(writer + sequence) % instances.count]
                                let kind = Kind(rawValue: writer % 3)!
                                let target = targets[kind]!.randomElement(using: &random)!
                                try await Self.write(
                                    target, by: writer, sequence, on: instance, op: op, forms: forms, members: members,
                                    attendees: weavers.map(\.id), tally: tally)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                return tally
            }

            let tally: Tally
            if TestDatabase.postgresURL != nil {
                tally = try await withSecondInstance(of: app) { second in try await run([app, second]) }
            } else {
                tally = try await run([app])
            }

            let statuses = tally.statuses.withLock { $0 }
            let accepted = tally.accepted.withLock { $0 }
            let total = statuses.values.reduce(0, +)
            print("64 writers, \(Self.seconds) s, \(TestDatabase.kindName): \(total) writes, statuses \(statuses.sorted { $0.key < $1.key })")
            #expect(statuses.keys.allSatisfy { [200, 409].contains($0) }, "\(statuses)")
            // However loaded the machine, every writer got answers and some were accepted.
            #expect(statuses[200, default: 0] >= 10, "\(statuses)")
            #expect(total >= 64, "\(statuses)")
            #expect(accepted.values.reduce(0) { $0 + $1.count } == statuses[200, default: 0])
            for kind in Kind.allCases {
                for target in targets[kind]! {
                    let writes = (accepted[target] ?? []).sorted { $0.version < $1.version }
                    let stored = try await Self.read(target, on: app, op: op)
                    // Versions: one per accepted write, none twice, none skipped.
                    #expect(writes.map(\.version) == Array(stride(from: 2, through: stored.version, by: 1)), "\(target)")
                    // The last accepted write is what is stored.
                    if let last = writes.last { #expect(last.value == stored.value, "\(target)") }
                }
            }
            let updates = try await FluentAuditLog(database: app.db).search(.init(entity: "beneficiary", action: .update, perPage: 1))
            #expect(updates.total == people.reduce(0) { $0 + (accepted[Target(kind: .person, id: $1.id)]?.count ?? 0) })
        }
    }

    /// Reads the target's version, then writes it with that version.
    static func write(
        _ target: Target, by writer: Int, _ sequence: Int, on app: Application, op: TestUser, forms: [UUID: [String: String]],
        members: [UUID: [UUID]], attendees: [UUID], tally: Tally
    ) async throws {
        let current = try await read(target, on: app, op: op)
        let path: String
        let body: [String: AnyEncodable]
        let value: String
        switch target.kind {
        case .person:
            path = "/api/v1/beneficiaries/\(target.id)"
            value = "Warga Penulis \(writer) Ke \(sequence)"
            var fields = (forms[target.id] ?? [:]).mapValues { AnyEncodable($0) }
            fields["nama"] = AnyEncodable(value)
            fields["version"] = AnyEncodable(current.version)
            body = fields
        case .officers:
            path = "/api/v1/groups/\(target.id)/roles"
            let ids = members[target.id] ?? []
            let start = (writer * 7 + sequence) % ids.count
            let chosen = (0..<3).map { ids[(start + $0) % ids.count] }
            var roles = Dictionary(uniqueKeysWithValues: ids.map { ($0.uuidString, "anggota") })
            for (id, role) in zip(chosen, ["ketua", "sekretaris", "bendahara"]) { roles[id.uuidString] = role }
            value = officers(roles)
            body = ["version": AnyEncodable(current.version), "roles": AnyEncodable(roles)]
        case .attendance:
            path = "/api/v1/sessions/\(target.id)/attendance"
            var roster: [String: String] = [:]
            for (index, id) in attendees.enumerated() {
                roster[id.uuidString.lowercased()] = ["hadir", "izin", "sakit", "alpa"][(writer + sequence + index) % 4]
            }
            value = listing(roster)
            body = ["version": AnyEncodable(current.version), "attendance": AnyEncodable(roster)]
        }
        let response = try await app.testing().sendRequest(
            .PUT, path, headers: op.bearer, beforeRequest: { try $0.content.encode(body, as: .json) })
        tally.count(response.status)
        if response.status == .ok {
            let version = try response.content.decode(Versioned.self).version
            tally.accept(target, Accepted(version: version, value: value))
        }
    }

    struct Stored {
        var version: Int
        var value: String
    }

    static func listing(_ map: [String: String]) -> String {
        map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    static func officers(_ roles: [String: String]) -> String {
        listing(roles.filter { $0.value != "anggota" })
    }

    static func read(_ target: Target, on app: Application, op: TestUser) async throws -> Stored {
        switch target.kind {
        case .person:
            let response = try await app.testing().sendRequest(.GET, "/api/v1/beneficiaries/\(target.id)", headers: op.bearer)
            let body = try response.content.decode(PersonBody.self)
            return Stored(version: body.version, value: body.nama)
        case .officers:
            let response = try await app.testing().sendRequest(.GET, "/api/v1/groups/\(target.id)", headers: op.bearer)
            let body = try response.content.decode(GroupBody.self)
            let roles = Dictionary(uniqueKeysWithValues: body.members.map { ($0.beneficiary.uuidString, $0.role) })
            return Stored(version: body.version, value: officers(roles))
        case .attendance:
            let response = try await app.testing().sendRequest(.GET, "/api/v1/sessions/\(target.id)", headers: op.bearer)
            let body = try response.content.decode(SessionBody.self)
            let roster = Dictionary(body.attendance.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            return Stored(version: body.version, value: listing(roster))
        }
    }
}
