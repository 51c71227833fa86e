import BinaUsahaDomain
import NIOConcurrencyHelpers
import Vapor

/// The application's background worker for import jobs, owned by its lifecycle: it starts
/// when the application boots and stops when it shuts down. It runs one job at a time — the
/// oldest waiting one, or one whose process died (resumed from its last committed batch) —
/// woken at once by a new upload and every two seconds otherwise, so that a second instance
/// on the same database shares the work. Claims are atomic (`ImportJobStore.claimNext`).
final class ImportWorker: LifecycleHandler, Sendable {
    private let jobs: @Sendable (Application) -> ImportJobs
    private let state = NIOLockedValueBox<(loop: Task<Void, Never>?, ticker: Task<Void, Never>?, wake: AsyncStream<Void>.Continuation?)>(
        (nil, nil, nil))

    init(jobs: @escaping @Sendable (Application) -> ImportJobs) { self.jobs = jobs }

    func didBoot(_ application: Application) throws {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let jobs = jobs(application)
        let logger = application.logger
        let loop = Task {
            for await _ in stream {
                if Task.isCancelled { break }
                do {
                    while !Task.isCancelled, try await jobs.runNext() {}
                } catch is CancellationError {
                    break
                } catch {
                    // The job stays claimed; after the stall time it is resumed.
                    logger.report(error: error)
                }
            }
        }
        let ticker = Task {
            while !Task.isCancelled {
                continuation.yield()
                try? await Task.sleep(for: .seconds(2))
            }
        }
        state.withLockedValue { $0 = (loop, ticker, continuation) }
    }

    /// Looks for work now (a job was just queued).
    func wake() {
        _ = state.withLockedValue { $0.wake?.yield() }
    }

    func shutdownAsync(_ application: Application) async {
        let (loop, ticker, wake) = state.withLockedValue { current in
            defer { current = (nil, nil, nil) }
            return current
        }
        ticker?.cancel()
        wake?.finish()
        loop?.cancel()
        await loop?.value
    }

    func shutdown(_ application: Application) {
        let (loop, ticker, wake) = state.withLockedValue { $0 }
        ticker?.cancel()
        wake?.finish()
        loop?.cancel()
    }
}

extension Application {
    private struct ImportWorkerKey: StorageKey { typealias Value = ImportWorker }

    /// The running worker, when this process runs one.
    var importWorker: ImportWorker? {
        get { storage[ImportWorkerKey.self] }
        set { storage[ImportWorkerKey.self] = newValue }
    }
}
