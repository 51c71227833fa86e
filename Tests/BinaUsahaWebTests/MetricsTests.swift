import BinaUsahaDomain
import BinaUsahaTestSupport
import BinaUsahaWeb
import Foundation
import Testing
import VaporTesting

/// `/metrics`: Prometheus text for this machine or the configured token, nothing for others.
@Suite("Metrics")
struct MetricsTests {
    static let token = "metrik-rahasia-untuk-prometheus-0123"

    @Test("From this machine or with the token: request counts by route, the import queue, the register's size; others 403")
    func access() async throws {
        try await withTestApp { app in
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            _ = try await app.makeWeavers(3)
            try await app.testing().test(.GET, "/api/v1/me", headers: op.bearer) { #expect($0.status == .ok) }

            // In memory there is no peer address: like a remote client, and no token is set.
            try await app.testing().test(.GET, "/metrics") { #expect($0.status == .forbidden) }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)"]) {
                #expect($0.status == .forbidden)
            }

            app.services.metrics = AppMetrics(
                registry: app.services.metrics.registry, token: Self.token, databaseUse: app.services.metrics.databaseUse)
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)x"]) {
                #expect($0.status == .forbidden)
            }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "plain")
                let text = response.body.string
                #expect(text.contains("http_requests_total{"))
                #expect(text.contains("path=\"/api/v1/me\""))
                #expect(text.contains("http_request_duration_seconds_bucket{"))
                #expect(text.contains("binausaha_import_jobs_unfinished 0"))
                #expect(text.contains("binausaha_register_people "))
                #expect(text.contains("binausaha_http_requests_in_progress"))
                // The pool's size and its use by units of work (creating the user was one).
                func value(_ name: String) -> Double? {
                    text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
                }
                #expect((value("binausaha_db_connections_max") ?? 0) >= 1)
                #expect((value("binausaha_db_units_of_work_total") ?? 0) >= 1)
                #expect(value("binausaha_db_units_of_work_seconds_total") != nil && value("binausaha_db_units_of_work_in_progress") != nil)
                // Never a person's data: only route patterns, no ids or names.
                #expect(!text.contains("Warga"))
            }
        }
    }

    @Test("Over a real socket: 127.0.0.1 reads without a token, a request forwarded by a proxy does not")
    func localhost() async throws {
        try await withTestApp { app in
            let live = try app.testing(method: .running(hostname: "127.0.0.1", port: Int.random(in: 20_000...40_000)))
            try await live.test(.GET, "/metrics") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("binausaha_register_people 0"))
            }
            try await live.test(.GET, "/metrics", headers: ["X-Forwarded-For": "203.0.113.9"]) { #expect($0.status == .forbidden) }
        }
    }
}
