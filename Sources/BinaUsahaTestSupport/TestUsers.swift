import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaWeb
import Foundation
import VaporTesting

/// A user made for a test, with what it takes to act as them.
public struct TestUser: Sendable {
    public var user: User
    public var password: String
    /// `Cookie` header of a signed-in browser session (includes the CSRF cookie).
    public var cookie: String
    /// The session's CSRF token, for form posts.
    public var csrf: String
    /// A bearer token for `/api/v1`.
    public var token: String

    public var bearer: HTTPHeaders { ["Authorization": "Bearer \(token)"] }
    public var browser: HTTPHeaders { ["Cookie": cookie] }
}

public let testPassword = "rahasia-sekali-123"

extension Application {
    /// Creates a user directly in the database, signs them in through `POST /login` and issues
    /// an API token.
    public func makeUser(_ username: String, role: Role, region: String?) async throws -> TestUser {
        let hash = try await password.async.hash(testPassword).get()
        let user = User(
            username: username, displayName: username.capitalized, role: role,
            region: region.map(RegionCode.init(trusted:)), createdAt: testNow)
        try await FluentUserRepository(database: db).create(user, passwordHash: hash)

        let token = "bu_" + Secrets.sha256.make()
        try await FluentCredentialRepository(database: db).createToken(
            APIToken(userID: user.id, label: "test", createdAt: testNow, expiresAt: testNow.addingTimeInterval(90 * 86_400)),
            tokenHash: Secrets.sha256.hash(token))

        let (cookie, csrf) = try await signIn(username, password: testPassword)
        return TestUser(user: user, password: testPassword, cookie: cookie, csrf: csrf, token: token)
    }

    /// Signs in through the log-in form; returns the browser's cookies and the session's CSRF token.
    public func signIn(_ username: String, password: String) async throws -> (cookie: String, csrf: String) {
        let tester = try testing()
        let loginPage = try await tester.sendRequest(.GET, "/login")
        guard let anonymousCSRF = loginPage.headers.setCookie?["bu_csrf"]?.string else {
            throw TestSupportError("no CSRF cookie on /login")
        }
        let response = try await tester.sendRequest(
            .POST, "/login",
            beforeRequest: { req in
                req.headers.replaceOrAdd(name: "Cookie", value: "bu_csrf=\(anonymousCSRF)")
                try req.content.encode(["username": username, "password": password, "_csrf": anonymousCSRF], as: .urlEncodedForm)
            })
        guard response.status == .seeOther || response.status == .found,
            let session = response.headers.setCookie?["bu_session"]?.string
        else {
            throw TestSupportError("sign-in of \(username) failed with \(response.status)")
        }
        let cookie = "bu_session=\(session); bu_csrf=\(anonymousCSRF)"
        let home = try await tester.sendRequest(.GET, "/account/password", headers: ["Cookie": cookie])
        guard let csrf = home.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1 else {
            throw TestSupportError("no CSRF token in the signed-in page")
        }
        return (cookie, String(csrf))
    }
}

extension TestingApplicationTester {
    /// Posts a form as a signed-in browser would, with the CSRF token.
    public func submit(_ path: String, as user: TestUser, _ fields: [String: String]) async throws -> TestingHTTPResponse {
        try await sendRequest(
            .POST, path, headers: user.browser,
            beforeRequest: { req in
                var body = fields
                body["_csrf"] = user.csrf
                try req.content.encode(body, as: .urlEncodedForm)
            })
    }
}
