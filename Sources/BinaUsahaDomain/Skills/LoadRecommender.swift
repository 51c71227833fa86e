/// Builds a recommender from the stores, knowing the potentials that bear on every desa inside
/// `scope` (the whole province when `nil`): those recorded inside it and on the regions above it.
public struct LoadRecommender: Sendable {
    public var potentials: any PotentialRepository
    public var regions: any RegionRepository
    public var skills: any SkillRepository
    public var settings: any SettingsRepository

    public init(potentials: any PotentialRepository, regions: any RegionRepository, skills: any SkillRepository, settings: any SettingsRepository) {
        self.potentials = potentials
        self.regions = regions
        self.skills = skills
        self.settings = settings
    }

    public func callAsFunction(within scope: RegionCode?) async throws -> Recommender {
        var recorded = try await potentials.potentials(within: scope)
        if let scope { recorded += try await potentials.potentials(on: Array(scope.lineage.dropLast())) }
        let names = try await regions.existing(Set(recorded.map(\.region)))
        return Recommender(
            skills: try await skills.all(), resources: try await potentials.resources(), potentials: PotentialMap(recorded),
            regions: Array(names.values), weights: try await settings.recommendationWeights())
    }

    /// For people living in `desa`: the whole kecamatan is loaded, for resources in neighbouring desa.
    public func callAsFunction(forDesa desa: RegionCode) async throws -> Recommender {
        try await self(within: desa.parent ?? desa)
    }
}
