import NIOConcurrencyHelpers
import Vapor

/// Lets the requests in progress finish before the application shuts its databases down. Under
/// load, a `SIGTERM` (a restart behind the proxy, an upgrade) used to shut the connection pools
/// while a handler was about to use one, and the process died on Fluent's force-unwrap instead
/// of ending cleanly. Once closing, new requests get 503 with `Retry-After` (the proxy tries the
/// other instance) and never reach the database.
public final class RequestDrain: LifecycleHandler, Sendable {
    private struct State {
        var inProgress = 0
        var closing = false
    }

    private let state = NIOLockedValueBox(State())
    /// How long shutdown waits for the last requests.
    let patience: Duration

    public init(patience: Duration = .seconds(15)) { self.patience = patience }

    /// Counts a request in, unless the application is closing.
    public func enter() -> Bool {
        state.withLockedValue { state in
            guard !state.closing else { return false }
            state.inProgress += 1
            return true
        }
    }

    public func leave() {
        state.withLockedValue { $0.inProgress -= 1 }
    }

    public var inProgress: Int { state.withLockedValue(\.inProgress) }

    /// Refuses new requests from now on and waits until those in progress are answered, or until
    /// `patience` runs out. True when none was left.
    public func close() async -> Bool {
        state.withLockedValue { $0.closing = true }
        let deadline = ContinuousClock.now + patience
        while inProgress > 0 {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    public func shutdownAsync(_ application: Application) async {
        if await !close() {
            application.logger.warning("Shutting down with \(inProgress) requests still in progress")
        }
    }
}

/// The first middleware: counts requests for `RequestDrain` and for `/metrics`.
struct InFlightMiddleware: AsyncMiddleware {
    let drain: RequestDrain

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard drain.enter() else {
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .retryAfter, value: "2")
            headers.replaceOrAdd(name: .connection, value: "close")
            headers.contentType = .plainText
            return Response(
                status: .serviceUnavailable, headers: headers,
                body: .init(string: "Server sedang dimulai ulang; coba lagi sebentar lagi. (The server is restarting; try again shortly.)\n"))
        }
        defer { drain.leave() }
        let gauge = request.services.metrics.inFlight
        gauge.increment(by: 1)
        defer { gauge.decrement(by: 1) }
        return try await next.respond(to: request)
    }
}
