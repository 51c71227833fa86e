import BinaUsahaDomain
import NIOCore
import Vapor

/// `GET /metrics` in Prometheus' text format: from this machine without a token (not through
/// a proxy: a forwarded request counts as remote), from elsewhere with
/// `Authorization: Bearer BINAUSAHA_METRICS_TOKEN`.
struct MetricsController {
    func show(req: Request) async throws -> Response {
        let metrics = req.services.metrics
        guard Self.mayRead(req, token: metrics.token) else {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        }
        metrics.importQueue.set(to: Double(try await req.services.repositories(req.db).importJobs.unfinishedCount()))
        metrics.registerPeople.set(to: Double(try await req.services.beneficiaries(req.db).count(in: nil)))
        metrics.reportDatabaseUse()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16_384)
        metrics.registry.emit(into: &buffer)
        let response = Response(status: .ok, body: .init(buffer: ByteBuffer(bytes: buffer)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    static func mayRead(_ req: Request, token: String?) -> Bool {
        if let token, let sent = req.headers.bearerAuthorization?.token {
            return CSRFCheck.constantTimeEqual(sent, token)
        }
        let forwarded = req.headers.contains(name: "X-Forwarded-For") || req.headers.contains(name: "Forwarded")
        guard !forwarded, let address = req.remoteAddress else { return false }
        switch address {
        case let .v4(v4): return v4.address.sin_addr.s_addr.bigEndian >> 24 == 127
        case .v6: return address.ipAddress == "::1"
        case .unixDomainSocket: return false
        }
    }
}
