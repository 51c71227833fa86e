import Foundation

/// Issues an API token for a user: the secret is shown once, only its hash is kept; the token
/// expires after `days` (90 unless asked, at most 365). Audited.
public struct IssueToken: Sendable {
    public let transactor: any Transactor
    public let secrets: Secrets
    public let clock: Clock

    public init(transactor: any Transactor, secrets: Secrets, clock: Clock) {
        self.transactor = transactor
        self.secrets = secrets
        self.clock = clock
    }

    /// Returns the token's record and its secret.
    public func callAsFunction(
        username: String, label: String, days: Int = APIToken.defaultLifetimeDays, by actor: AuditActor
    )
        async throws -> (token: APIToken, secret: String)
    {
        guard (1...APIToken.maximumLifetimeDays).contains(days) else { throw UserRuleError.tokenLifetime(days) }
        let secret = "bu_" + secrets.make()
        let now = clock.now()
        let token = try await transactor.run { repositories in
            guard let user = try await repositories.users.find(username: username.lowercased()), user.isActive else {
                throw UserRuleError.unknownUser(username)
            }
            let token = APIToken(userID: user.id, label: label, createdAt: now, expiresAt: now.addingTimeInterval(Double(days) * 86_400))
            try await repositories.credentials.createToken(token, tokenHash: secrets.hash(secret))
            try await repositories.audit.record(
                .tokenCreate, by: actor, at: now, entity: "api_token", entityID: token.id.uuidString,
                region: user.region,
                changes: [
                    FieldChange(field: "user", before: nil, after: user.username),
                    FieldChange(field: "expires_at", before: nil, after: IndonesianCalendar.longDateTime(token.expiresAt)),
                ], note: label)
            return token
        }
        return (token, secret)
    }
}
