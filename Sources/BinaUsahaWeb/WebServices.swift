import BinaUsahaDomain
import Vapor

/// What the web layer needs from the outside, chosen once by the composition root
/// (`BinaUsahaApp.configure`). Handlers reach it through `req.services`.
public struct WebServices: Sendable {
    /// `sqlite` or `postgres`, as `/health` reports it.
    public var databaseKind: String
    public var clock: Clock
    public var regions: @Sendable (Request) -> any RegionRepository

    public init(databaseKind: String, clock: Clock, regions: @escaping @Sendable (Request) -> any RegionRepository) {
        self.databaseKind = databaseKind
        self.clock = clock
        self.regions = regions
    }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = WebServices }

    public var services: WebServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("WebServices not configured; call configure(app) first") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var services: WebServices { application.services }
}
