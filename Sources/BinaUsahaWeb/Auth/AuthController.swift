import BinaUsahaDomain
import Vapor

/// Sign-in, sign-out and password change.
struct AuthController {
    static let signInLifetime = LogIn.signInLifetime

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func showLogin(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: "/") }
        let next = Self.safeNext(try? req.query.get(String.self, at: "next"))
        return LoginPage.View(model: .init(next: next), context: req.page()).document().response()
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let next = Self.safeNext(form.next)
        let username = form.username?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = form.password ?? ""
        func page(_ error: MessageKey, _ status: HTTPResponseStatus) -> Response {
            LoginPage.View(model: .init(username: username, next: next, error: req.t(error)), context: req.page())
                .document().response(status: status)
        }
        guard !username.isEmpty, !password.isEmpty else { return page(.loginMissing, .badRequest) }

        switch try await req.services.logIn(req)(username: username, password: password) {
        case .throttled:
            return page(.loginThrottled, .tooManyRequests)
        case .invalid:
            return page(.loginInvalid, .unauthorized)
        case let .success(_, token):
            let response = req.redirect(to: next)
            response.cookies[AuthenticationMiddleware.sessionCookie] = .init(
                string: token, maxAge: Int(Self.signInLifetime), path: "/", isSecure: req.isSecure, isHTTPOnly: true,
                sameSite: .lax)
            return response
        }
    }

    func logout(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        try await LogOut(transactor: req.services.transactor(req.db), clock: req.services.clock)(principal, signInHash: req.signInHash)
        let response = req.redirect(to: "/")
        response.cookies[AuthenticationMiddleware.sessionCookie] = .expired
        return response
    }

    /// Only a path of this site: never send a user to another site after log-in. Browsers
    /// drop tabs and newlines and read `\\` as `/`, so `/%09/evil.example` would become
    /// `//evil.example`: anything but printable ASCII without spaces and backslashes is refused,
    /// and the path may not start with two slashes.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), next.count <= 2_000,
            next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }),
            !next.dropFirst().hasPrefix("/")
        else { return "/" }
        return next
    }
}
