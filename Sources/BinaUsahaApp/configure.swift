import BinaUsahaCLI
import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaWeb
import Fluent
import Vapor

/// The composition root: the one place that picks every concrete implementation.
public func configure(_ app: Application, config: AppConfig, clock: Clock = .system) async throws {
    // Database
    try DatabaseSetup.register(config.database, in: app.databases)
    app.migrations.add(Migrations.all)
    try await DatabaseSetup.prepareConnections(
        config.database, databases: app.databases, eventLoopGroup: app.eventLoopGroup, logger: app.logger)

    // HTTP
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    try WebSetup.install(on: app, services: WebServices(
        databaseKind: config.database.kindName,
        clock: clock,
        regions: { FluentRegionRepository(database: $0.db) }
    ))

    // Commands (serve and routes come from Vapor)
    app.asyncCommands.use(MigrateDatabaseCommand(), as: "migrate")
    app.asyncCommands.use(RegionsCommand(), as: "regions")
}
