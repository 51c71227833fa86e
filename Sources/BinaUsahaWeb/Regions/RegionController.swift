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
        let model = RegionBrowser.Model(region: region, lineage: lineage, children: children, t: req.t)
        return RegionBrowser.View(model: model, context: req.page()).document().response()
    }
}
