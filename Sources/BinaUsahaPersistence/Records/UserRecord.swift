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

final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "label") var label: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}
}

final class LoginAttemptRecord: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username_key") var usernameKey: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "at") var at: Date

    init() {}
}
