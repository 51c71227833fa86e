import Foundation

/// Changes a user's name, role, region or active flag; audited with before/after values.
/// Disabling a user, or changing their role or region, ends their sessions. One transaction.
public struct UpdateUser: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
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
        guard let role = Role(rawValue: input.role) else { throw UserRuleError.unknownRole(input.role) }
        let now = clock.now()
        return try await transactor.run { repositories in
            guard let before = try await repositories.users.find(id: id) else { throw UserRuleError.unknownUser(id.uuidString) }
            let region = try await resolveRegion(input.region, for: role, regions: repositories.regions)
            var after = before
            let name = input.displayName.trimmingCharacters(in: .whitespaces)
            after.displayName = name.isEmpty ? before.username : name
            after.role = role
            after.region = region
            after.isActive = input.isActive
            let changes = FieldChange.diff(before.auditFields, after.auditFields)
            guard !changes.isEmpty else { return before }
            try await repositories.users.update(after)
            if !after.isActive || after.role != before.role || after.region != before.region {
                try await repositories.credentials.endSignIns(of: id, except: nil)
            }
            try await repositories.audit.record(
                .update, by: actor, at: now, entity: "user", entityID: id.uuidString,
                region: region ?? before.region, changes: changes)
            return after
        }
    }
}
