import BinaUsahaDomain
import Vapor

/// `GET /api/v1/me` — who the token belongs to and what they may do.
struct MeAPIController {
    struct Response: Content {
        var username: String
        var role: String
        var region: String?
        var permissions: [String]
    }

    func show(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        return .init(
            username: principal.username, role: principal.role.rawValue, region: principal.region?.rawValue,
            permissions: principal.role.permissions.map(\.rawValue).sorted())
    }
}
