import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

@Suite("User administration and the audit trail")
struct UsersAdminTests {
    @Test("The admin creates an operator from the form; the write is audited with its fields")
    func createUser() async throws {
        try await withTestApp { app in
            // given
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            // when
            let response = try await app.testing().submit(
                "/admin/users", as: admin,
                [
                    "username": "op.oki", "display_name": "Operator OKI", "role": "operator_kabkota", "region": "16.02",
                    "password": "kata-sandi-awal-1",
                ])
            // then
            #expect(response.status == .ok)
            #expect(response.text.contains("Pengguna op.oki dibuat."))
            let user = try #require(try await FluentUserRepository(database: app.db).find(username: "op.oki"))
            #expect(user.role == .operatorKabkota && user.region?.rawValue == "16.02")
            let entry = try #require(
                try await FluentAuditLog(database: app.db)
                    .search(.init(entity: "user", entityID: user.id.uuidString)).entries.first)
            #expect(entry.action == .create && entry.actorName == "admin")
            #expect(entry.changes.contains(FieldChange(field: "role", before: nil, after: "operator_kabkota")))
            #expect(!entry.changes.contains { $0.field.contains("password") })
            // and the new user can sign in
            _ = try await app.signIn("op.oki", password: "kata-sandi-awal-1")
        }
    }

    @Test(
        "Bad input is explained in Indonesian and the form keeps what was typed",
        arguments: [
            (
                ["username": "op.oki", "role": "operator_kabkota", "region": "16.02.03", "password": "kata-sandi-awal-1"],
                "Peran Operator kabupaten/kota harus di tingkat kabupaten/kota, bukan kecamatan."
            ),
            (
                ["username": "op.oki", "role": "operator_kabkota", "region": "", "password": "kata-sandi-awal-1"],
                "Peran Operator kabupaten/kota harus diberi wilayah."
            ),
            (
                ["username": "op.oki", "role": "operator_kabkota", "region": "16.02", "password": "pendek"],
                "Kata sandi minimal 10 karakter."
            ),
            (
                ["username": "Op OKI", "role": "operator_kabkota", "region": "16.02", "password": "kata-sandi-awal-1"],
                "Nama pengguna 3–40 karakter"
            ),
            (
                ["username": "admin", "role": "mitra", "region": "", "password": "kata-sandi-awal-1"],
                "Nama pengguna admin sudah dipakai."
            ),
            (
                ["username": "op.oki", "role": "operator_kabkota", "region": "16.99", "password": "kata-sandi-awal-1"],
                "Wilayah 16.99 tidak ditemukan."
            ),
        ])
    func badInput(fields: [String: String], message: String) async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let response = try await app.testing().submit("/admin/users", as: admin, fields)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(response.text.contains("value=\"\(fields["username"]!)\""))
            #expect(try await FluentUserRepository(database: app.db).count() == 1)
        }
    }

    @Test("Disabling a user ends their sessions and blocks sign-in")
    func disable() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let ani = try await app.makeUser("ani", role: .operatorKabkota, region: "16.02")
            let response = try await app.testing().submit(
                "/admin/users/\(ani.user.id)", as: admin,
                ["display_name": "Ani", "role": "operator_kabkota", "region": "16.02"])
            #expect(response.status == .ok)
            #expect(try await app.testing().get("/account/password", headers: ani.browser).status == .seeOther)
            #expect(try await app.testing().get("/api/v1/me", headers: ani.bearer).status == .unauthorized)
            await #expect(throws: (any Error).self) { try await app.signIn("ani", password: testPassword) }
            let entry = try await FluentAuditLog(database: app.db).search(.init(entityID: ani.user.id.uuidString)).entries.first
            #expect(entry?.changes == [FieldChange(field: "active", before: "ya", after: "tidak")])
        }
    }

    @Test("The audit page shows the scenario's writes; a kab/kota pimpinan sees only their kab/kota")
    func auditPage() async throws {
        try await withTestApp { app in
            // given: writes in two kabupaten
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            for (name, region) in [("op.oki", "16.02"), ("op.oku", "16.01")] {
                _ = try await app.testing().submit(
                    "/admin/users", as: admin,
                    [
                        "username": name, "role": "operator_kabkota", "region": region, "password": "kata-sandi-awal-1",
                    ])
            }
            let kepala = try await app.makeUser("kepala.oki", role: .pimpinan, region: "16.02")

            // when the admin reads the trail
            let all = try await app.testing().get("/audit", headers: admin.browser)
            #expect(all.status == .ok)
            #expect(all.text.contains("op.oki") && all.text.contains("op.oku"))
            #expect(all.text.contains("masuk"))
            #expect(all.text.contains("Peran: – → Operator kabupaten/kota"))
            #expect(!all.text.contains("operator_kabkota") && all.text.contains("<option value=\"kube_group\">KUBE</option>"))

            // when the OKI pimpinan reads it
            let scoped = try await app.testing().get("/audit", headers: kepala.browser)
            #expect(scoped.status == .ok)
            #expect(scoped.text.contains("16.02"))
            #expect(!scoped.text.contains("op.oku"))
            #expect(try await app.testing().get("/audit?region=16.01", headers: kepala.browser).status == .forbidden)

            // and over the API
            #expect(try await app.testing().get("/api/v1/audit?region=16.01", headers: kepala.bearer).status == .forbidden)
            let api = try await app.testing().get("/api/v1/audit?entity=user", headers: kepala.bearer).jsonObject()
            let items = try #require(api["items"] as? [[String: Any]])
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { ($0["region"] as? String)?.hasPrefix("16.02") == true })
        }
    }

    @Test("Audit filters: by user, by entity, by date; a bad date is explained")
    func auditFilters() async throws {
        try await withTestApp { app in
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            _ = try await app.makeUser("ani", role: .pendamping, region: "16.02")
            let byUser = try await app.testing().get("/audit?user=ani", headers: admin.browser)
            #expect(byUser.text.contains("1 catatan"))
            let sameDay = try await app.testing().get("/audit?from=2026-11-30&until=2026-11-30", headers: admin.browser)
            #expect(sameDay.text.contains("2 catatan"))
            let before = try await app.testing().get("/audit?until=2026-11-29", headers: admin.browser)
            #expect(before.text.contains("0 catatan"))
            let bad = try await app.testing().get("/audit?from=2026-02-30", headers: admin.browser)
            #expect(bad.status == .badRequest && bad.text.contains("Tanggal tidak sah: 2026-02-30"))
        }
    }
}
