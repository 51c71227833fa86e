import BinaUsahaPersistence
import Foundation

/// Everything the process reads from its environment and command line, read once at start.
///
/// | variable / flag | default | meaning |
/// |---|---|---|
/// | `DATABASE_URL` | — | `postgres://user:pass@host:5432/db`: use PostgreSQL |
/// | `--db PATH`, `BINAUSAHA_DB` | `binausaha.sqlite` | SQLite file (when `DATABASE_URL` is unset) |
/// | `HOST` | `127.0.0.1` | address `serve` listens on |
/// | `PORT` | `8080` | port `serve` listens on |
/// | `BINAUSAHA_METRICS_TOKEN` | — | bearer token for `/metrics` from elsewhere than this machine |
public struct AppConfig: Sendable, Equatable {
    public var database: DatabaseChoice
    public var host: String
    public var port: Int
    /// bcrypt work factor for passwords; tests lower it to stay fast.
    public var bcryptCost = 12
    /// Threads for blocking work (SQLite, bcrypt, files): a few per core, so that writers
    /// waiting for the database lock never starve the one that holds it.
    public var blockingThreads = max(8, 4 * ProcessInfo.processInfo.activeProcessorCount)
    /// Where uploaded import files wait for their import (`BINAUSAHA_UPLOADS`).
    public var uploadDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("binausaha-uploads").path
    /// `serve --demo`: fill an empty database with demo data and accounts first.
    public var demo = false
    /// Whether this process runs the background worker for import jobs: `serve` does, the
    /// other commands (short-lived) do not.
    public var runsJobs = true
    /// A running job silent for this long is taken as stopped and resumed
    /// (`BINAUSAHA_JOB_STALL_SECONDS`, default 120).
    public var jobStallSeconds: Double = 120
    /// A bearer token that opens `/metrics` to a Prometheus server on another machine
    /// (`BINAUSAHA_METRICS_TOKEN`, at least 24 characters); without it only this machine.
    public var metricsToken: String?

    public static let defaultSQLiteFile = "binausaha.sqlite"

    public init(database: DatabaseChoice, host: String = "127.0.0.1", port: Int = 8080) {
        self.database = database
        self.host = host
        self.port = port
    }

    /// Reads the configuration and returns the arguments left for the command parser.
    public static func load(
        environment: [String: String], arguments: [String]
    ) throws(ConfigError)
        -> (config: AppConfig, arguments: [String])
    {
        var remaining: [String] = []
        var dbFlag: String?
        var demo = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--db" {
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else {
                    throw ConfigError(variable: "--db", problem: "berikan path berkas SQLite, mis. --db data/binausaha.sqlite")
                }
                dbFlag = arguments[index + 1]
                index += 2
                continue
            }
            if argument == "--demo" {
                demo = true
                index += 1
                continue
            }
            if argument.hasPrefix("--db=") {
                dbFlag = String(argument.dropFirst("--db=".count))
                index += 1
                continue
            }
            remaining.append(argument)
            index += 1
        }

        let database: DatabaseChoice
        if let url = environment["DATABASE_URL"].nonEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigError(
                    variable: "DATABASE_URL", problem: "harus berawalan postgres:// (contoh postgres://user:sandi@127.0.0.1:5432/binausaha)")
            }
            if dbFlag != nil {
                throw ConfigError(variable: "--db", problem: "tidak dapat dipakai bersama DATABASE_URL; pilih salah satu")
            }
            database = .postgres(url: url)
        } else {
            let path = dbFlag ?? environment["BINAUSAHA_DB"].nonEmpty ?? defaultSQLiteFile
            if path.isEmpty {
                throw ConfigError(variable: dbFlag != nil ? "--db" : "BINAUSAHA_DB", problem: "path berkas SQLite kosong")
            }
            database = path == ":memory:" ? .sqliteMemory : .sqliteFile(path: path)
        }

        let host = environment["HOST"].nonEmpty ?? "127.0.0.1"
        var port = 8080
        if let text = environment["PORT"].nonEmpty {
            guard let value = Int(text), (1...65_535).contains(value) else {
                throw ConfigError(variable: "PORT", problem: "'\(text)' bukan nomor port (1–65535)")
            }
            port = value
        }
        var config = AppConfig(database: database, host: host, port: port)
        if let uploads = environment["BINAUSAHA_UPLOADS"].nonEmpty { config.uploadDirectory = uploads }
        config.demo = demo
        let command = remaining.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
        config.runsJobs = command == "serve"
        if let text = environment["BINAUSAHA_JOB_STALL_SECONDS"].nonEmpty {
            guard let seconds = Double(text), seconds.isFinite, (1...86_400).contains(seconds) else {
                throw ConfigError(variable: "BINAUSAHA_JOB_STALL_SECONDS", problem: "'\(text)' bukan jumlah detik (1–86400)")
            }
            config.jobStallSeconds = seconds
        }
        if let token = environment["BINAUSAHA_METRICS_TOKEN"].nonEmpty {
            guard token.count >= 24, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw ConfigError(variable: "BINAUSAHA_METRICS_TOKEN", problem: "minimal 24 karakter ASCII tanpa spasi")
            }
            config.metricsToken = token
        }
        return (config, remaining)
    }
}

/// A configuration problem, naming the variable so that the operator knows what to fix.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public var variable: String
    public var problem: String

    public var description: String { "Konfigurasi salah: \(variable): \(problem)" }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
