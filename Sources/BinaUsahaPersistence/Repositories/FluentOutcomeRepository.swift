import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// Assessments in `assessments`, graduations in `graduations`, the rule in `settings`.
public struct FluentOutcomeRepository: OutcomeRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }
    private var sql: any SQLDatabase { database as! any SQLDatabase }
    static let ruleKey = "graduation_rule"

    public init(database: any Database) { base = database }

    struct AssessmentRow: Decodable {
        let id: UUID, beneficiary_id: UUID, date: String, household_income: Int64, household_size: Int, decile: Int?
        let receives_bansos: Bool, business_running: Bool, recorded_by: String
    }
    struct GraduationRow: Decodable {
        let beneficiary_id: UUID, date: String, reason: String, confirmed_by: String
    }

    public func insert(_ a: Assessment) async throws {
        try await database.write { db in
            try await (db as! any SQLDatabase).insert(into: "assessments")
                .columns(
                    "id", "beneficiary_id", "date", "household_income", "household_size", "decile", "receives_bansos", "business_running",
                    "recorded_by"
                )
                .values(
                    SQLBind(a.id), SQLBind(a.beneficiary), SQLBind(a.date.iso), SQLBind(a.householdIncome.amount), SQLBind(a.householdSize),
                    a.decile.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(a.receivesBansos), SQLBind(a.businessRunning),
                    SQLBind(a.recordedBy)
                ).run()
        }
    }

    public func assessments(of beneficiaries: [UUID]) async throws -> [Assessment] {
        guard !beneficiaries.isEmpty else { return [] }
        var result: [Assessment] = []
        // In slices, so a province-sized cohort stays under every database's bind limit.
        for start in stride(from: 0, to: beneficiaries.count, by: 500) {
            let slice = Array(beneficiaries[start..<min(start + 500, beneficiaries.count)])
            let rows = try await sql.select().column("*").from("assessments").where("beneficiary_id", .in, SQLBind.group(slice))
                .orderBy("date").all(decoding: AssessmentRow.self)
            result += try rows.map { r in
                guard let date = CivilDate(parsing: r.date) else { throw StoredValueError(table: "assessments", column: "date", id: r.id.uuidString) }
                return Assessment(
                    id: r.id, beneficiary: r.beneficiary_id, date: date, householdIncome: Rupiah(r.household_income), householdSize: r.household_size,
                    decile: r.decile, receivesBansos: r.receives_bansos, businessRunning: r.business_running, recordedBy: r.recorded_by)
            }
        }
        return result
    }

    public func insert(_ g: Graduation) async throws {
        try await database.write { db in
            try await (db as! any SQLDatabase).insert(into: "graduations").columns("beneficiary_id", "date", "reason", "confirmed_by")
                .values(SQLBind(g.beneficiary), SQLBind(g.date.iso), SQLBind(g.reason), SQLBind(g.confirmedBy)).run()
        }
    }

    public func graduations(of beneficiaries: [UUID]) async throws -> [Graduation] {
        guard !beneficiaries.isEmpty else { return [] }
        var result: [Graduation] = []
        for start in stride(from: 0, to: beneficiaries.count, by: 500) {
            let slice = Array(beneficiaries[start..<min(start + 500, beneficiaries.count)])
            result += try await sql.select().column("*").from("graduations").where("beneficiary_id", .in, SQLBind.group(slice))
                .all(decoding: GraduationRow.self).compactMap { r in
                    CivilDate(parsing: r.date).map {
                        Graduation(beneficiary: r.beneficiary_id, date: $0, reason: r.reason, confirmedBy: r.confirmed_by)
                    }
                }
        }
        return result
    }

    public func graduationRule() async throws -> GraduationRule {
        struct Value: Decodable { let value: String }
        guard
            let row = try await sql.select().column("value").from("settings").where("key", .equal, SQLBind(Self.ruleKey)).first(decoding: Value.self)
        else { return .standard }
        guard let rule = try? JSONDecoder().decode(GraduationRule.self, from: Data(row.value.utf8)), rule.problems.isEmpty else {
            throw StoredValueError(table: "settings", column: "value", id: Self.ruleKey)
        }
        return rule
    }

    public func save(_ rule: GraduationRule) async throws {
        let text = String(decoding: try JSONEncoder().encode(rule), as: UTF8.self)
        try await database.write { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "settings").where("key", .equal, SQLBind(Self.ruleKey)).run()
            try await sql.insert(into: "settings").columns("key", "value", "updated_at").values(SQLBind(Self.ruleKey), SQLBind(text), SQLBind(Date()))
                .run()
        }
    }
}
