import Foundation

/// One line of the audit trail: who did what to which record, when, and what changed.
public struct AuditEntry: Sendable, Equatable {
    public var id: UUID
    public var at: Date
    public var actorID: UUID?
    /// The username, or `cli` / `sistem` for work done from the command line or by the system.
    public var actorName: String
    public var actorRole: String?
    public var action: AuditAction
    public var entity: String
    public var entityID: String?
    /// The region the record belongs to, for scoped reading of the trail.
    public var region: RegionCode?
    public var changes: [FieldChange]
    /// Free text: counts of an import, the reason of a decision.
    public var note: String?

    public init(
        id: UUID = .timeOrdered(), at: Date, actorID: UUID?, actorName: String, actorRole: String?, action: AuditAction,
        entity: String, entityID: String?, region: RegionCode?, changes: [FieldChange] = [], note: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.actorName = actorName
        self.actorRole = actorRole
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.region = region
        self.changes = changes
        self.note = note
    }
}

public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case create, update, delete, login, logout
    case loginFailed = "login_failed"
    case export, `import`
    case tokenCreate = "token_create"
    case tokenRevoke = "token_revoke"
    case passwordChange = "password_change"
    case backup, restore
    /// A deleted person put back from the "Dihapus" list.
    case undelete

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.create, .id): "buat"
        case (.update, .id): "ubah"
        case (.delete, .id): "hapus"
        case (.login, .id): "masuk"
        case (.logout, .id): "keluar"
        case (.loginFailed, .id): "gagal masuk"
        case (.export, .id): "ekspor"
        case (.import, .id): "impor"
        case (.tokenCreate, .id): "buat token API"
        case (.tokenRevoke, .id): "cabut token API"
        case (.passwordChange, .id): "ganti kata sandi"
        case (.backup, .id): "cadangkan basis data"
        case (.restore, .id): "pulihkan basis data"
        case (.undelete, .id): "pulihkan dari daftar Dihapus"
        case (_, .en): rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}

/// A field's value before and after a write (`nil` when absent).
public struct FieldChange: Sendable, Equatable, Codable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The fields that differ between two snapshots of a record.
    public static func diff(_ before: [String: String?], _ after: [String: String?]) -> [FieldChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { field in
            let old = before[field] ?? nil
            let new = after[field] ?? nil
            return old == new ? nil : FieldChange(field: field, before: old, after: new)
        }
    }
}
