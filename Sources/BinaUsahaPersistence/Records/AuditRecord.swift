import BinaUsahaDomain
import FluentKit
import Foundation

final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @OptionalField(key: "actor_role") var actorRole: String?
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @OptionalField(key: "region_code") var regionCode: String?
    @Field(key: "changes") var changes: String
    @OptionalField(key: "note") var note: String?

    init() {}

    init(_ entry: AuditEntry) {
        id = entry.id
        at = entry.at
        actorID = entry.actorID
        actorName = entry.actorName
        actorRole = entry.actorRole
        action = entry.action.rawValue
        entity = entry.entity
        entityID = entry.entityID
        regionCode = entry.region?.rawValue
        // Encoding these plain strings cannot fail.
        changes = (try? Stored.text(entry.changes)) ?? "[]"
        note = entry.note
    }

    func toDomain() throws -> AuditEntry {
        guard let id else { throw StoredValueError("audit_log.id", "?") }
        return AuditEntry(
            id: id, at: at, actorID: actorID, actorName: actorName, actorRole: actorRole,
            action: try Stored.value(action, "audit_log.action", of: id), entity: entity, entityID: entityID,
            region: regionCode.map(RegionCode.init(trusted:)),
            changes: try Stored.json(changes, as: [FieldChange].self, "audit_log.changes", of: id), note: note)
    }
}
