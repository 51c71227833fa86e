import BinaUsahaDomain
import Vapor

/// Chooses the language of the response: `?lang=en|id` (remembered in a cookie), else the
/// cookie, else Bahasa Indonesia.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let requested = (try? request.query.get(String.self, at: "lang")).flatMap(Lang.init(rawValue:))
        let remembered = request.cookies[Self.cookieName].flatMap { Lang(rawValue: $0.string) }
        request.lang = requested ?? remembered ?? .default
        let response = try await next.respond(to: request)
        if let requested {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: requested.rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension Request {
    private struct LangKey: StorageKey { typealias Value = Lang }

    /// The language this request is answered in.
    public var lang: Lang {
        get { storage[LangKey.self] ?? .default }
        set { storage[LangKey.self] = newValue }
    }

    /// The message catalogue in the request's language.
    public var t: Messages { Messages(lang) }
}
