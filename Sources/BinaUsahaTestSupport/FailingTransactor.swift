import BinaUsahaDomain
import BinaUsahaPersistence
import Foundation
import Synchronization
import VaporTesting

/// A unit of work that dies: run number `failingRun` (1-based) does all its work and then
/// throws before it commits, as a process killed at that moment would. Everything it wrote
/// must be rolled back.
public final class FailingTransactor: Transactor {
    public struct InjectedFailure: Error {}

    let base: any Transactor
    let failingRun: Int
    let runs = Mutex(0)

    public init(_ base: any Transactor, failingRun: Int) {
        self.base = base
        self.failingRun = failingRun
    }

    public func run<T: Sendable>(_ work: @escaping @Sendable (Repositories) async throws -> T) async throws -> T {
        let number = runs.withLock { count in
            count += 1
            return count
        }
        return try await base.run { repositories in
            let result = try await work(repositories)
            if number == self.failingRun { throw InjectedFailure() }
            return result
        }
    }
}

extension Application {
    /// The application's own unit of work.
    public var transactor: any Transactor { FluentTransactor(database: db) }
}
