import Foundation

/// The audit trail. Append-only: the application can add and read entries, never change or
/// remove them (UU 27/2022 Pasal 31: a record of all processing activities).
public protocol AuditLog: Sendable {
    func append(_ entry: AuditEntry) async throws
    /// Many entries at once (an import batch), in the order given.
    func append(contentsOf entries: [AuditEntry]) async throws
    func search(_ filter: AuditFilter) async throws -> AuditPage
}

public struct AuditFilter: Sendable, Equatable {
    public var actorName: String?
    public var entity: String?
    public var entityID: String?
    public var action: AuditAction?
    public var from: Date?
    /// Exclusive upper bound.
    public var until: Date?
    /// Entries whose region lies inside this one.
    public var region: RegionCode?
    /// Entries without a region (log-ins, province-wide work) are included only when true.
    public var includeUnscoped: Bool
    public var page: Int
    public var perPage: Int

    public init(
        actorName: String? = nil, entity: String? = nil, entityID: String? = nil, action: AuditAction? = nil, from: Date? = nil,
        until: Date? = nil,
        region: RegionCode? = nil, includeUnscoped: Bool = true, page: Int = 1, perPage: Int = 50
    ) {
        self.actorName = actorName
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.from = from
        self.until = until
        self.region = region
        self.includeUnscoped = includeUnscoped
        self.page = Paging.clampPage(page)
        self.perPage = min(max(1, perPage), 200)
    }

    /// Entries before this page.
    public var offset: Int { Paging.offset(page: page, perPage: perPage) }
}

public struct AuditPage: Sendable {
    public var entries: [AuditEntry]
    public var total: Int

    public init(entries: [AuditEntry], total: Int) {
        self.entries = entries
        self.total = total
    }
}
