import BinaUsahaDomain
import Vapor

/// `GET /health` — 200 when the database answers, 503 when it does not.
struct HealthController {
    struct Body: Content {
        var status: String
        var database: String
    }

    func check(req: Request) async throws -> Response {
        let kind = req.services.databaseKind
        let status: HTTPResponseStatus
        do {
            _ = try await req.services.repositories(req.db).regions.count(level: .provinsi)
            status = .ok
        } catch {
            req.logger.error("health check: database did not answer", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            status = .serviceUnavailable
        }
        let response = Response(status: status)
        try response.content.encode(Body(status: status == .ok ? "ok" : "error", database: kind))
        return response
    }
}
