import FluentKit
import Foundation

/// A token for the JSON API, stored as a hash; revoked or expired tokens stay for the audit.
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
