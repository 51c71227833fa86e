/// What new recommendation weights would change, before the admin saves them: how many people's
/// first recommendation would differ, and the agreement with the labelled set now and after.
public struct WeightsPreview: Sendable {
    public var weights: RecommendationWeights
    /// People (calon and aktif) whose recommendations were compared.
    public var people: Int
    /// Of them, those whose first recommendation would change.
    public var changed: Int
    public var current: RecommendationEvaluation
    public var proposed: RecommendationEvaluation
}

/// Computes a `WeightsPreview` over the register of `scope` (the whole province for the admin).
/// Reads only; nothing is saved.
public struct PreviewWeights: Sendable {
    public var repositories: Repositories
    public var clock: Clock

    public init(repositories: Repositories, clock: Clock) {
        self.repositories = repositories
        self.clock = clock
    }

    public func callAsFunction(_ weights: RecommendationWeights, labelled: [LabelledCase], scope: RegionCode? = nil) async throws -> WeightsPreview {
        let current = try await LoadRecommender(repositories)(within: scope)
        let proposed = current.with(weights: weights)
        let today = CivilDate(clock.now())
        let people = try await repositories.planningPeople.planningPeople(within: scope)
        var fitsByDesa: [RegionCode: ([Recommender.PlaceFit], [Recommender.PlaceFit])] = [:]
        var changed = 0
        for person in people {
            let fits: ([Recommender.PlaceFit], [Recommender.PlaceFit])
            if let cached = fitsByDesa[person.desa] {
                fits = cached
            } else {
                fits = (current.placeFits(at: person.desa), proposed.placeFits(at: person.desa))
                fitsByDesa[person.desa] = fits
            }
            let subject = person.subject(today: today)
            let before = current.scores(fits.0, for: subject, limit: 1).first?.skill
            let after = proposed.scores(fits.1, for: subject, limit: 1).first?.skill
            if before != after { changed += 1 }
        }
        return WeightsPreview(
            weights: weights, people: people.count, changed: changed,
            current: RecommendationEvaluation(labelled, recommender: current),
            proposed: RecommendationEvaluation(labelled, recommender: proposed))
    }
}
