import BinaUsahaDomain
import Foundation
import Prometheus

/// What `/metrics` shows besides the request counts and latencies by route, which Vapor
/// reports through swift-metrics into the same registry (`http_requests_total`,
/// `http_request_duration_seconds`): imports (rows, rows per second), the import queue, the
/// register's size, the requests in progress and the database connections' use by units of work.
public final class AppMetrics: Sendable {
    /// What the composition root reads from the persistence layer at each scrape.
    public struct DatabaseUseReading: Sendable, Equatable {
        public var inProgress = 0
        public var completed = 0
        public var busySeconds = 0.0
        public var connections = 0

        public init(inProgress: Int = 0, completed: Int = 0, busySeconds: Double = 0, connections: Int = 0) {
            self.inProgress = inProgress
            self.completed = completed
            self.busySeconds = busySeconds
            self.connections = connections
        }
    }

    public let registry: PrometheusCollectorRegistry
    /// The bearer token that opens `/metrics` from another machine (nil: this machine only).
    let token: String?
    let importedRows: [Bool: Counter]
    let importRate: Gauge
    let importQueue: Gauge
    let registerPeople: Gauge
    let inFlight: Gauge
    public let databaseUse: @Sendable () -> DatabaseUseReading
    let dbInProgress: Gauge
    let dbConnections: Gauge
    let dbCompleted: Counter
    let dbBusySeconds: Counter
    /// What the counters showed at the last scrape: they move by the difference.
    private let reported = ReportedDatabaseUse()

    public init(
        registry: PrometheusCollectorRegistry, token: String?, databaseUse: @escaping @Sendable () -> DatabaseUseReading = { .init() }
    ) {
        self.registry = registry
        self.token = token
        self.databaseUse = databaseUse
        dbInProgress = registry.makeGauge(
            name: "binausaha_db_units_of_work_in_progress", help: "Units of work (transactions) holding a database connection now")
        dbConnections = registry.makeGauge(name: "binausaha_db_connections_max", help: "Connections the database pools may open")
        dbCompleted = registry.makeCounter(name: "binausaha_db_units_of_work_total", help: "Units of work (transactions) finished")
        dbBusySeconds = registry.makeCounter(
            name: "binausaha_db_units_of_work_seconds_total", help: "Seconds units of work held a database connection")
        importedRows = [
            true: registry.makeCounter(
                name: "binausaha_import_rows_total", labels: [("mode", "check")], help: "Rows of import files read, by mode"),
            false: registry.makeCounter(
                name: "binausaha_import_rows_total", labels: [("mode", "commit")], help: "Rows of import files read, by mode"),
        ]
        importRate = registry.makeGauge(name: "binausaha_import_rows_per_second", help: "Rows per second of the last import job")
        importQueue = registry.makeGauge(name: "binausaha_import_jobs_unfinished", help: "Import jobs waiting or running")
        registerPeople = registry.makeGauge(name: "binausaha_register_people", help: "People in the register")
        inFlight = registry.makeGauge(name: "binausaha_http_requests_in_progress", help: "Requests being answered")
    }

    func imported(_ job: ImportJob, seconds: Double) {
        let rows = job.report.processed
        importedRows[job.dryRun]?.increment(by: Int64(rows))
        if seconds > 0, rows > 0 { importRate.set(to: Double(rows) / seconds) }
    }

    /// Brings the database gauges and counters up to date; called at each scrape.
    func reportDatabaseUse() {
        let now = databaseUse()
        dbInProgress.set(to: Double(now.inProgress))
        dbConnections.set(to: Double(now.connections))
        let (completed, seconds) = reported.advance(to: now)
        if completed > 0 { dbCompleted.increment(by: Int64(completed)) }
        if seconds > 0 { dbBusySeconds.increment(by: seconds) }
    }
}

/// The last reading the counters were moved to.
private final class ReportedDatabaseUse: @unchecked Sendable {
    private let lock = NSLock()
    private var last = AppMetrics.DatabaseUseReading()

    /// The growth since the last call (never negative), remembering `now`.
    func advance(to now: AppMetrics.DatabaseUseReading) -> (completed: Int, seconds: Double) {
        lock.withLock {
            defer { last = now }
            return (max(0, now.completed - last.completed), max(0, now.busySeconds - last.busySeconds))
        }
    }
}
