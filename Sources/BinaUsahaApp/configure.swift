import BinaUsahaCLI
import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaWeb
import Fluent
import Metrics
import Prometheus
import Vapor

/// The composition root: the one place that picks every concrete implementation.
public func configure(_ app: Application, config: AppConfig, clock: Clock = .system) async throws {
    // Blocking work (SQLite calls, bcrypt, file reads) runs on this pool. The default is one
    // thread per core, shared by the whole process: one SQLite writer waiting for the lock and
    // one password check would leave nothing for the writer that holds it.
    app.threadPool = NIOThreadPool(numberOfThreads: config.blockingThreads)

    // Database
    try DatabaseSetup.register(config.database, in: app.databases)
    app.migrations.add(Migrations.all)
    try await DatabaseSetup.prepareConnections(
        config.database, databases: app.databases, eventLoopGroup: app.eventLoopGroup, logger: app.logger)

    ProcessMetrics.install()

    // The register's list in memory, shared by every request and command of this process.
    let registerIndex = RegisterIndexStore()

    // HTTP
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    try WebSetup.install(
        on: app,
        services: WebServices(
            databaseKind: config.database.kindName,
            clock: clock,
            secrets: .sha256,
            repositories: { Repositories.fluent($0, registerIndex: registerIndex) },
            transactor: { FluentTransactor(database: $0) },
            uploadDirectory: config.uploadDirectory,
            jobStallSeconds: config.jobStallSeconds,
            // A pool that stayed full or a locked file is a 409 "try again", never a 500.
            databaseConflict: { WriteConflict(databaseError: $0) },
            metrics: AppMetrics(
                registry: ProcessMetrics.registry, token: config.metricsToken,
                databaseUse: { [loops = Array(app.eventLoopGroup.makeIterator()).count, database = config.database] in
                    let use = DatabaseUse.shared.snapshot()
                    return .init(
                        inProgress: use.inProgress, completed: use.completed, busySeconds: use.busySeconds,
                        connections: loops * DatabaseSetup.connectionsPerEventLoop(database))
                })
        ), runsJobs: config.runsJobs)

    // Commands (serve and routes come from Vapor), with the same repositories and units of work
    let commands = commandServices(clock: clock, database: config.database, registerIndex: registerIndex)
    app.asyncCommands.use(MigrateDatabaseCommand(), as: "migrate")
    app.asyncCommands.use(RegionsCommand(services: commands), as: "regions")
    app.asyncCommands.use(UsersCommand(services: commands), as: "users")
    app.asyncCommands.use(TokensCommand(services: commands), as: "tokens")
    app.asyncCommands.use(ImportCommand(services: commands), as: "import")
    app.asyncCommands.use(DemoCommand(services: commands), as: "demo")
    app.asyncCommands.use(PlanGroupsCommand(services: commands), as: "plan-groups")
    app.asyncCommands.use(EvalCommand(services: commands), as: "eval")
    app.asyncCommands.use(BackupCommand(services: commands), as: "backup")
    app.asyncCommands.use(RestoreCommand(services: commands), as: "restore")
    app.asyncCommands.use(MigrateToCommand(services: commands), as: "migrate-to")
    var sqlitePath: String?
    if case let .sqliteFile(path) = config.database { sqlitePath = path }
    app.asyncCommands.use(BenchCommand(services: commands, databasePath: sqlitePath), as: "bench")
}

/// The commands' services: the same repositories and units of work as the web's.
public func commandServices(
    clock: Clock, database: DatabaseChoice, registerIndex: RegisterIndexStore = RegisterIndexStore()
) -> CommandServices {
    CommandServices(
        clock: clock, secrets: .sha256, repositories: { Repositories.fluent($0, registerIndex: registerIndex) },
        transactor: { FluentTransactor(database: $0) }, archive: { FluentDatabaseArchive(database: $0, choice: database) },
        copier: { app in
            PostgresCopier(
                source: app.db, databases: app.databases, migrations: Migrations.all, logger: app.logger,
                on: app.eventLoopGroup.any())
        },
        fillLedgerBenchmark: { db, groups, months, skills in try await LedgerBenchmarkData.fill(db, groups: groups, months: months, skills: skills) })
}

/// The process's one metrics registry: swift-metrics (Vapor's request counts and latencies by
/// route) reports into it, and `/metrics` shows it. Bootstrapped once per process, however
/// many applications it configures (the tests make many).
enum ProcessMetrics {
    static let registry = PrometheusCollectorRegistry()
    private static let installed: Void = MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    static func install() { installed }
}
