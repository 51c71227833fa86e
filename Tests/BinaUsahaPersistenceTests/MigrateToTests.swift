import BinaUsahaApp
import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// `binausaha migrate-to`: an SQLite database copied to an empty PostgreSQL database (CI's
/// PostgreSQL pass; skipped without `DATABASE_URL`).
@Suite("SQLite to PostgreSQL")
struct MigrateToTests {
    /// Runs `psql` against the test server (creates and drops the target database).
    static func psql(_ url: String, _ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "psql", "--quiet", "--no-psqlrc", "--dbname=\(url.replacingOccurrences(of: "?sslmode=disable", with: ""))", "-c", command,
        ]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestSupportError("psql failed: \(command)") }
    }

    @Test(
        "Every table arrives with the same rows and values; a target in use or not PostgreSQL is refused",
        .enabled(if: TestDatabase.postgresURL != nil))
    func copies() async throws {
        let base = try #require(TestDatabase.postgresURL)
        let name = "mt_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try Self.psql(base, "CREATE DATABASE \(name)")
        defer { try? Self.psql(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        var components = try #require(URLComponents(string: base))
        components.path = "/\(name)"
        let target = try #require(components.string)

        try await withTestApp(onDisk: true, sqliteEvenWithPostgres: true) { app in
            try await app.addCraftCentres()
            let people = try await app.makeWeavers(12)
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            _ = try await app.makeGroup(desa: "16.02.03.2007", members: Array(people.prefix(8)), active: true)
            let copier = PostgresCopier(
                source: app.db, databases: app.databases, migrations: Migrations.all, logger: app.logger, on: app.eventLoopGroup.any())
            let copy = CopyDatabase(copier: copier, transactor: FluentTransactor(database: app.db), clock: .fixed(testNow))

            let tables = try await copy(to: target, by: .commandLine)
            #expect(tables.first { $0.table == "beneficiaries" }?.rows == 12)
            #expect(tables.first { $0.table == "kube_members" }?.rows == 8)
            #expect(tables.first { $0.table == "users" }?.rows == 1)
            #expect((tables.first { $0.table == "regions" }?.rows ?? 0) > 20)

            // The copy serves: a PostgreSQL app reads the same people and signs in the same user.
            let moved = try await Application.make(.testing)
            moved.logger.logLevel = .warning
            do {
                var config = AppConfig(database: .postgres(url: target))
                config.bcryptCost = 4
                config.runsJobs = false
                try await configure(moved, config: config, clock: .fixed(testNow))
                let register = FluentBeneficiaryRepository(database: moved.db)
                #expect(try await register.count(in: nil) == 12)
                let first = try #require(try await register.find(nik: people[0].details.nik))
                #expect(first.id == people[0].id && first.details.name == people[0].details.name && first.version == people[0].version)
                #expect(first.createdAt.timeIntervalSince1970.rounded() == people[0].createdAt.timeIntervalSince1970.rounded())
                try await moved.testing().test(.GET, "/api/v1/me", headers: op.bearer) { #expect($0.status == .ok) }
                try await moved.asyncShutdown()
            } catch {
                try? await moved.asyncShutdown()
                throw error
            }

            await #expect(throws: CopyError.targetInUse(people: 12, users: 1)) { _ = try await copy(to: target, by: .commandLine) }
            await #expect(throws: CopyError.notPostgres) { _ = try await copy(to: "mysql://x@localhost/db", by: .commandLine) }
            let audit = try await FluentAuditLog(database: app.db).search(.init(entity: "database"))
            #expect(audit.entries.map(\.action) == [.export])
        }
    }
}
