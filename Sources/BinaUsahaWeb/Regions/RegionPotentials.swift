import BinaUsahaDomain
import Vapor

/// The potentials section of a region page: what the region records and inherits, and a form
/// for those who may edit potentials there.
struct RegionPotentials {
    var effective: [PotentialMap.Availability]
    var resources: [Resource]
    var placeNames: [RegionCode: Region]
    var region: RegionCode
    var canEdit: Bool

    static func load(_ req: Request, region: RegionCode) async throws -> RegionPotentials {
        let services = req.services
        let repository = services.potentials(req.db)
        let recorded = try await repository.potentials(on: region.lineage)
        let names = try await services.regions(req.db).existing(Set(region.lineage))
        let principal = req.principal
        let canEdit = principal?.may(.editPotentials) == true && principal?.covers(region) == true
        return RegionPotentials(
            effective: PotentialMap(recorded).effective(at: region), resources: try await repository.resources(),
            placeNames: names, region: region, canEdit: canEdit)
    }

    func node(_ context: PageContext) -> Node {
        let t = context.t
        let resourceNames = Dictionary(resources.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return .section(
            .id("potensi"), .h2(.text(t(.potTitle))),
            .if(effective.isEmpty, .p(.class("muted"), .text(t(.potEmpty)))),
            .if(
                !effective.isEmpty,
                .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(t(.potColResource))), .th(.text(t(.potColAbundance))), .th(.text(t(.potColWhere))),
                                .th(.class("hide-narrow"), .text(t(.potColSeason))), .th(.class("hide-narrow"), .text(t(.potColNotes))),
                                .if(canEdit, .th(.text(""))))),
                        .tbody(
                            .forEach(effective) { item in
                                let p = item.potential
                                return .tr(
                                    .td(.text(resourceNames[p.resource] ?? p.resource)),
                                    .td(.span(.class("abundance \(p.abundance.rawValue)"), .text(p.abundance.label(t.lang)))),
                                    .td(
                                        .text(
                                            item.relation == .own
                                                ? t(.potOwn)
                                                : t(.potInherited, placeNames[p.region].map(Recommender.placeName) ?? p.region.rawValue))),
                                    .td(.class("hide-narrow"), .text(p.season)),
                                    .td(.class("hide-narrow"), .text([p.notes, p.source].filter { !$0.isEmpty }.joined(separator: " · "))),
                                    .if(
                                        canEdit,
                                        .td(
                                            .if(
                                                item.relation == .own,
                                                .form(
                                                    .method(.post), .action(Site.regionPotentialDelete(region, p.resource)),
                                                    Forms.csrf(context), .button(.type(.submit), .class("button small danger"), .text(t(.potRemove))))
                                            ))))
                            })))),
            .if(
                canEdit,
                .form(
                    .method(.post), .action(Site.regionPotentials(region)), .class("inline-form"), Forms.csrf(context),
                    .h3(.text(t(.potFormTitle))),
                    Forms.select(t(.potColResource), name: "resource", options: resources.map { ($0.code, $0.name) }, selected: nil),
                    Forms.select(
                        t(.potColAbundance), name: "abundance", options: Abundance.allCases.map { ($0.rawValue, $0.label(t.lang)) },
                        selected: Abundance.cukup.rawValue),
                    Forms.field(t(.potFieldSeason), name: "season"),
                    Forms.field(t(.potColNotes), name: "notes"),
                    Forms.field(t(.potFieldSource), name: "source"),
                    Forms.submit(t(.potSave))))
        )
    }
}

/// `POST /regions/:code/potentials` and `…/:resource/delete`: edits by the admin and by
/// operators inside their kab/kota (region containment, 403 outside). Each edit is audited.
struct PotentialsController {
    func save(req: Request) async throws -> Response {
        let (principal, region) = try await Self.target(req)
        struct Form: Content {
            var resource: String?
            var abundance: String?
            var season: String?
            var notes: String?
            var source: String?
        }
        let form = try req.content.decode(Form.self)
        do {
            let potential = try await req.services.catalogueWrites(req.db).savePotential(
                region: region, resource: form.resource ?? "", abundance: form.abundance, season: form.season ?? "", notes: form.notes ?? "",
                source: form.source ?? "", by: principal)
            return req.redirect(to: Site.region(region) + "?saved=\(potential.resource)#potensi")
        } catch CatalogueError.badPotential {
            throw Abort(.unprocessableEntity, reason: req.t(.potBadInput))
        }
    }

    func remove(req: Request) async throws -> Response {
        let (principal, region) = try await Self.target(req)
        guard let resource = req.parameters.get("resource") else { throw Abort(.notFound) }
        do {
            try await req.services.catalogueWrites(req.db).removePotential(region: region, resource: resource, by: principal)
        } catch CatalogueError.notFound {
            throw Abort(.notFound)
        }
        return req.redirect(to: Site.region(region) + "?removed=\(resource)#potensi")
    }

    /// The signed-in writer and the region of the URL, refused outside their region.
    static func target(_ req: Request) async throws -> (Principal, RegionCode) {
        let principal = try req.requirePrincipal()
        guard let text = req.parameters.get("code"), let code = try? RegionCode(validating: text),
            try await req.services.regions(req.db).find(code) != nil
        else { throw Abort(.notFound) }
        guard RegionContainmentPolicy().decide(for: principal, recordRegion: code) == .allow else { throw Abort(.forbidden) }
        return (principal, code)
    }
}
