import Foundation

/// Who is writing: a signed-in user, the command line, or the system itself.
public struct AuditActor: Sendable, Equatable {
    public var id: UUID?
    public var name: String
    public var role: String?

    public init(id: UUID?, name: String, role: String?) {
        self.id = id
        self.name = name
        self.role = role
    }

    public init(_ principal: Principal) {
        self.init(id: principal.userID, name: principal.username, role: principal.role.rawValue)
    }

    /// Work done with the `binausaha` command on the server.
    public static let commandLine = AuditActor(id: nil, name: "cli", role: nil)
}

extension AuditLog {
    /// Appends an entry stamped with `actor`.
    public func record(
        _ action: AuditAction, by actor: AuditActor, at: Date, entity: String, entityID: String?,
        region: RegionCode?, changes: [FieldChange] = [], note: String? = nil
    ) async throws {
        try await append(
            AuditEntry(
                at: at, actorID: actor.id, actorName: actor.name, actorRole: actor.role, action: action,
                entity: entity, entityID: entityID, region: region, changes: changes, note: note))
    }
}
