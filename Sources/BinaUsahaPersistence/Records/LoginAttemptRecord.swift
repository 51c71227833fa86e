import FluentKit
import Foundation

/// One sign-in attempt by user name, for throttling guessed passwords.
final class LoginAttemptRecord: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username_key") var usernameKey: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "at") var at: Date

    init() {}
}
