import BinaUsahaDomain
import Vapor

/// The region browser pages: province → kab/kota → kecamatan → desa.
struct RegionController {
    func index(req: Request) async throws -> Response {
        let children = try await req.services.regions(req.db).children(of: nil)
        let model = RegionBrowser.Model(region: nil, lineage: [], children: children, t: req.t)
        return RegionBrowser.View(model: model, context: req.page()).document().response()
    }

    func show(req: Request) async throws -> Response {
        let repository = req.services.regions(req.db)
        guard let text = req.parameters.get("code"),
            let code = try? RegionCode(validating: text),
            let lineage = try await repository.lineage(of: code),
            let region = lineage.last
        else { throw Abort(.notFound) }
        let children = try await repository.children(of: code)
        var model = RegionBrowser.Model(region: region, lineage: lineage, children: children, t: req.t)
        model.potentials = try await RegionPotentials.load(req, region: code)
        model.crafts = try await RegionCrafts.load(req, region: code)
        let resources = model.potentials?.resources ?? []
        let name = { (code: String?) in code.flatMap { c in resources.first { $0.code == c }?.name } }
        if let saved = name(try? req.query.get(String.self, at: "saved")) { model.notice = req.t(.potSaved, saved) }
        if let removed = name(try? req.query.get(String.self, at: "removed")) { model.notice = req.t(.potRemoved, removed) }
        return RegionBrowser.View(model: model, context: req.page(path: Site.region(code))).document().response()
    }
}
