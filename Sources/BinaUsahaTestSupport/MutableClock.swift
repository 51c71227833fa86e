import BinaUsahaDomain
import Foundation
import NIOConcurrencyHelpers

/// A clock a test can move forward.
public final class MutableClock: Sendable {
    private let now: NIOLockedValueBox<Date>

    public init(_ start: Date) { now = NIOLockedValueBox(start) }

    public var clock: Clock { Clock { [now] in now.withLockedValue { $0 } } }

    public func advance(by seconds: TimeInterval) { now.withLockedValue { $0 += seconds } }
}
