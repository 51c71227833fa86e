import BinaUsahaCLI
import BinaUsahaPersistence
import Fluent
import Foundation
import Vapor

/// What the `binausaha` executable does: read the configuration, build the application,
/// bring the schema up to date when a command needs data, and run the command.
public enum BinaUsahaMain {
    /// Commands that must not migrate first.
    static let commandsWithoutMigration: Set<String> = ["migrate", "routes", "--help", "-h", "help"]

    public static func run() async {
        limitMallocArenas()
        let loaded: (config: AppConfig, arguments: [String])
        do {
            loaded = try AppConfig.load(environment: ProcessInfo.processInfo.environment, arguments: CommandLine.arguments)
        } catch {
            FileHandle.standardError.write(Data("binausaha: \(error)\n".utf8))
            exit(2)
        }
        do {
            var environment = try Environment.detect(arguments: loaded.arguments)
            try LoggingSystem.bootstrap(from: &environment)
            let app = try await Application.make(environment)
            do {
                try await configure(app, config: loaded.config)
                let command = loaded.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
                if !commandsWithoutMigration.contains(command) {
                    do {
                        try await app.autoMigrate()
                        // Read indexes that a killed bulk import left set aside.
                        try await FluentBeneficiaryRepository(database: app.db).finishBulkLoad()
                    } catch {
                        throw StartupError(describing: loaded.config.database, error: error)
                    }
                }
                if command == "serve", loaded.config.demo,
                    let outcome = try await DemoSeeder.seedIfEmpty(app, services: commandServices(clock: .system, database: loaded.config.database))
                {
                    print(DemoSeeder.describe(outcome))
                }
                if command == "serve", try await FluentUserRepository(database: app.db).count() == 0 {
                    print(firstAdminHint)
                }
                try await app.execute()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        } catch {
            FileHandle.standardError.write(Data("binausaha: \(error)\n".utf8))
            exit(1)
        }
    }
}

/// glibc gives each thread that contends for malloc an arena of its own, up to 8 per core,
/// and keeps freed memory in them: a million-row import peaked at 731 MiB with the default
/// and stays under 300 MiB with one arena per core (docs/PERFORMANCE.md). `MALLOC_ARENA_MAX`
/// in the environment still wins.
func limitMallocArenas() {
    #if os(Linux)
    guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil else { return }
    let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>, which Swift's Glibc module does not export
    _ = glibcMallopt(arenaMax, Int32(clamping: max(2, ProcessInfo.processInfo.activeProcessorCount)))
    #endif
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

let firstAdminHint = """
    Belum ada pengguna. Buat admin provinsi pertama (kata sandi dibaca dari standard input):
      echo 'kata-sandi-rahasia' | binausaha users create --username admin --role admin_provinsi --name "Admin Dinsos"
    """

/// The database could not be opened or migrated; says which setting to look at.
struct StartupError: Error, CustomStringConvertible {
    let description: String

    init(describing database: DatabaseChoice, error: any Error) {
        switch database {
        case let .sqliteFile(path):
            description =
                "basis data SQLite '\(path)' tidak dapat dibuka atau dimigrasi (periksa --db / BINAUSAHA_DB "
                + "dan izin folder): \(String(reflecting: error))"
        case .sqliteMemory:
            description = "basis data SQLite di memori gagal dimigrasi: \(String(reflecting: error))"
        case .postgres:
            description = "DATABASE_URL: PostgreSQL tidak dapat dihubungi atau dimigrasi: \(String(reflecting: error))"
        }
    }
}
