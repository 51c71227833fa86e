import BinaUsahaApp
import BinaUsahaPersistence
import Testing

@Suite("Configuration")
struct AppConfigTests {
    @Test("With nothing set: SQLite file binausaha.sqlite, 127.0.0.1:8080")
    func defaults() throws {
        let (config, arguments) = try AppConfig.load(environment: [:], arguments: ["binausaha", "serve"])
        #expect(config == AppConfig(database: .sqliteFile(path: "binausaha.sqlite"), host: "127.0.0.1", port: 8080))
        #expect(arguments == ["binausaha", "serve"])
    }

    @Test("--db overrides BINAUSAHA_DB and is removed from the arguments")
    func dbFlag() throws {
        let (config, arguments) = try AppConfig.load(
            environment: ["BINAUSAHA_DB": "env.sqlite"],
            arguments: ["binausaha", "serve", "--db", "flag.sqlite"])
        #expect(config.database == .sqliteFile(path: "flag.sqlite"))
        #expect(arguments == ["binausaha", "serve"])
        let (fromEnv, _) = try AppConfig.load(environment: ["BINAUSAHA_DB": "env.sqlite"], arguments: ["binausaha"])
        #expect(fromEnv.database == .sqliteFile(path: "env.sqlite"))
    }

    @Test("DATABASE_URL selects PostgreSQL")
    func postgres() throws {
        let url = "postgres://u:p@127.0.0.1:5432/binausaha"
        let (config, _) = try AppConfig.load(environment: ["DATABASE_URL": url, "HOST": "0.0.0.0", "PORT": "9000"], arguments: [])
        #expect(config == AppConfig(database: .postgres(url: url), host: "0.0.0.0", port: 9000))
        #expect(config.database.kindName == "postgres")
    }

    @Test(
        "A bad setting stops start-up with a message naming it",
        arguments: [
            (["PORT": "80a"], ["binausaha"], "PORT"),
            (["PORT": "70000"], ["binausaha"], "PORT"),
            (["DATABASE_URL": "mysql://x"], ["binausaha"], "DATABASE_URL"),
            (["DATABASE_URL": "postgres://x/y"], ["binausaha", "--db", "a.sqlite"], "--db"),
            ([:], ["binausaha", "serve", "--db"], "--db"),
        ])
    func badSettings(environment: [String: String], arguments: [String], variable: String) {
        #expect {
            try AppConfig.load(environment: environment, arguments: arguments)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.variable == variable && error.description.contains(variable)
        }
    }
}
