import BinaUsahaDomain
import FluentKit
import Foundation

public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    // managed
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @OptionalField(key: "region_code") var regionCode: String?
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "created_at") var createdAt: Date

    public init() {}

    init(_ user: User, passwordHash: String) {
        id = user.id
        self.passwordHash = passwordHash
        createdAt = user.createdAt
        apply(user)
    }

    func apply(_ user: User) {
        username = user.username
        displayName = user.displayName
        role = user.role.rawValue
        regionCode = user.region?.rawValue
        isActive = user.isActive
    }

    func toDomain() throws -> User {
        guard let id else { throw StoredValueError("users.id", username) }
        return User(
            id: id, username: username, displayName: displayName, role: try Stored.value(role, "users.role", of: id),
            region: regionCode.map(RegionCode.init(trusted:)), isActive: isActive, createdAt: createdAt)
    }
}
