import Foundation

/// How busy the database connections are with units of work: how many hold a connection now,
/// how many have finished, and the seconds they held one. `/metrics` reports it beside the
/// pool's size, so `rate(seconds) / connections` is the pool's use by writes. Reads outside a
/// unit of work (list pages, look-ups) take a connection for one statement and are not counted.
public final class DatabaseUse: @unchecked Sendable {
    public static let shared = DatabaseUse()

    public struct Snapshot: Sendable, Equatable {
        public var inProgress = 0
        public var completed = 0
        public var busySeconds = 0.0
    }

    private let lock = NSLock()
    private var state = Snapshot()

    public func snapshot() -> Snapshot { lock.withLock { state } }

    func begin() -> Date {
        lock.withLock { state.inProgress += 1 }
        return Date()
    }

    func end(_ started: Date) {
        let seconds = max(0, Date().timeIntervalSince(started))
        lock.withLock {
            state.inProgress -= 1
            state.completed += 1
            state.busySeconds += seconds
        }
    }
}
