import Foundation

/// Creates an account after checking the username, password and role–region fit; audited.
public struct CreateUser: Sendable {
    public let transactor: any Transactor
    public let clock: Clock
    public let hashPassword: @Sendable (String) async throws -> String

    public init(transactor: any Transactor, clock: Clock, hashPassword: @escaping @Sendable (String) async throws -> String) {
        self.transactor = transactor
        self.clock = clock
        self.hashPassword = hashPassword
    }

    public struct Input: Sendable {
        public var username: String
        public var displayName: String
        public var role: String
        public var region: String?
        public var password: String

        public init(username: String, displayName: String, role: String, region: String?, password: String) {
            self.username = username
            self.displayName = displayName
            self.role = role
            self.region = region
            self.password = password
        }
    }

    public func callAsFunction(_ input: Input, by actor: AuditActor) async throws -> User {
        let username = input.username.trimmingCharacters(in: .whitespaces).lowercased()
        try UserRules.validateUsername(username)
        guard let role = Role(rawValue: input.role) else { throw UserRuleError.unknownRole(input.role) }
        try UserRules.validatePassword(input.password, username: username)
        let hash = try await hashPassword(input.password)
        let name = input.displayName.trimmingCharacters(in: .whitespaces)
        let now = clock.now()
        do {
            return try await transactor.run { repositories in
                let region = try await resolveRegion(input.region, for: role, regions: repositories.regions)
                guard try await repositories.users.find(username: username) == nil else { throw UserRuleError.usernameTaken(username) }
                let user = User(username: username, displayName: name.isEmpty ? username : name, role: role, region: region, createdAt: now)
                try await repositories.users.create(user, passwordHash: hash)
                try await repositories.audit.record(
                    .create, by: actor, at: now, entity: "user", entityID: user.id.uuidString,
                    region: region, changes: FieldChange.diff([:], user.auditFields))
                return user
            }
        } catch WriteConflict.duplicate {
            throw UserRuleError.usernameTaken(username)
        }
    }
}

/// Reads the region typed for a user of `role` (empty means the whole province): it must fit
/// the role's level and exist.
func resolveRegion(_ text: String?, for role: Role, regions: any RegionRepository) async throws -> RegionCode? {
    guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
        try UserRules.validateRegion(nil, for: role)
        return nil
    }
    guard let code = try? RegionCode(validating: text) else { throw UserRuleError.unknownRegion(text) }
    try UserRules.validateRegion(code, for: role)
    guard try await regions.find(code) != nil else { throw UserRuleError.unknownRegion(text) }
    return code
}

extension User {
    /// The fields the audit trail records for a user (never the password).
    public var auditFields: [String: String?] {
        [
            "username": username, "display_name": displayName, "role": role.rawValue, "region": region?.rawValue,
            "active": isActive ? "ya" : "tidak",
        ]
    }
}
