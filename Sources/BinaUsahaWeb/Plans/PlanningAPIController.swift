import BinaUsahaDomain
import Foundation
import Vapor

/// `/api/v1`: catalogue, potentials, recommendations and group plans.
struct PlanningAPIController {
    // MARK: Messages and potentials

    struct SkillResponse: Content {
        struct Need: Content {
            var resource: String
            var weight: Int
            var essential: Bool
        }
        struct Product: Content {
            var name: String
            var unit: String
            var material_cost: Int64
            var selling_price: Int64
        }
        var code: String, name: String, description: String, needs: [Need], interests: [String], training_hours: Int
        struct Unsuitable: Content {
            var limitation: String
            /// `tidak-cocok` (never recommended) or `kurang-cocok` (ranked lower).
            var effect: String
            var reason: String
        }
        var starter_kit_cost: Int64, products: [Product], value_added_ratio: Double?, suitability: String
        var unsuitable: [Unsuitable]
        var figures_estimated: Bool, source: String, version: Int

        init(_ s: Skill) {
            code = s.code
            name = s.name
            description = s.description
            needs = s.needs.map { Need(resource: $0.resource, weight: $0.weight, essential: $0.essential) }
            interests = s.interests
            training_hours = s.trainingHours
            starter_kit_cost = s.starterKitCost.amount
            products = s.products.map {
                Product(name: $0.name, unit: $0.unit, material_cost: $0.materialCost.amount, selling_price: $0.sellingPrice.amount)
            }
            value_added_ratio = s.valueAddedRatio.map { ($0 * 100).rounded() / 100 }
            suitability = s.suitability
            unsuitable = s.unsuitable.map { Unsuitable(limitation: $0.limitation.rawValue, effect: $0.effect.rawValue, reason: $0.reason) }
            figures_estimated = s.figuresEstimated
            source = s.source
            version = s.version
        }
    }

    func skills(req: Request) async throws -> [SkillResponse] {
        try await req.services.skills(req.db).all().map(SkillResponse.init)
    }

    struct ResourceResponse: Content {
        var code: String
        var name: String
        var notes: String
    }

    func resources(req: Request) async throws -> [ResourceResponse] {
        try await req.services.potentials(req.db).resources().map { ResourceResponse(code: $0.code, name: $0.name, notes: $0.notes) }
    }

    struct PotentialResponse: Content {
        var resource: String, abundance: String, season: String, notes: String, source: String
        /// Where it is recorded, and `own` or `inherited`.
        var recorded_at: String, relation: String
    }

    struct CraftResponse: Content {
        var skill: String, recorded_at: String, producers: Int, has_trainers: Bool, has_buyers: Bool, notes: String, source: String
    }

    /// `GET /api/v1/regions/{code}/crafts`: the established crafts recorded on the region, above it and inside it.
    func crafts(req: Request) async throws -> [CraftResponse] {
        guard let text = req.parameters.get("code"), let code = try? RegionCode(validating: text),
            try await req.services.regions(req.db).find(code) != nil
        else { throw APIError.notFound(req.t(.apiRegionNotFound)) }
        let repository = req.services.potentials(req.db)
        let crafts = try await repository.localCrafts(on: Array(code.lineage.dropLast())) + (try await repository.localCrafts(within: code))
        return crafts.map {
            CraftResponse(
                skill: $0.skill, recorded_at: $0.region.rawValue, producers: $0.producers, has_trainers: $0.hasTrainers,
                has_buyers: $0.hasBuyers, notes: $0.notes, source: $0.source)
        }
    }

    func potentials(req: Request) async throws -> [PotentialResponse] {
        guard let text = req.parameters.get("code"), let code = try? RegionCode(validating: text),
            try await req.services.regions(req.db).find(code) != nil
        else { throw APIError.notFound(req.t(.apiRegionNotFound)) }
        let recorded = try await req.services.potentials(req.db).potentials(on: code.lineage)
        return PotentialMap(recorded).effective(at: code).map {
            PotentialResponse(
                resource: $0.potential.resource, abundance: $0.potential.abundance.rawValue, season: $0.potential.season,
                notes: $0.potential.notes, source: $0.potential.source, recorded_at: $0.potential.region.rawValue,
                relation: $0.relation == .own ? "own" : "inherited")
        }
    }

    // MARK: Recommendations

    struct RecommendationsResponse: Content {
        struct Item: Content {
            var skill: String
            var name: String
            var score: Double
            var resource: Double
            var interest: Double
            var value_added: Double
            var local_craft: Double
            var talent: Double
            var track_record: Double
            var suitability: Double
            /// Matches none of the person's interests and talents.
            var alternative: Bool
            var reasons: [String]
        }
        struct Excluded: Content {
            var skill: String
            var name: String
            var reason: String
        }
        var beneficiary: UUID
        var recommendations: [Item]
        var excluded: [Excluded]
    }

    func recommendations(req: Request) async throws -> RecommendationsResponse {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let person = try await req.services.beneficiaries(req.db).find(id: id),
            principal.covers(person.details.desa)
        else { throw APIError.notFound(req.t(.apiNotFound)) }
        let result = try await req.services.recommender(req.db, forDesa: person.details.desa)
            .recommend(RecommendationSubject(person.details, today: CivilDate(req.services.clock.now())))
        let lang = req.lang
        // Health conditions are personal data: named only to those who see it.
        let hidingHealth = !principal.seesPersonalData(in: person.details.desa)
        func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
        return RecommendationsResponse(
            beneficiary: person.id,
            recommendations: result.ranked.map {
                let parts = $0.parts
                return .init(
                    skill: $0.skill, name: $0.skillName, score: $0.score, resource: rounded(parts.resource), interest: rounded(parts.interest),
                    value_added: rounded(parts.valueAdded), local_craft: rounded(parts.localCraft), talent: rounded(parts.talent),
                    track_record: rounded(parts.trackRecord), suitability: parts.suitability, alternative: $0.isAlternative,
                    reasons: $0.reasons.map { $0.text(lang, hidingHealth: hidingHealth) })
            },
            excluded: result.excluded.map { .init(skill: $0.skill, name: $0.skillName, reason: $0.text(lang, hidingHealth: hidingHealth)) })
    }

    // MARK: Group plans

    struct PlanInput: Content {
        struct Override: Content {
            var beneficiary: UUID
            var reason: String
        }
        var region: String?
        var target_size: Int?
        var overrides: [Override]?
    }

    struct PlanResponse: Content {
        struct Member: Content {
            var id: UUID
            var desa: String
            var score: Double?
            var override_reason: String?
        }
        struct Group: Content {
            var id: UUID
            var skill: String
            var skill_name: String
            var kecamatan: String
            var main_desa: String?
            var members: [Member]
            var total_score: Double
        }
        struct LeftOut: Content {
            var id: UUID
            var desa: String
            var reason: String
            var code: String
        }
        var id: UUID, region: String?, status: String, target_size: Int, version: Int
        var groups: [Group]
        var left_out: [LeftOut]
        var summary: [String: Int]
    }

    func createPlan(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(PlanInput.self)
        let propose = req.services.proposePlan(req.db)
        do {
            let rules = try ProposePlan.rules(targetSize: input.target_size.map(String.init))
            let scope = try await propose.scope(input.region, within: principal.region)
            let overrides = Dictionary(
                (input.overrides ?? []).filter { !$0.reason.trimmingCharacters(in: .whitespaces).isEmpty }
                    .map { ($0.beneficiary, $0.reason) }, uniquingKeysWith: { a, _ in a })
            let plan = try await propose(scope: scope, rules: rules, overrides: overrides, by: AuditActor(principal))
            let response = Response(status: .created)
            try response.content.encode(try await Self.response(plan, req))
            return response
        } catch let problem as PlanRequestProblem {
            throw APIError(status: problem.status, code: problem.code, message: problem.message(req.lang))
        }
    }

    func showPlan(req: Request) async throws -> PlanResponse {
        try await Self.response(try await loadPlan(req), req)
    }

    func acceptPlan(req: Request) async throws -> PlanResponse {
        let principal = try req.requirePrincipal()
        let plan = try await loadPlan(req)
        struct Input: Content { var version: Int }
        let input = try req.content.decode(Input.self)
        do {
            return try await Self.response(
                try await req.services.planDecisions(req.db).accept(plan.id, version: input.version, by: principal).plan, req)
        } catch GroupWriteError.stale {
            throw APIError(status: .conflict, code: "stale_version", message: req.t(.planStale))
        } catch let broken as PlanRuleError {
            throw APIError(
                status: .unprocessableEntity, code: "plan_invalid",
                message: ([req.t(.planProblems)] + broken.problems.map { $0.message(req.lang) }).joined(separator: " "))
        }
    }

    private func loadPlan(_ req: Request) async throws -> GroupPlan {
        do {
            return try await PlansController.load(req)
        } catch let abort as Abort where abort.status == .notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    static func response(_ plan: GroupPlan, _ req: Request) async throws -> PlanResponse {
        let skills = try await PlansController.skillNames(req)
        let regions = try await req.services.regions(req.db).existing(
            Set(
                plan.leftOut.compactMap {
                    if case let .tooFew(_, _, place) = $0.reason { return place } else { return nil }
                }))
        let lang = req.lang
        var summary: [String: Int] = [:]
        let leftOut = plan.leftOut.map { person -> PlanResponse.LeftOut in
            let code: String =
                switch person.reason {
                case .ineligible: "ineligible"
                case .familyRepresented: "family_represented"
                case .noRecommendation: "no_recommendation"
                case .tooFew: "too_few"
                case .removedByOperator: "removed"
                }
            summary[code, default: 0] += 1
            return .init(
                id: person.id, desa: person.desa.rawValue,
                reason: person.reason.text(
                    lang, skillName: { skills[$0] ?? $0 }, placeName: { regions[$0].map(Recommender.placeName) ?? $0.rawValue },
                    checkText: { KUBEEligibility.failedText($0, lang) }), code: code)
        }
        return PlanResponse(
            id: plan.id, region: plan.scope?.rawValue, status: plan.status.rawValue, target_size: plan.rules.targetSize, version: plan.version,
            groups: plan.groups.map { g in
                .init(
                    id: g.id, skill: g.skill, skill_name: skills[g.skill] ?? g.skill, kecamatan: g.kecamatan.rawValue,
                    main_desa: g.mainDesa?.rawValue,
                    members: g.members.map {
                        .init(id: $0.id, desa: $0.desa.rawValue, score: $0.score(for: g.skill), override_reason: $0.overrideReason)
                    },
                    total_score: (g.totalScore * 10).rounded() / 10)
            },
            left_out: leftOut, summary: summary)
    }
}
