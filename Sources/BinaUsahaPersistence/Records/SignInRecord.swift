import FluentKit
import Foundation

/// A browser sign-in: the hash of its cookie token, its CSRF token and when it ends. (Not a
/// coaching session: those are `CoachingSession`.)
final class SignInRecord: Model, @unchecked Sendable {
    static let schema = "sign_ins"

    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
