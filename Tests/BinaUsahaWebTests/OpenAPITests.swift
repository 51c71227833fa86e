import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("The server serves an OpenAPI 3.1 document")
    func served() async throws {
        try await withTestApp { app in
            let response = try await app.testing().get("/api/openapi.json")
            #expect(response.status == .ok)
            let document = try response.jsonObject()
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
        }
    }

    @Test("Every API route is described, and every described operation is a route")
    func routesAgree() async throws {
        try await withTestApp { app in
            let document = try await app.testing().get("/api/openapi.json").jsonObject()
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods: Set<String> = ["get", "post", "put", "patch", "delete"]
            let described = Set(
                paths.flatMap { path, operations in
                    operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
                })
            let routed = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            if case let .parameter(name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                    guard path.hasPrefix("/api/v1") || path == "/health" else { return nil }
                    return "\(route.method.rawValue) \(path)"
                })
            #expect(routed.subtracting(described).isEmpty, "routes missing from openapi.json")
            #expect(described.subtracting(routed).isEmpty, "openapi.json operations without a route")
            #expect(!routed.isEmpty)
        }
    }
}
