import Vapor

/// Every state-changing form carries a `_csrf` field that must match the signed-in session's
/// token (or, before log-in, a cookie token). The API is exempt: it authenticates with a
/// bearer token that browsers never attach on their own.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "bu_csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cookieToken = request.cookies[Self.cookieName]?.string
        let anonymousToken = cookieToken ?? request.services.secrets.make()
        request.csrfToken = request.sessionCSRF ?? anonymousToken

        let unsafe = ![.GET, .HEAD, .OPTIONS].contains(request.method)
        if unsafe, !request.url.path.hasPrefix("/api/") {
            let sent = try? request.content.get(String.self, at: Self.fieldName)
            let expected = request.sessionCSRF ?? cookieToken
            guard let sent, let expected, !sent.isEmpty, constantTimeEqual(sent, expected) else {
                throw Abort(.forbidden, reason: request.t(.errorCSRF))
            }
        }
        let response = try await next.respond(to: request)
        if cookieToken == nil {
            response.cookies[Self.cookieName] = .init(string: anonymousToken, path: "/", isSecure: request.isSecure,
                                                      isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
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
