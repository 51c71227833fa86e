import Foundation

/// A skill (keterampilan) the Dinas trains people in, with what it needs and what it yields.
public struct Skill: Sendable, Equatable, Codable {
    /// Short lowercase slug, e.g. `anyaman-purun`; never changes.
    public var code: String
    public var name: String
    public var description: String
    /// Local resources it needs, with weights; an essential one absent near a person excludes the skill.
    public var needs: [ResourceNeed]
    /// Interest and talent tags (from the managed vocabulary) that suit it.
    public var interests: [String]
    public var trainingHours: Int
    public var starterKitCost: Rupiah
    public var products: [SkillProduct]
    /// Notes on who it suits, e.g. "bisa dikerjakan sambil duduk".
    public var suitability: String
    /// Limitations for which it is unsuitable or less suitable, with the reason.
    public var unsuitable: [SuitabilityRule]
    /// True when the figures are estimates rather than sourced numbers.
    public var figuresEstimated: Bool
    public var source: String
    public var version: Int

    public init(
        code: String, name: String, description: String = "", needs: [ResourceNeed], interests: [String],
        trainingHours: Int, starterKitCost: Rupiah, products: [SkillProduct], suitability: String = "",
        unsuitable: [SuitabilityRule] = [], figuresEstimated: Bool = true, source: String = "", version: Int = 1
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.needs = needs
        self.interests = interests.sorted()
        self.trainingHours = trainingHours
        self.starterKitCost = starterKitCost
        self.products = products
        self.suitability = suitability
        self.unsuitable = unsuitable
        self.figuresEstimated = figuresEstimated
        self.source = source
        self.version = version
    }

    /// Selling value over material cost, averaged over the products that have a material cost.
    public var valueAddedRatio: Double? {
        let ratios = products.compactMap(\.valueAddedRatio)
        guard !ratios.isEmpty else { return nil }
        return ratios.reduce(0, +) / Double(ratios.count)
    }
}

public struct ResourceNeed: Sendable, Equatable, Hashable, Codable {
    public var resource: String
    /// 1 (minor) to 5 (main material).
    public var weight: Int
    /// Without it within the kecamatan the skill is not recommended.
    public var essential: Bool

    public init(resource: String, weight: Int, essential: Bool) {
        self.resource = resource
        self.weight = weight
        self.essential = essential
    }
}

public struct SkillProduct: Sendable, Equatable, Hashable, Codable {
    public var name: String
    public var unit: String
    public var materialCost: Rupiah
    public var sellingPrice: Rupiah

    public init(name: String, unit: String, materialCost: Rupiah, sellingPrice: Rupiah) {
        self.name = name
        self.unit = unit
        self.materialCost = materialCost
        self.sellingPrice = sellingPrice
    }

    public var valueAddedRatio: Double? {
        materialCost.amount > 0 ? Double(sellingPrice.amount) / Double(materialCost.amount) : nil
    }
}

/// `3,2` — a ratio the way Indonesian text writes decimals.
public func formatRatio(_ value: Double, _ lang: Lang = .id) -> String {
    let text = String(format: "%.1f", value)
    return lang == .id ? text.replacingOccurrences(of: ".", with: ",") : text
}

/// Where the skills catalogue is stored.
public protocol SkillRepository: Sendable {
    func all() async throws -> [Skill]
    func find(code: String) async throws -> Skill?
    func insert(_ skill: Skill) async throws
    /// Saves if the stored version is still `expectedVersion`; false when someone saved first.
    func update(_ skill: Skill, expectedVersion: Int) async throws -> Bool
}

/// Settings the admin edits.
public protocol SettingsRepository: Sendable {
    func recommendationWeights() async throws -> RecommendationWeights
    func save(_ weights: RecommendationWeights) async throws
}
