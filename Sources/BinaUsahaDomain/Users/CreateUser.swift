import Foundation

/// Creates an account after checking the username, password and role–region fit; audited.
public struct CreateUser: Sendable {
    public let users: any UserRepository
    public let regions: any RegionRepository
    public let audit: any AuditLog
    public let clock: Clock
    public let hashPassword: @Sendable (String) async throws -> String

    public init(users: any UserRepository, regions: any RegionRepository, audit: any AuditLog, clock: Clock,
                hashPassword: @escaping @Sendable (String) async throws -> String) {
        self.users = users
        self.regions = regions
        self.audit = audit
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
        let region = try await resolveRegion(input.region, for: role, regions: regions)
        try UserRules.validatePassword(input.password, username: username)
        guard try await users.find(username: username) == nil else { throw UserRuleError.usernameTaken(username) }

        let name = input.displayName.trimmingCharacters(in: .whitespaces)
        let user = User(username: username, displayName: name.isEmpty ? username : name, role: role, region: region,
                        createdAt: clock.now())
        try await users.create(user, passwordHash: try await hashPassword(input.password))
        try await audit.record(.create, by: actor, at: clock.now(), entity: "user", entityID: user.id.uuidString,
                               region: region, changes: FieldChange.diff([:], user.auditFields))
        return user
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
        ["username": username, "display_name": displayName, "role": role.rawValue, "region": region?.rawValue,
         "active": isActive ? "ya" : "tidak"]
    }
}
