import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Testing
import VaporTesting

@Suite("Signing in")
struct SignInTests {
    func postLogin(_ tester: any TestingApplicationTester, username: String, password: String) async throws -> TestingHTTPResponse {
        let csrf = try #require(try await tester.get("/login").headers.setCookie?["bu_csrf"]?.string)
        return try await tester.sendRequest(
            .POST, "/login",
            beforeRequest: { req in
                req.headers.replaceOrAdd(name: "Cookie", value: "bu_csrf=\(csrf)")
                try req.content.encode(["username": username, "password": password, "_csrf": csrf], as: .urlEncodedForm)
            })
    }

    @Test("A user signs in, gets an HttpOnly SameSite=Lax session cookie, and is greeted by name")
    func signIn() async throws {
        try await withTestApp { app in
            let ani = try await app.makeUser("ani", role: .operatorKabkota, region: "16.02")
            let response = try await postLogin(try app.testing(), username: "ani", password: ani.password)
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers.setCookie?["bu_session"])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(!cookie.isSecure)
            let home = try await app.testing().get("/", headers: ani.browser)
            #expect(home.text.contains("ani · Operator kabupaten/kota"))
            #expect(home.text.contains("action=\"/logout\""))
        }
    }

    @Test("Behind HTTPS the session cookie is Secure")
    func secureCookie() async throws {
        try await withTestApp { app in
            _ = try await app.makeUser("ani", role: .operatorKabkota, region: "16.02")
            let tester = try app.testing()
            let csrf = try #require(try await tester.get("/login").headers.setCookie?["bu_csrf"]?.string)
            let response = try await tester.sendRequest(
                .POST, "/login",
                beforeRequest: { req in
                    req.headers.replaceOrAdd(name: "Cookie", value: "bu_csrf=\(csrf)")
                    req.headers.replaceOrAdd(name: "X-Forwarded-Proto", value: "https")
                    try req.content.encode(["username": "ani", "password": testPassword, "_csrf": csrf], as: .urlEncodedForm)
                })
            #expect(response.headers.setCookie?["bu_session"]?.isSecure == true)
        }
    }

    @Test("A wrong password and an unknown user get the same message")
    func noEnumeration() async throws {
        try await withTestApp { app in
            _ = try await app.makeUser("ani", role: .operatorKabkota, region: "16.02")
            let wrong = try await postLogin(try app.testing(), username: "ani", password: "salah-salah-salah")
            let unknown = try await postLogin(try app.testing(), username: "budi", password: "salah-salah-salah")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            let message = "Nama pengguna atau kata sandi salah, atau akun tidak aktif."
            #expect(wrong.text.contains(message) && unknown.text.contains(message))
            #expect(wrong.headers.setCookie?["bu_session"] == nil)
        }
    }

    @Test("After 5 failed log-ins in 15 minutes the account is throttled, even with the right password")
    func throttling() async throws {
        try await withTestApp { app in
            _ = try await app.makeUser("ani", role: .operatorKabkota, region: "16.02")
            for _ in 1...5 {
                #expect(try await postLogin(try app.testing(), username: "ani", password: "salah-salah-salah").status == .unauthorized)
            }
            let sixth = try await postLogin(try app.testing(), username: "ani", password: testPassword)
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.text.contains("Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit"))
            #expect(sixth.headers.setCookie?["bu_session"] == nil)
            // An unknown username is throttled the same way: no hint whether it exists.
            for _ in 1...5 { _ = try await postLogin(try app.testing(), username: "tidakada", password: "x-x-x-x-x-x") }
            #expect(try await postLogin(try app.testing(), username: "tidakada", password: "x-x-x-x-x-x").status == .tooManyRequests)
        }
    }

    @Test("The throttle lifts after 15 minutes")
    func throttleWindow() async throws {
        let clock = MutableClock(testNow)
        try await withTestApp(clock: clock.clock) { app in
            _ = try await app.makeUser("ani", role: .operatorKabkota, region: "16.02")
            for _ in 1...5 { _ = try await postLogin(try app.testing(), username: "ani", password: "salah-salah-salah") }
            #expect(try await postLogin(try app.testing(), username: "ani", password: testPassword).status == .tooManyRequests)
            clock.advance(by: 15 * 60 + 1)
            #expect(try await postLogin(try app.testing(), username: "ani", password: testPassword).status == .seeOther)
        }
    }

    @Test("A form without the right CSRF token is refused", arguments: [nil, "palsu"])
    func csrf(token: String?) async throws {
        try await withTestApp { app in
            let ani = try await app.makeUser("ani", role: .operatorKabkota, region: "16.02")
            let response = try await app.testing().sendRequest(
                .POST, "/logout", headers: ani.browser,
                beforeRequest: { req in
                    var body: [String: String] = [:]
                    if let token { body["_csrf"] = token }
                    try req.content.encode(body, as: .urlEncodedForm)
                })
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Formulir sudah kedaluwarsa"))
            // still signed in
            #expect(try await app.testing().get("/account/password", headers: ani.browser).status == .ok)
        }
    }

    @Test("Signing out ends the session and is audited")
    func signOut() async throws {
        try await withTestApp { app in
            let ani = try await app.makeUser("ani", role: .operatorKabkota, region: "16.02")
            let response = try await app.testing().submit("/logout", as: ani, [:])
            #expect(response.status == .seeOther)
            #expect(try await app.testing().get("/account/password", headers: ani.browser).status == .seeOther)
            let actions = try await FluentAuditLog(database: app.db).search(.init(actorName: "ani")).entries.map(\.action)
            #expect(actions.contains(.login) && actions.contains(.logout))
        }
    }

    @Test("Pages that need a user send visitors to the log-in page and back")
    func redirectToLogin() async throws {
        try await withTestApp { app in
            let response = try await app.testing().get("/admin/users")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/login?next=/admin/users")
        }
    }

    @Test("A user changes their password; the old one stops working")
    func changePassword() async throws {
        try await withTestApp { app in
            let ani = try await app.makeUser("ani", role: .pendamping, region: "16.02")
            let bad = try await app.testing().submit(
                "/account/password", as: ani,
                ["current": "keliru-keliru", "new": "baru-dan-panjang-1", "confirm": "baru-dan-panjang-1"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Kata sandi lama salah."))
            let ok = try await app.testing().submit(
                "/account/password", as: ani,
                ["current": testPassword, "new": "baru-dan-panjang-1", "confirm": "baru-dan-panjang-1"])
            #expect(ok.status == .ok && ok.text.contains("Kata sandi sudah diganti."))
            await #expect(throws: (any Error).self) { try await app.signIn("ani", password: testPassword) }
            _ = try await app.signIn("ani", password: "baru-dan-panjang-1")
        }
    }

    @Test("The API wants a valid bearer token", arguments: [nil, "bu_tidak-sah"])
    func apiToken(token: String?) async throws {
        try await withTestApp { app in
            let headers: HTTPHeaders = token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
            let response = try await app.testing().get("/api/v1/regions", headers: headers)
            #expect(response.status == .unauthorized)
            let error = try response.jsonObject()["error"] as? [String: Any]
            #expect(error?["code"] as? String == "unauthorized")
        }
    }

    @Test("A session cookie does not open the API, a token does")
    func apiNeedsToken() async throws {
        try await withTestApp { app in
            let ani = try await app.makeUser("ani", role: .pendamping, region: "16.02")
            #expect(try await app.testing().get("/api/v1/me", headers: ani.browser).status == .unauthorized)
            let me = try await app.testing().get("/api/v1/me", headers: ani.bearer).jsonObject()
            #expect(me["username"] as? String == "ani")
            #expect(me["region"] as? String == "16.02")
        }
    }
}
