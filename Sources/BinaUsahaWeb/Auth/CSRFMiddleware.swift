import Vapor

/// Gives every page its form token: the signed-in session's, or before sign-in one kept in a
/// cookie. The check itself is `CSRFCheck`, on each state-changing route.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "bu_csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cookieToken = request.cookies[Self.cookieName]?.string
        let anonymousToken = cookieToken ?? request.services.secrets.make()
        request.csrfToken = request.sessionCSRF ?? anonymousToken
        let response = try await next.respond(to: request)
        if cookieToken == nil {
            response.cookies[Self.cookieName] = .init(
                string: anonymousToken, path: "/", isSecure: request.isSecure,
                isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}

/// Every state-changing form carries a `_csrf` field that must match the signed-in session's
/// token (or, before sign-in, the cookie token). It runs on the route, after the route's own
/// body limit is known: the whole body (a multipart upload of several megabytes included) is
/// collected first, then the field is read — reading it from a body still streaming in would
/// refuse real-sized uploads. The API is exempt: it authenticates with a bearer token that
/// browsers never attach on their own.
struct CSRFCheck: AsyncMiddleware {
    let maxBodySize: ByteCount?

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !request.url.path.hasPrefix("/api/"), ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        if request.body.data == nil {
            let limit = maxBodySize?.value ?? request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
        }
        let sent = try? request.content.get(String.self, at: CSRFMiddleware.fieldName)
        let expected = request.sessionCSRF ?? request.cookies[CSRFMiddleware.cookieName]?.string
        guard let sent, let expected, !sent.isEmpty, Self.constantTimeEqual(sent, expected) else {
            throw Abort(.forbidden, reason: request.t(.errorCSRF))
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token to put in this page's forms.
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}
