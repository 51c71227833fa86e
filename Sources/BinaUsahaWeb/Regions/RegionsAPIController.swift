import BinaUsahaDomain
import Vapor

struct RegionsAPIController {
    /// `GET /api/v1/regions?parent=CODE` — the children of a region; provinces without `parent`.
    func list(req: Request) async throws -> API.RegionListResponse {
        let repository = req.services.regions(req.db)
        var parent: RegionCode?
        if let text = try? req.query.get(String.self, at: "parent"), !text.isEmpty {
            let code = try parseCode(text, req: req)
            guard try await repository.find(code) != nil else {
                throw APIError.notFound(req.t(.apiRegionNotFound, code.rawValue))
            }
            parent = code
        }
        let children = try await repository.children(of: parent)
        return .init(
            parent: parent?.rawValue,
            items: children.map { API.RegionResponse($0.region, childCount: $0.childCount) })
    }

    /// `GET /api/v1/regions/CODE` — one region with its parent chain.
    func show(req: Request) async throws -> API.RegionDetailResponse {
        let code = try parseCode(req.parameters.get("code") ?? "", req: req)
        guard let lineage = try await req.services.regions(req.db).lineage(of: code), let region = lineage.last else {
            throw APIError.notFound(req.t(.apiRegionNotFound, code.rawValue))
        }
        let childCount = try await req.services.regions(req.db).children(of: code).count
        return .init(
            region: .init(region, childCount: childCount),
            ancestors: lineage.dropLast().map { API.RegionResponse($0) })
    }

    private func parseCode(_ text: String, req: Request) throws -> RegionCode {
        do { return try RegionCode(validating: text) } catch {
            throw APIError.badRequest(req.t(.apiBadRegionCode, error.message(req.lang)), code: "invalid_region_code")
        }
    }
}
