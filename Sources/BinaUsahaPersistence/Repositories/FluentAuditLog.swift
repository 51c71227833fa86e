import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// The audit trail in `audit_log`. Only `append` writes; there is no update or delete.
public struct FluentAuditLog: AuditLog {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    public func append(_ entry: AuditEntry) async throws {
        try await AuditRecord(entry).create(on: database)
    }

    /// Many entries at once (an import batch's): multi-row inserts of plain values, without
    /// building a model per entry.
    public func append(contentsOf entries: [AuditEntry]) async throws {
        let sql = database as! any SQLDatabase
        let columns = ["id", "at", "actor_id", "actor_name", "actor_role", "action", "entity", "entity_id", "region_code", "changes", "note"]
        func changes(_ entry: AuditEntry) -> String { entry.changes.isEmpty ? "[]" : ((try? Stored.text(entry.changes)) ?? "[]") }
        let written = try await BulkRows.write(count: entries.count, into: AuditRecord.schema, columns: columns, on: database) {
            entries.map { entry -> [BulkRows.Field] in
                [
                    .uuid(entry.id), .date(entry.at), entry.actorID.map(BulkRows.Field.uuid) ?? .null, .text(entry.actorName),
                    .text(entry.actorRole), .text(entry.action.rawValue), .text(entry.entity), .text(entry.entityID),
                    .text(entry.region?.rawValue), .text(changes(entry)), .text(entry.note),
                ]
            }
        }
        if written { return }
        for chunk in entries.chunked(into: 1_000) {
            var insert = sql.insert(into: AuditRecord.schema).columns(columns.map { SQLIdentifier($0) })
            for entry in chunk {
                let changes = changes(entry)
                insert = insert.values(
                    SQLBind(entry.id), SQLBind(entry.at), SQLBind(entry.actorID), SQLBind(entry.actorName), SQLBind(entry.actorRole),
                    SQLBind(entry.action.rawValue), SQLBind(entry.entity), SQLBind(entry.entityID), SQLBind(entry.region?.rawValue),
                    SQLBind(changes), SQLBind(entry.note))
            }
            try await insert.run()
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
