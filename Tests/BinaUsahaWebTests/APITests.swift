import BinaUsahaTestSupport
import Testing
import VaporTesting

@Suite("API")
struct APITests {
    @Test("/health reports ok and which database answered")
    func health() async throws {
        try await withTestApp { app in
            let response = try await app.testing().get("/health")
            #expect(response.status == .ok)
            let body = try response.jsonObject()
            #expect(body["status"] as? String == "ok")
            #expect(body["database"] as? String == TestDatabase.kindName)
        }
    }

    @Test("Without a parent the API lists the provinces")
    func provinces() async throws {
        try await withTestApp { app in
            let user = try await app.makeUser("ani", role: .pendamping, region: "16.02")
            let body = try await app.testing().get("/api/v1/regions", headers: user.bearer).jsonObject()
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.map { $0["code"] as? String } == ["16"])
            #expect(items.first?["child_count"] as? Int == 17)
            #expect(items.first?["level"] as? String == "provinsi")
        }
    }

    @Test("With a parent the API lists its children")
    func children() async throws {
        try await withTestApp { app in
            let user = try await app.makeUser("ani", role: .pendamping, region: "16.02")
            let body = try await app.testing().get("/api/v1/regions?parent=16", headers: user.bearer).jsonObject()
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.count == 17)
            #expect(items.first?["name"] as? String == "Kabupaten Ogan Komering Ulu")
            #expect(items.last?["kind"] as? String == "kota")
            #expect(body["parent"] as? String == "16")
        }
    }

    @Test("One region comes with its parent chain")
    func show() async throws {
        try await withTestApp { app in
            let user = try await app.makeUser("ani", role: .pendamping, region: "16.02")
            let body = try await app.testing().get("/api/v1/regions/16.02", headers: user.bearer).jsonObject()
            let region = try #require(body["region"] as? [String: Any])
            #expect(region["name"] as? String == "Kabupaten Ogan Komering Ilir")
            #expect(region["parent_code"] as? String == "16")
            let ancestors = try #require(body["ancestors"] as? [[String: Any]])
            #expect(ancestors.map { $0["code"] as? String } == ["16"])
        }
    }

    @Test(
        "Errors have one JSON shape",
        arguments: [
            ("/api/v1/regions/16.99", 404, "not_found"),
            ("/api/v1/regions/16.2", 400, "invalid_region_code"),
            ("/api/v1/regions?parent=abc", 400, "invalid_region_code"),
            ("/api/v1/regions?parent=16.99", 404, "not_found"),
            ("/api/v1/nothing-here", 404, "not_found"),
        ])
    func errors(path: String, status: Int, code: String) async throws {
        try await withTestApp { app in
            let user = try await app.makeUser("ani", role: .pendamping, region: "16.02")
            let response = try await app.testing().get(path, headers: user.bearer)
            #expect(response.status.code == UInt(status))
            let error = try #require(try response.jsonObject()["error"] as? [String: Any])
            #expect(error["code"] as? String == code)
            let message = try #require(error["message"] as? String)
            #expect(!message.isEmpty)
        }
    }

    @Test("Error messages are in Indonesian")
    func indonesianMessage() async throws {
        try await withTestApp { app in
            let user = try await app.makeUser("ani", role: .pendamping, region: "16.02")
            let error = try await app.testing().get("/api/v1/regions/16.99", headers: user.bearer).jsonObject()["error"] as? [String: Any]
            #expect(error?["message"] as? String == "Wilayah dengan kode 16.99 tidak ditemukan.")
        }
    }
}
