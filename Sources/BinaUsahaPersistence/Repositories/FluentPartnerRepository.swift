import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// Partners in `partners` (+ `partner_regions`, `partner_accounts`), commitments in
/// `commitments` (+ `commitment_groups`) and `realisations`.
public struct FluentPartnerRepository: PartnerRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }
    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) { base = database }

    struct PartnerRow: Decodable {
        let id: UUID, name: String, kind: String, contact_name: String, contact_phone: String, email: String, regions: String, version: Int
    }
    struct AccountRow: Decodable {
        let partner_id: UUID, user_id: UUID
    }

    public func insert(_ partner: Partner) async throws {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "partners")
                .columns("id", "name", "kind", "contact_name", "contact_phone", "email", "regions", "version")
                .values(
                    SQLBind(partner.id), SQLBind(partner.name), SQLBind(partner.kind.rawValue), SQLBind(partner.contactName),
                    SQLBind(partner.contactPhone), SQLBind(partner.email), SQLBind(partner.regions.map(\.rawValue).joined(separator: ";")),
                    SQLBind(partner.version)
                ).run()
            try await Self.writeLinks(partner, sql)
        }
    }

    static func writeLinks(_ partner: Partner, _ sql: any SQLDatabase) async throws {
        if !partner.regions.isEmpty {
            var insert = sql.insert(into: "partner_regions").columns("partner_id", "kabkota_code")
            for region in partner.regions { insert = insert.values(SQLBind(partner.id), SQLBind(region.rawValue)) }
            try await insert.run()
        }
        if !partner.accounts.isEmpty {
            var insert = sql.insert(into: "partner_accounts").columns("partner_id", "user_id")
            for user in partner.accounts { insert = insert.values(SQLBind(partner.id), SQLBind(user)) }
            try await insert.run()
        }
    }

    public func update(_ partner: Partner, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            guard try await sql.claimVersion(of: "partners", id: partner.id, expected: expectedVersion) else { return false }
            try await sql.update("partners").set("name", to: SQLBind(partner.name)).set("kind", to: SQLBind(partner.kind.rawValue))
                .set("contact_name", to: SQLBind(partner.contactName)).set("contact_phone", to: SQLBind(partner.contactPhone))
                .set("email", to: SQLBind(partner.email)).set("regions", to: SQLBind(partner.regions.map(\.rawValue).joined(separator: ";")))
                .where("id", .equal, SQLBind(partner.id)).run()
            try await sql.delete(from: "partner_regions").where("partner_id", .equal, SQLBind(partner.id)).run()
            try await sql.delete(from: "partner_accounts").where("partner_id", .equal, SQLBind(partner.id)).run()
            try await Self.writeLinks(partner, sql)
            return true
        }
    }

    public func find(partner id: UUID) async throws -> Partner? {
        try await partners(where: SQLBinaryExpression(SQLColumn("id"), .equal, SQLBind(id))).first
    }

    public func partners(within scope: RegionCode?) async throws -> [Partner] {
        guard let scope, scope.level != .provinsi else { return try await partners(where: nil) }
        let kabkota = scope.lineage.first { $0.level == .kabupatenKota } ?? scope
        let ids = try await sql.select().column("partner_id").from("partner_regions").where("kabkota_code", .equal, SQLBind(kabkota.rawValue))
            .all(decoding: [String: UUID].self).compactMap { $0["partner_id"] }
        guard !ids.isEmpty else { return [] }
        return try await partners(where: SQLBinaryExpression(SQLColumn("id"), .in, SQLBind.group(ids)))
    }

    public func partners(ofAccount user: UUID) async throws -> [Partner] {
        let ids = try await sql.select().columns("partner_id", "user_id").from("partner_accounts").where("user_id", .equal, SQLBind(user))
            .all(decoding: AccountRow.self).map(\.partner_id)
        guard !ids.isEmpty else { return [] }
        return try await partners(where: SQLBinaryExpression(SQLColumn("id"), .in, SQLBind.group(ids)))
    }

    func partners(where condition: (any SQLExpression)?) async throws -> [Partner] {
        var query = sql.select().column("*").from("partners")
        if let condition { query = query.where(condition) }
        let rows = try await query.orderBy("name").all(decoding: PartnerRow.self)
        guard !rows.isEmpty else { return [] }
        let accounts = try await sql.select().columns("partner_id", "user_id").from("partner_accounts")
            .where("partner_id", .in, SQLBind.group(rows.map(\.id))).all(decoding: AccountRow.self)
        let byPartner = Dictionary(grouping: accounts, by: \.partner_id).mapValues { $0.map(\.user_id) }
        return try rows.map { r in
            guard let kind = Partner.Kind(rawValue: r.kind) else { throw StoredValueError(table: "partners", column: "kind", id: r.id.uuidString) }
            return Partner(
                id: r.id, name: r.name, kind: kind, contactName: r.contact_name, contactPhone: r.contact_phone, email: r.email,
                regions: r.regions.split(separator: ";").map { RegionCode(trusted: String($0)) }, accounts: byPartner[r.id] ?? [],
                version: r.version)
        }
    }

    // MARK: Commitments

    struct CommitmentRow: Decodable {
        let id: UUID, partner_id: UUID, type: String, description: String, value: Int64, starts_on: String, ends_on: String
        let kabkota_code: String, programme_id: UUID?, version: Int, quantity: Int?, unit: String?
    }
    struct GroupLink: Decodable {
        let commitment_id: UUID, group_id: UUID
    }
    struct RealisationRow: Decodable {
        let id: UUID, commitment_id: UUID, date: String, value: Int64, note: String, recorded_by: String
    }

    public func insert(_ c: Commitment) async throws {
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "commitments")
                .columns(
                    "id", "partner_id", "type", "description", "value", "starts_on", "ends_on", "kabkota_code", "programme_id", "version", "quantity",
                    "unit"
                )
                .values(
                    SQLBind(c.id), SQLBind(c.partner), SQLBind(c.type.rawValue), SQLBind(c.description), SQLBind(c.value.amount),
                    SQLBind(c.startsOn.iso), SQLBind(c.endsOn.iso), SQLBind(c.kabupatenKota.rawValue),
                    c.programme.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(c.version),
                    c.quantity.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(c.unit)
                ).run()
            guard !c.groups.isEmpty else { return }
            var insert = sql.insert(into: "commitment_groups").columns("commitment_id", "group_id")
            for group in c.groups { insert = insert.values(SQLBind(c.id), SQLBind(group)) }
            try await insert.run()
        }
    }

    public func find(commitment id: UUID) async throws -> Commitment? {
        try await commitments(where: SQLBinaryExpression(SQLColumn("id"), .equal, SQLBind(id))).first?.commitment
    }

    public func claim(_ commitment: UUID, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in try await (db as! any SQLDatabase).claimVersion(of: "commitments", id: commitment, expected: expectedVersion)
        }
    }

    public func commitments(ofPartner partner: UUID) async throws -> [CommitmentStatus] {
        try await commitments(where: SQLBinaryExpression(SQLColumn("partner_id"), .equal, SQLBind(partner)))
    }

    public func commitments(within scope: RegionCode?) async throws -> [CommitmentStatus] {
        guard let scope, scope.level != .provinsi else { return try await commitments(where: nil) }
        let kabkota = scope.lineage.first { $0.level == .kabupatenKota } ?? scope
        return try await commitments(where: SQLBinaryExpression(SQLColumn("kabkota_code"), .equal, SQLBind(kabkota.rawValue)))
    }

    func commitments(where condition: (any SQLExpression)?) async throws -> [CommitmentStatus] {
        var query = sql.select().column("*").from("commitments")
        if let condition { query = query.where(condition) }
        let rows = try await query.orderBy("starts_on", .descending).all(decoding: CommitmentRow.self)
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        let links = try await sql.select().columns("commitment_id", "group_id").from("commitment_groups")
            .where("commitment_id", .in, SQLBind.group(ids)).all(decoding: GroupLink.self)
        let groups = Dictionary(grouping: links, by: \.commitment_id).mapValues { $0.map(\.group_id) }
        let realised = try await sql.select().column("*").from("realisations").where("commitment_id", .in, SQLBind.group(ids))
            .orderBy("date").all(decoding: RealisationRow.self)
        let byCommitment = Dictionary(grouping: realised, by: \.commitment_id)
        return try rows.map { r in
            guard let type = Commitment.SupportType(rawValue: r.type), let starts = CivilDate(parsing: r.starts_on),
                let ends = CivilDate(parsing: r.ends_on)
            else { throw StoredValueError(table: "commitments", column: "type", id: r.id.uuidString) }
            let commitment = Commitment(
                id: r.id, partner: r.partner_id, type: type, description: r.description, value: Rupiah(r.value), quantity: r.quantity,
                unit: r.unit ?? "", startsOn: starts, endsOn: ends,
                kabupatenKota: RegionCode(trusted: r.kabkota_code), programme: r.programme_id, groups: groups[r.id] ?? [], version: r.version)
            let realisations = try (byCommitment[r.id] ?? []).map { row in
                guard let date = CivilDate(parsing: row.date) else {
                    throw StoredValueError(table: "realisations", column: "date", id: row.id.uuidString)
                }
                return Realisation(
                    id: row.id, commitment: row.commitment_id, date: date, value: Rupiah(row.value), note: row.note, recordedBy: row.recorded_by)
            }
            return CommitmentStatus(commitment: commitment, realisations: realisations)
        }
    }

    public func insert(_ r: Realisation) async throws {
        try await database.write { db in
            try await (db as! any SQLDatabase).insert(into: "realisations").columns("id", "commitment_id", "date", "value", "note", "recorded_by")
                .values(SQLBind(r.id), SQLBind(r.commitment), SQLBind(r.date.iso), SQLBind(r.value.amount), SQLBind(r.note), SQLBind(r.recordedBy))
                .run()
        }
    }
}
