import Vapor

/// Headers that keep pages from being framed, sniffed or fed inline scripts, and answers
/// from being kept in caches: every page and API answer may carry personal data (a name, a
/// NIK, a phone number), so only the static files (CSS, icons) may be stored.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if !Self.isStaticFile(request.url.path) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            response.headers.replaceOrAdd(name: .pragma, value: "no-cache")
        }
        return response
    }

    /// Files served from `Resources/Public`.
    static func isStaticFile(_ path: String) -> Bool {
        path.hasPrefix("/css/") || path.hasPrefix("/js/") || path == "/favicon.svg"
    }
}
