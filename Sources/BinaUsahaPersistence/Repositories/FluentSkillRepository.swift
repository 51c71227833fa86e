import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

public struct FluentSkillRepository: SkillRepository, SettingsRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }
    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) { base = database }

    struct Row: Decodable {
        let code: String, name: String, description: String, needs: String, interests: String, training_hours: Int
        let starter_kit_cost: Int64, products: String, suitability: String, unsuitable: String, figures_estimated: Bool, source: String
        let version: Int

        var skill: Skill {
            get throws {
                Skill(
                    code: code, name: name, description: description,
                    needs: try Stored.json(needs, as: [ResourceNeed].self, "skills.needs", of: code),
                    interests: BeneficiaryColumns.list(interests), trainingHours: training_hours,
                    starterKitCost: Rupiah(starter_kit_cost),
                    products: try Stored.json(products, as: [SkillProduct].self, "skills.products", of: code),
                    suitability: suitability, unsuitable: try FluentSkillRepository.rules(unsuitable, of: code),
                    figuresEstimated: figures_estimated, source: source, version: version)
            }
        }
    }

    static let columns = [
        "code", "name", "description", "needs", "interests", "training_hours", "starter_kit_cost", "products",
        "suitability", "figures_estimated", "source", "version", "updated_at", "unsuitable",
    ]
    /// Before migration 0027 (what 0012 seeds): no `unsuitable` column yet.
    static let legacyColumns = Array(columns.dropLast())
    /// The readable columns (all but `updated_at`).
    static let readColumns = columns.filter { $0 != "updated_at" }

    /// Suitability rules as stored: one `limitation:effect:reason` line each.
    static func unsuitableText(_ rules: [SuitabilityRule]) -> String { rules.map(\.line).joined(separator: "\n") }

    static func rules(_ text: String, of code: String) throws -> [SuitabilityRule] {
        try text.split(separator: "\n").map {
            guard let rule = SuitabilityRule(line: String($0)) else { throw StoredValueError("skills.unsuitable", code) }
            return rule
        }
    }

    static func values(_ skill: Skill) -> [any SQLExpression] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return [
            SQLBind(skill.code), SQLBind(skill.name), SQLBind(skill.description),
            SQLBind(String(decoding: (try? encoder.encode(skill.needs)) ?? Data(), as: UTF8.self)),
            SQLBind(BeneficiaryColumns.joined(skill.interests)), SQLBind(skill.trainingHours), SQLBind(skill.starterKitCost.amount),
            SQLBind(String(decoding: (try? encoder.encode(skill.products)) ?? Data(), as: UTF8.self)),
            SQLBind(skill.suitability), SQLBind(skill.figuresEstimated), SQLBind(skill.source), SQLBind(skill.version), SQLBind(Date()),
            SQLBind(unsuitableText(skill.unsuitable)),
        ]
    }

    public func all() async throws -> [Skill] {
        try await sql.select().columns(Self.readColumns.map { SQLIdentifier($0) }).from("skills").orderBy("name")
            .all(decoding: Row.self).map { try $0.skill }
    }

    public func find(code: String) async throws -> Skill? {
        try await sql.select().columns(Self.readColumns.map { SQLIdentifier($0) }).from("skills").where("code", .equal, SQLBind(code))
            .first(decoding: Row.self).map { try $0.skill }
    }

    public func insert(_ skill: Skill) async throws {
        try await sql.insert(into: "skills").columns(Self.columns).values(Self.values(skill)).run()
    }

    /// For migration 0012, which runs before the `unsuitable` column exists.
    func insertLegacy(_ skill: Skill) async throws {
        try await sql.insert(into: "skills").columns(Self.legacyColumns).values(Array(Self.values(skill).dropLast())).run()
    }

    public func update(_ skill: Skill, expectedVersion: Int) async throws -> Bool {
        var update = sql.update("skills")
        for (column, value) in zip(Self.columns, Self.values(skill)) where column != "code" && column != "version" {
            update = update.set(SQLIdentifier(column), to: value)
        }
        // One statement: the version check and the write are one atomic step.
        let written = try await update.set("version", to: SQLBind(expectedVersion + 1)).where("code", .equal, SQLBind(skill.code))
            .where("version", .equal, SQLBind(expectedVersion)).returning("code").all()
        return !written.isEmpty
    }

    // MARK: Settings

    static let weightsKey = "recommendation_weights"

    public func recommendationWeights() async throws -> RecommendationWeights {
        struct Value: Decodable { let value: String }
        guard
            let row = try await sql.select().column("value").from("settings").where("key", .equal, SQLBind(Self.weightsKey))
                .first(decoding: Value.self)
        else { return .standard }
        let weights = try Stored.json(row.value, as: RecommendationWeights.self, "settings.value", of: Self.weightsKey)
        guard weights.isValid else { throw StoredValueError("settings.value", Self.weightsKey) }
        return weights
    }

    public func save(_ weights: RecommendationWeights) async throws {
        let text = String(decoding: try JSONEncoder().encode(weights), as: UTF8.self)
        try await sql.delete(from: "settings").where("key", .equal, SQLBind(Self.weightsKey)).run()
        try await sql.insert(into: "settings").columns("key", "value", "updated_at").values(SQLBind(Self.weightsKey), SQLBind(text), SQLBind(Date()))
            .run()
    }
}
