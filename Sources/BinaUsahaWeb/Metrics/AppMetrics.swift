import BinaUsahaDomain
import Prometheus

/// What `/metrics` shows besides the request counts and latencies by route, which Vapor
/// reports through swift-metrics into the same registry (`http_requests_total`,
/// `http_request_duration_seconds`): imports (rows, rows per second), the import queue, the
/// register's size and the requests in progress.
public final class AppMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// The bearer token that opens `/metrics` from another machine (nil: this machine only).
    let token: String?
    let importedRows: [Bool: Counter]
    let importRate: Gauge
    let importQueue: Gauge
    let registerPeople: Gauge
    let inFlight: Gauge

    public init(registry: PrometheusCollectorRegistry, token: String?) {
        self.registry = registry
        self.token = token
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
}
