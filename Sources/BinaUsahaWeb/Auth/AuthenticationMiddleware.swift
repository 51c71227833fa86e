import BinaUsahaDomain
import Vapor

/// Finds out who is asking: the session cookie on pages, `Authorization: Bearer` on the API.
/// It never rejects; the route's policy decides.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "bu_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let credentials = request.services.credentials(request.db)
        if request.url.path.hasPrefix("/api/") {
            if let token = request.headers.bearerAuthorization?.token,
                let user = try await credentials.tokenUser(tokenHash: request.services.secrets.hash(token), now: request.services.clock.now())
            {
                request.principal = user.principal
            }
        } else if let cookie = request.cookies[Self.sessionCookie]?.string, !cookie.isEmpty {
            let hash = request.services.secrets.hash(cookie)
            if let (user, csrf) = try await credentials.signedInUser(tokenHash: hash, now: request.services.clock.now()) {
                request.principal = user.principal
                request.sessionCSRF = csrf
                request.signInHash = hash
            }
        }
        return try await next.respond(to: request)
    }
}
