/// Builds a recommender from the stores, knowing the potentials that bear on every desa inside
/// `scope` (the whole province when `nil`): those recorded inside it and on the regions above it.
public struct LoadRecommender: Sendable {
    public var potentials: any PotentialRepository
    public var regions: any RegionRepository
    public var skills: any SkillRepository
    public var settings: any SettingsRepository
    public var tracks: any TrackRecordSource

    public init(
        potentials: any PotentialRepository, regions: any RegionRepository, skills: any SkillRepository, settings: any SettingsRepository,
        tracks: any TrackRecordSource
    ) {
        self.potentials = potentials
        self.regions = regions
        self.skills = skills
        self.settings = settings
        self.tracks = tracks
    }

    public init(_ repositories: Repositories) {
        self.init(
            potentials: repositories.potentials, regions: repositories.regions, skills: repositories.skills, settings: repositories.skills,
            tracks: repositories.ledger)
    }

    public func callAsFunction(within scope: RegionCode?) async throws -> Recommender {
        var recorded = try await potentials.potentials(within: scope)
        var crafts = try await potentials.localCrafts(within: scope)
        if let scope {
            let above = Array(scope.lineage.dropLast())
            recorded += try await potentials.potentials(on: above)
            crafts += try await potentials.localCrafts(on: above)
        }
        // Track records are read per kab/kota: a kecamatan's, or else its kab/kota's, KUBE.
        let trackScope = scope.map { $0.level == .desaKelurahan || $0.level == .kecamatan ? $0.lineage[1] : $0 }
        let tracks = try await tracks.groupTracks(within: trackScope)
        let names = try await regions.existing(
            Set(recorded.map(\.region) + crafts.map(\.region) + tracks.flatMap { [$0.desa.parent!, $0.desa.parent!.parent!] }))
        return Recommender(
            skills: try await skills.all(), resources: try await potentials.resources(), potentials: PotentialMap(recorded, crafts: crafts),
            regions: Array(names.values), trackRecords: TrackRecords(tracks), weights: try await settings.recommendationWeights())
    }

    /// For people living in `desa`: the whole kecamatan is loaded, for resources in neighbouring desa.
    public func callAsFunction(forDesa desa: RegionCode) async throws -> Recommender {
        try await self(within: desa.parent ?? desa)
    }
}
