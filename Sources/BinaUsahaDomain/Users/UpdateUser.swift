import Foundation

/// Changes a user's name, role, region or active flag; audited with before/after values.
/// Disabling a user ends their sessions.
public struct UpdateUser: Sendable {
    public let users: any UserRepository
    public let credentials: any CredentialRepository
    public let regions: any RegionRepository
    public let audit: any AuditLog
    public let clock: Clock

    public init(users: any UserRepository, credentials: any CredentialRepository, regions: any RegionRepository,
                audit: any AuditLog, clock: Clock) {
        self.users = users
        self.credentials = credentials
        self.regions = regions
        self.audit = audit
        self.clock = clock
    }

    public struct Input: Sendable {
        public var displayName: String
        public var role: String
        public var region: String?
        public var isActive: Bool

        public init(displayName: String, role: String, region: String?, isActive: Bool) {
            self.displayName = displayName
            self.role = role
            self.region = region
            self.isActive = isActive
        }
    }

    public func callAsFunction(_ id: UUID, _ input: Input, by actor: AuditActor) async throws -> User {
        guard let before = try await users.find(id: id) else { throw UserRuleError.unknownUser(id.uuidString) }
        guard let role = Role(rawValue: input.role) else { throw UserRuleError.unknownRole(input.role) }
        let region = try await resolveRegion(input.region, for: role, regions: regions)
        var after = before
        let name = input.displayName.trimmingCharacters(in: .whitespaces)
        after.displayName = name.isEmpty ? before.username : name
        after.role = role
        after.region = region
        after.isActive = input.isActive
        let changes = FieldChange.diff(before.auditFields, after.auditFields)
        guard !changes.isEmpty else { return before }
        try await users.update(after)
        if !after.isActive || after.role != before.role || after.region != before.region {
            try await credentials.deleteSessions(of: id)
        }
        try await audit.record(.update, by: actor, at: clock.now(), entity: "user", entityID: id.uuidString,
                               region: region ?? before.region, changes: changes)
        return after
    }
}
