import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

public struct FluentCoachingRepository: CoachingRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }
    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) { base = database }

    // MARK: Programmes

    struct ProgrammeRow: Decodable {
        let id: UUID, name: String, kabkota_code: String, year: Int, skills: String, target_groups: Int, target_people: Int
        let budget: Int64, starts_on: String, ends_on: String, partners: String, version: Int
    }
    struct Link: Decodable {
        let programme_id: UUID
        let group_id: UUID
    }

    public func insert(_ programme: Programme) async throws {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "programmes")
                .columns(
                    "id", "name", "kabkota_code", "year", "skills", "target_groups", "target_people", "budget", "starts_on", "ends_on",
                    "partners", "version"
                )
                .values(
                    SQLBind(programme.id), SQLBind(programme.name), SQLBind(programme.kabupatenKota.rawValue), SQLBind(programme.year),
                    SQLBind(programme.skills.joined(separator: ";")), SQLBind(programme.targetGroups), SQLBind(programme.targetPeople),
                    SQLBind(programme.budget.amount), SQLBind(programme.startsOn.iso), SQLBind(programme.endsOn.iso),
                    SQLBind(programme.partners), SQLBind(programme.version)
                )
                .run()
            try await Self.writeLinks(programme, sql)
        }
    }

    static func writeLinks(_ programme: Programme, _ sql: any SQLDatabase) async throws {
        guard !programme.groups.isEmpty else { return }
        var insert = sql.insert(into: "programme_groups").columns("programme_id", "group_id")
        for group in programme.groups { insert = insert.values(SQLBind(programme.id), SQLBind(group)) }
        try await insert.run()
    }

    public func find(programme id: UUID) async throws -> Programme? {
        try await programmes(where: SQLBinaryExpression(SQLColumn("id"), .equal, SQLBind(id))).first
    }

    public func programmes(within scope: RegionCode?) async throws -> [Programme] {
        guard let scope, scope.level != .provinsi else { return try await programmes(where: nil) }
        let kabkota = scope.lineage.first { $0.level == .kabupatenKota } ?? scope
        return try await programmes(where: SQLBinaryExpression(SQLColumn("kabkota_code"), .equal, SQLBind(kabkota.rawValue)))
    }

    func programmes(where condition: (any SQLExpression)?) async throws -> [Programme] {
        var query = sql.select().column("*").from("programmes")
        if let condition { query = query.where(condition) }
        let rows = try await query.orderBy("year", .descending).orderBy("name").all(decoding: ProgrammeRow.self)
        guard !rows.isEmpty else { return [] }
        let links = try await sql.select().columns("programme_id", "group_id").from("programme_groups")
            .where("programme_id", .in, SQLBind.group(rows.map(\.id))).all(decoding: Link.self)
        let groups = Dictionary(grouping: links, by: \.programme_id).mapValues { $0.map(\.group_id) }
        return try rows.map { r in
            Programme(
                id: r.id, name: r.name, kabupatenKota: RegionCode(trusted: r.kabkota_code), year: r.year,
                skills: r.skills.split(separator: ";").map(String.init), targetGroups: r.target_groups, targetPeople: r.target_people,
                budget: Rupiah(r.budget), startsOn: try Self.date(r.starts_on, "programmes.starts_on", r.id),
                endsOn: try Self.date(r.ends_on, "programmes.ends_on", r.id),
                partners: r.partners, groups: groups[r.id] ?? [], version: r.version)
        }
    }

    public func update(_ programme: Programme, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            guard try await sql.claimVersion(of: "programmes", id: programme.id, expected: expectedVersion) else { return false }
            try await sql.update("programmes").set("name", to: SQLBind(programme.name)).set(
                "skills", to: SQLBind(programme.skills.joined(separator: ";"))
            )
            .set("target_groups", to: SQLBind(programme.targetGroups)).set("target_people", to: SQLBind(programme.targetPeople))
            .set("budget", to: SQLBind(programme.budget.amount)).set("starts_on", to: SQLBind(programme.startsOn.iso))
            .set("ends_on", to: SQLBind(programme.endsOn.iso)).set("partners", to: SQLBind(programme.partners))
            .set("version", to: SQLBind(expectedVersion + 1)).where("id", .equal, SQLBind(programme.id)).run()
            try await sql.delete(from: "programme_groups").where("programme_id", .equal, SQLBind(programme.id)).run()
            try await Self.writeLinks(programme, sql)
            return true
        }
    }

    // MARK: Sessions

    struct SessionRow: Decodable {
        let id: UUID, programme_id: UUID?, type: String, starts_at: Date, hours: Double, place: String, facilitator: String, topic: String
        let skill_code: String?, version: Int
    }
    struct SessionGroup: Decodable {
        let session_id: UUID
        let group_id: UUID
    }
    struct AttendanceRow: Decodable {
        let session_id: UUID
        let beneficiary_id: UUID
        let status: String
    }

    public func insert(_ session: CoachingSession) async throws {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "coaching_sessions")
                .columns("id", "programme_id", "type", "starts_at", "hours", "place", "facilitator", "topic", "skill_code", "version")
                .values(
                    SQLBind(session.id), session.programme.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
                    SQLBind(session.type.rawValue), SQLBind(session.startsAt), SQLBind(session.hours), SQLBind(session.place),
                    SQLBind(session.facilitator), SQLBind(session.topic),
                    session.skill.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(session.version)
                )
                .run()
            var insert = sql.insert(into: "session_groups").columns("session_id", "group_id")
            for group in session.groups { insert = insert.values(SQLBind(session.id), SQLBind(group)) }
            try await insert.run()
            try await Self.writeAttendance(session, sql)
        }
    }

    static func writeAttendance(_ session: CoachingSession, _ sql: any SQLDatabase) async throws {
        guard !session.attendance.isEmpty else { return }
        var insert = sql.insert(into: "attendance").columns("session_id", "beneficiary_id", "status")
        for (person, status) in session.attendance.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            insert = insert.values(SQLBind(session.id), SQLBind(person), SQLBind(status.rawValue))
        }
        try await insert.run()
    }

    public func find(session id: UUID) async throws -> CoachingSession? {
        try await sessions(ids: [id]).first
    }

    func sessions(ids: [UUID]) async throws -> [CoachingSession] {
        guard !ids.isEmpty else { return [] }
        var result: [CoachingSession] = []
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let part = Array(ids[chunk..<min(chunk + 500, ids.count)])
            let rows = try await sql.select().column("*").from("coaching_sessions").where("id", .in, SQLBind.group(part))
                .all(decoding: SessionRow.self)
            let groups = Dictionary(
                grouping: try await sql.select().columns("session_id", "group_id").from("session_groups")
                    .where("session_id", .in, SQLBind.group(part)).all(decoding: SessionGroup.self), by: \.session_id)
            let attendance = Dictionary(
                grouping: try await sql.select().columns("session_id", "beneficiary_id", "status").from("attendance")
                    .where("session_id", .in, SQLBind.group(part)).all(decoding: AttendanceRow.self), by: \.session_id)
            result += try rows.map { r in
                CoachingSession(
                    id: r.id, programme: r.programme_id, type: try Stored.value(r.type, "coaching_sessions.type", of: r.id), startsAt: r.starts_at,
                    hours: r.hours, place: r.place, facilitator: r.facilitator, topic: r.topic, skill: r.skill_code,
                    groups: (groups[r.id] ?? []).map(\.group_id).sorted { $0.uuidString < $1.uuidString },
                    attendance: Dictionary(
                        try (attendance[r.id] ?? []).map {
                            ($0.beneficiary_id, try Stored.value($0.status, "attendance.status", of: r.id) as AttendanceStatus)
                        },
                        uniquingKeysWith: { a, _ in a }),
                    version: r.version)
            }
        }
        return result.sorted { $0.startsAt < $1.startsAt }
    }

    public func update(_ session: CoachingSession, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            guard try await sql.claimVersion(of: "coaching_sessions", id: session.id, expected: expectedVersion) else { return false }
            try await sql.update("coaching_sessions").set("type", to: SQLBind(session.type.rawValue)).set("starts_at", to: SQLBind(session.startsAt))
                .set("hours", to: SQLBind(session.hours)).set("place", to: SQLBind(session.place)).set(
                    "facilitator", to: SQLBind(session.facilitator)
                )
                .set("topic", to: SQLBind(session.topic)).set("version", to: SQLBind(expectedVersion + 1))
                .where("id", .equal, SQLBind(session.id)).run()
            try await sql.delete(from: "attendance").where("session_id", .equal, SQLBind(session.id)).run()
            try await Self.writeAttendance(session, sql)
            return true
        }
    }

    public func sessions(ofGroups groups: [UUID]) async throws -> [CoachingSession] {
        guard !groups.isEmpty else { return [] }
        var ids = Set<UUID>()
        for chunk in stride(from: 0, to: groups.count, by: 500) {
            let part = Array(groups[chunk..<min(chunk + 500, groups.count)])
            ids.formUnion(
                try await sql.select().columns("session_id", "group_id").from("session_groups")
                    .where("group_id", .in, SQLBind.group(part)).all(decoding: SessionGroup.self).map(\.session_id))
        }
        return try await sessions(ids: Array(ids))
    }

    public func sessions(ofProgramme programme: UUID) async throws -> [CoachingSession] {
        struct Row: Decodable { let id: UUID }
        let ids = try await sql.select().column("id").from("coaching_sessions").where("programme_id", .equal, SQLBind(programme))
            .all(decoding: Row.self).map(\.id)
        return try await sessions(ids: ids)
    }

    // MARK: Assistance

    struct AssistanceRow: Decodable {
        let id: UUID, group_id: UUID, programme_id: UUID?, date: String, amount: Int64, form: String, source: String, rab_items: String,
            receipt: String
    }

    public func insert(_ assistance: Assistance) async throws {
        try await sql.insert(into: "assistance")
            .columns("id", "group_id", "programme_id", "date", "amount", "form", "source", "rab_items", "receipt")
            .values(
                SQLBind(assistance.id), SQLBind(assistance.group), assistance.programme.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
                SQLBind(assistance.date.iso), SQLBind(assistance.amount.amount), SQLBind(assistance.form.rawValue),
                SQLBind(assistance.source.rawValue), SQLBind(assistance.rabItems), SQLBind(assistance.receipt)
            )
            .run()
    }

    public func assistance(ofGroups groups: [UUID]) async throws -> [Assistance] {
        guard !groups.isEmpty else { return [] }
        var result: [Assistance] = []
        for chunk in stride(from: 0, to: groups.count, by: 500) {
            let part = Array(groups[chunk..<min(chunk + 500, groups.count)])
            result += try await sql.select().column("*").from("assistance").where("group_id", .in, SQLBind.group(part))
                .all(decoding: AssistanceRow.self).map {
                    Assistance(
                        id: $0.id, group: $0.group_id, date: try Self.date($0.date, "assistance.date", $0.id), amount: Rupiah($0.amount),
                        form: try Stored.value($0.form, "assistance.form", of: $0.id),
                        source: try Stored.value($0.source, "assistance.source", of: $0.id),
                        rabItems: $0.rab_items, receipt: $0.receipt, programme: $0.programme_id)
                }
        }
        return result.sorted { ($0.date, $0.receipt) < ($1.date, $1.receipt) }
    }

    /// A stored date; one that does not read back is an error, never a made-up date.
    static func date(_ text: String, _ column: String, _ id: UUID) throws -> CivilDate {
        guard let date = CivilDate(parsing: text) else {
            let parts = column.split(separator: ".")
            throw StoredValueError(table: String(parts[0]), column: String(parts[1]), id: id.uuidString)
        }
        return date
    }
}
