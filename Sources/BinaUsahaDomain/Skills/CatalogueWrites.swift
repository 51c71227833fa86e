import Foundation

/// Why a catalogue write was not made.
public enum CatalogueError: Error, Equatable, Sendable {
    /// What the form says is wrong, field by field.
    case invalid(FormErrors)
    /// The skill's code is taken (on create) or someone saved first (on update).
    case conflict(FormErrors)
    case notFound
    case badResource
    case badWeights
    /// A potential names a resource that is not in the catalogue, or an unknown abundance.
    case badPotential
    /// A local craft of an unknown skill, or with producers or text out of range.
    case badCraft
    case outsideRegion
}

/// The catalogues the recommendations read — skills, resources, weights, the potentials of
/// regions and the vocabulary of interests — written by the admin (and potentials by
/// operators in their kab/kota). Each write checks its input, runs in one unit of work and
/// leaves its audit record there.
public struct CatalogueWrites: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    /// Adds a skill (`version == nil`) or changes one that still has `version`.
    public func saveSkill(_ form: SkillForm, version: Int?, by principal: Principal) async throws -> Skill {
        let now = clock.now()
        return try await transactor.run { repositories in
            let resources = Set(try await repositories.potentials.resources().map(\.code))
            let interests = Set(try await repositories.interests.all())
            let skill: Skill
            switch form.validate(resources: resources, interestTags: interests, version: version ?? 1) {
            case let .failure(errors): throw CatalogueError.invalid(errors)
            case let .success(valid): skill = valid
            }
            let before = try await repositories.skills.find(code: skill.code)
            if let version {
                guard let before, before.version == version, try await repositories.skills.update(skill, expectedVersion: version) else {
                    throw CatalogueError.conflict(["form": .changedMeanwhile])
                }
            } else {
                guard before == nil else { throw CatalogueError.conflict(["code": .codeTaken(skill.code)]) }
                try await repositories.skills.insert(skill)
            }
            try await repositories.audit.record(
                before == nil ? .create : .update, by: AuditActor(principal), at: now, entity: "skill",
                entityID: skill.code, region: nil, changes: Self.changes(before, skill))
            var saved = skill
            saved.version = (version ?? 0) + 1
            return saved
        }
    }

    /// Adds a raw material, or renames one whose code exists.
    public func saveResource(code: String, name: String, notes: String, by principal: Principal) async throws -> Resource {
        let code = code.trimmingCharacters(in: .whitespaces).lowercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        guard Resource.isValidCode(code), !name.isEmpty, name.count <= 100 else { throw CatalogueError.badResource }
        let resource = Resource(code: code, name: name, notes: notes.trimmingCharacters(in: .whitespaces))
        let now = clock.now()
        try await transactor.run { repositories in
            let previous = try await repositories.potentials.saveResource(resource)
            try await repositories.audit.record(
                previous == nil ? .create : .update, by: AuditActor(principal), at: now, entity: "resource",
                entityID: code, region: nil,
                changes: [
                    FieldChange(field: "name", before: previous?.name, after: resource.name),
                    FieldChange(field: "notes", before: previous?.notes, after: resource.notes),
                ].filter { $0.before != $0.after })
        }
        return resource
    }

    /// The weights of the recommendation score (resource, interest, value added).
    public func saveWeights(_ weights: RecommendationWeights, by principal: Principal) async throws {
        guard weights.isValid else { throw CatalogueError.badWeights }
        let now = clock.now()
        try await transactor.run { repositories in
            let before = try await repositories.skills.recommendationWeights()
            try await repositories.skills.save(weights)
            try await repositories.audit.record(
                .update, by: AuditActor(principal), at: now, entity: "setting", entityID: "recommendation_weights",
                region: nil,
                changes: zip(RecommendationWeights.fieldNames, zip(before.all, weights.all)).map {
                    FieldChange(field: $0.0, before: String($0.1.0), after: String($0.1.1))
                }.filter { $0.before != $0.after })
        }
    }

    /// Records an established craft (sentra) of a catalogue skill in a region inside the writer's region.
    public func saveLocalCraft(_ craft: LocalCraft, by principal: Principal) async throws -> LocalCraft {
        guard principal.covers(craft.region) else { throw CatalogueError.outsideRegion }
        guard (0...LocalCraft.maximumProducers).contains(craft.producers), craft.notes.count <= 500, craft.source.count <= 500 else {
            throw CatalogueError.badCraft
        }
        var craft = craft
        craft.notes = TextFolding.trim(craft.notes)
        craft.source = TextFolding.trim(craft.source)
        let now = clock.now()
        return try await transactor.run { [craft] repositories in
            guard try await repositories.regions.find(craft.region) != nil else { throw CatalogueError.notFound }
            guard try await repositories.skills.find(code: craft.skill) != nil else { throw CatalogueError.badCraft }
            let previous = try await repositories.potentials.save(craft)
            try await repositories.audit.record(
                previous == nil ? .create : .update, by: AuditActor(principal), at: now, entity: "local_craft",
                entityID: "\(craft.region.rawValue)/\(craft.skill)", region: craft.region,
                changes: Self.changes(previous, craft))
            return craft
        }
    }

    public func removeLocalCraft(skill: String, region: RegionCode, by principal: Principal) async throws {
        guard principal.covers(region) else { throw CatalogueError.outsideRegion }
        let now = clock.now()
        try await transactor.run { repositories in
            guard let previous = try await repositories.potentials.removeCraft(skill: skill, on: region) else { throw CatalogueError.notFound }
            try await repositories.audit.record(
                .delete, by: AuditActor(principal), at: now, entity: "local_craft", entityID: "\(region.rawValue)/\(skill)",
                region: region, changes: Self.changes(previous, nil))
        }
    }

    /// Records how available a resource is in a region inside the writer's region.
    public func savePotential(
        region: RegionCode, resource: String, abundance: String?, season: String, notes: String, source: String,
        by principal: Principal
    ) async throws -> Potential {
        guard principal.covers(region) else { throw CatalogueError.outsideRegion }
        let now = clock.now()
        return try await transactor.run { repositories in
            guard try await repositories.regions.find(region) != nil else { throw CatalogueError.notFound }
            guard try await repositories.potentials.resources().contains(where: { $0.code == resource }),
                let abundance = abundance.flatMap(Abundance.init(rawValue:))
            else { throw CatalogueError.badPotential }
            let potential = Potential(
                region: region, resource: resource, abundance: abundance,
                season: season.trimmingCharacters(in: .whitespaces), notes: notes.trimmingCharacters(in: .whitespaces),
                source: source.trimmingCharacters(in: .whitespaces))
            let previous = try await repositories.potentials.save(potential)
            try await repositories.audit.record(
                previous == nil ? .create : .update, by: AuditActor(principal), at: now, entity: "potential",
                entityID: "\(region.rawValue)/\(resource)", region: region,
                changes: Self.changes(previous, potential))
            return potential
        }
    }

    public func removePotential(region: RegionCode, resource: String, by principal: Principal) async throws {
        guard principal.covers(region) else { throw CatalogueError.outsideRegion }
        let now = clock.now()
        try await transactor.run { repositories in
            guard let previous = try await repositories.potentials.remove(resource: resource, on: region) else { throw CatalogueError.notFound }
            try await repositories.audit.record(
                .delete, by: AuditActor(principal), at: now, entity: "potential",
                entityID: "\(region.rawValue)/\(resource)", region: region, changes: Self.changes(previous, nil))
        }
    }

    /// Adds a tag to the vocabulary of interests and talents; false when it was there.
    public func addInterest(_ text: String, by principal: Principal) async throws -> (tag: String, added: Bool) {
        let tag = TextFolding.fold(text)
        guard !tag.isEmpty, tag.count <= 60 else { return (tag, false) }
        let now = clock.now()
        let added = try await transactor.run { repositories in
            guard try await repositories.interests.add(tag) else { return false }
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "interest_tag", entityID: tag, region: nil,
                changes: [FieldChange(field: "tag", before: nil, after: tag)])
            return true
        }
        return (tag, added)
    }

    static func changes(_ before: Skill?, _ skill: Skill) -> [FieldChange] {
        let after = SkillForm(skill)
        let old = before.map(SkillForm.init)
        let pairs: [(String, String?, String?)] = [
            ("name", old?.name, after.name), ("description", old?.description, after.description), ("needs", old?.needs, after.needs),
            ("interests", old?.interests, after.interests), ("training_hours", old?.trainingHours, after.trainingHours),
            ("starter_kit_cost", old?.starterKitCost, after.starterKitCost), ("products", old?.products, after.products),
            ("suitability", old?.suitability, after.suitability), ("unsuitable", old?.unsuitable, after.unsuitable),
            ("source", old?.source, after.source),
            ("figures_estimated", old.map { String($0.figuresEstimated) }, String(after.figuresEstimated)),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { FieldChange(field: $0.0, before: $0.1, after: $0.2) }
    }

    static func changes(_ before: LocalCraft?, _ after: LocalCraft?) -> [FieldChange] {
        let pairs: [(String, String?, String?)] = [
            ("producers", before.map { String($0.producers) }, after.map { String($0.producers) }),
            ("trainers", before.map { String($0.hasTrainers) }, after.map { String($0.hasTrainers) }),
            ("buyers", before.map { String($0.hasBuyers) }, after.map { String($0.hasBuyers) }),
            ("notes", before?.notes, after?.notes), ("source", before?.source, after?.source),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { FieldChange(field: $0.0, before: $0.1, after: $0.2) }
    }

    static func changes(_ before: Potential?, _ after: Potential?) -> [FieldChange] {
        [
            ("abundance", before?.abundance.rawValue, after?.abundance.rawValue), ("season", before?.season, after?.season),
            ("notes", before?.notes, after?.notes), ("source", before?.source, after?.source),
        ]
        .filter { $0.1 != $0.2 }.map { FieldChange(field: $0.0, before: $0.1, after: $0.2) }
    }
}
