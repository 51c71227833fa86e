import Foundation

/// A person who signs in to BinaUsaha.
public struct User: Sendable, Equatable {
    public var id: UUID
    public var username: String
    public var displayName: String
    public var role: Role
    public var region: RegionCode?
    public var isActive: Bool
    public var createdAt: Date

    public init(
        id: UUID = UUID(), username: String, displayName: String, role: Role, region: RegionCode?,
        isActive: Bool = true, createdAt: Date
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.region = region
        self.isActive = isActive
        self.createdAt = createdAt
    }

    public var principal: Principal { Principal(userID: id, username: username, role: role, region: region) }
}

/// A user with the stored password hash, for log-in only.
public struct UserCredentials: Sendable {
    public var user: User
    public var passwordHash: String

    public init(user: User, passwordHash: String) {
        self.user = user
        self.passwordHash = passwordHash
    }
}
