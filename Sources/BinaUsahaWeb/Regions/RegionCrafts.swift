import BinaUsahaDomain
import Vapor

/// The craft-centre section of a region page: established crafts (sentra) recorded on the
/// region, above it and inside it, and a form for those who may edit potentials there.
struct RegionCrafts {
    var crafts: [LocalCraft]
    var skills: [Skill]
    var placeNames: [RegionCode: Region]
    var region: RegionCode
    var canEdit: Bool

    static func load(_ req: Request, region: RegionCode) async throws -> RegionCrafts {
        let services = req.services
        let repository = services.potentials(req.db)
        let crafts = try await repository.localCrafts(on: Array(region.lineage.dropLast())) + (try await repository.localCrafts(within: region))
        let names = try await services.regions(req.db).existing(Set(crafts.map(\.region)))
        let principal = req.principal
        return RegionCrafts(
            crafts: crafts, skills: try await services.skills(req.db).all(), placeNames: names, region: region,
            canEdit: principal?.may(.editPotentials) == true && principal?.covers(region) == true)
    }

    func node(_ context: PageContext) -> Node {
        let t = context.t
        let skillNames = Dictionary(skills.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return .section(
            .id("sentra"), .h2(.text(t(.craftTitle))), .p(.class("field-hint"), .text(t(.craftIntro))),
            .if(crafts.isEmpty, .p(.class("muted"), .text(t(.craftEmpty)))),
            .if(
                !crafts.isEmpty,
                .div(
                    .class("table-wrap"),
                    .table(
                        .class("stack"),
                        .thead(
                            .tr(
                                .th(.text(t(.craftColSkill))), .th(.text(t(.craftColWhere))), .th(.text(t(.craftColEvidence))),
                                .th(.text(t(.potColNotes))), .if(canEdit, .th(.text(""))))),
                        .tbody(
                            .forEach(crafts) { craft in
                                let evidence = [
                                    craft.producers > 0 ? t(.craftProducers, String(craft.producers)) : nil,
                                    craft.hasTrainers ? t(.craftTrainers) : nil, craft.hasBuyers ? t(.craftBuyers) : nil,
                                ].compactMap { $0 }
                                return .tr(
                                    .td(.attribute(named: "data-label", value: t(.craftColSkill)), .text(skillNames[craft.skill] ?? craft.skill)),
                                    .td(
                                        .attribute(named: "data-label", value: t(.craftColWhere)),
                                        .text(placeNames[craft.region].map(Recommender.placeName) ?? craft.region.rawValue)),
                                    .td(
                                        .attribute(named: "data-label", value: t(.craftColEvidence)),
                                        .text(evidence.isEmpty ? "—" : evidence.joined(separator: ", "))),
                                    .td(
                                        .attribute(named: "data-label", value: t(.potColNotes)),
                                        .text([craft.notes, craft.source].filter { !$0.isEmpty }.joined(separator: " · "))),
                                    .if(
                                        canEdit,
                                        .td(
                                            .if(
                                                craft.region == region,
                                                .form(
                                                    .method(.post), .action(Site.regionCraftDelete(region, craft.skill)), Forms.csrf(context),
                                                    .button(.type(.submit), .class("button small danger"), .text(t(.potRemove))))))))
                            })))),
            .if(
                canEdit,
                .form(
                    .method(.post), .action(Site.regionCrafts(region)), .class("inline-form"), Forms.csrf(context),
                    .h3(.text(t(.craftFormTitle))),
                    Forms.select(t(.craftColSkill), name: "skill", options: skills.map { ($0.code, $0.name) }, selected: nil),
                    Forms.field(t(.craftFieldProducers), name: "producers", type: .number, value: "0", inputMode: "numeric"),
                    Forms.checkbox(t(.craftTrainers), name: "trainers", checked: false),
                    Forms.checkbox(t(.craftBuyers), name: "buyers", checked: false),
                    Forms.field(t(.potColNotes), name: "notes", maxLength: 500),
                    Forms.field(t(.potFieldSource), name: "source", maxLength: 500),
                    Forms.submit(t(.craftSave))))
        )
    }
}

/// `POST /regions/:code/crafts` and `…/:skill/delete`: edits by the admin and by operators inside
/// their kab/kota, like potentials. Each edit is audited.
struct CraftsController {
    func save(req: Request) async throws -> Response {
        let (principal, region) = try await PotentialsController.target(req)
        struct Form: Content {
            var skill: String?
            var producers: String?
            var trainers: String?
            var buyers: String?
            var notes: String?
            var source: String?
        }
        let form = try req.content.decode(Form.self)
        let producersText = TextFolding.trim(form.producers ?? "")
        guard let producers = producersText.isEmpty ? 0 : Int(producersText), (0...LocalCraft.maximumProducers).contains(producers) else {
            throw Abort(.unprocessableEntity, reason: req.t(.craftBadInput))
        }
        let craft = LocalCraft(
            region: region, skill: form.skill ?? "", producers: producers, hasTrainers: form.trainers != nil, hasBuyers: form.buyers != nil,
            notes: form.notes ?? "", source: form.source ?? "")
        do {
            let saved = try await req.services.catalogueWrites(req.db).saveLocalCraft(craft, by: principal)
            return req.redirect(to: Site.region(region) + "?saved=\(saved.skill)#sentra")
        } catch CatalogueError.badCraft {
            throw Abort(.unprocessableEntity, reason: req.t(.craftBadInput))
        }
    }

    func remove(req: Request) async throws -> Response {
        let (principal, region) = try await PotentialsController.target(req)
        guard let skill = req.parameters.get("skill") else { throw Abort(.notFound) }
        do {
            try await req.services.catalogueWrites(req.db).removeLocalCraft(skill: skill, region: region, by: principal)
        } catch CatalogueError.notFound {
            throw Abort(.notFound)
        }
        return req.redirect(to: Site.region(region) + "?removed=\(skill)#sentra")
    }
}
