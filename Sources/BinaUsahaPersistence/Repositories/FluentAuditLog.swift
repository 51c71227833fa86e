import BinaUsahaDomain
import FluentKit
import Foundation

/// The audit trail in `audit_log`. Only `append` writes; there is no update or delete.
public struct FluentAuditLog: AuditLog {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    public func append(_ entry: AuditEntry) async throws {
        try await AuditRecord(entry).create(on: database)
    }

    public func append(contentsOf entries: [AuditEntry]) async throws {
        for chunk in entries.chunked(into: 1_000) {
            try await chunk.map(AuditRecord.init).create(on: database)
        }
    }

    public func search(_ filter: AuditFilter) async throws -> AuditPage {
        let query = AuditRecord.query(on: database)
        if let actor = filter.actorName?.lowercased(), !actor.isEmpty { query.filter(\.$actorName == actor) }
        if let entity = filter.entity, !entity.isEmpty { query.filter(\.$entity == entity) }
        if let entityID = filter.entityID, !entityID.isEmpty { query.filter(\.$entityID == entityID) }
        if let action = filter.action { query.filter(\.$action == action.rawValue) }
        if let from = filter.from { query.filter(\.$at >= from) }
        if let until = filter.until { query.filter(\.$at < until) }
        if let region = filter.region {
            query.group(.or) { group in
                group.filter(\.$regionCode == region.rawValue)
                group.filter(\.$regionCode, .custom("LIKE"), region.rawValue + ".%")
                if filter.includeUnscoped { group.filter(\.$regionCode == nil) }
            }
        } else if !filter.includeUnscoped {
            query.filter(\.$regionCode != nil)
        }
        let total = try await query.count()
        let records = try await query.sort(\.$at, .descending).sort(\.$id)
            .offset(filter.offset).limit(filter.perPage).all()
        return AuditPage(entries: try records.map { try $0.toDomain() }, total: total)
    }
}
