import Foundation

/// Revokes a user's API tokens (all, or the ones named); audited one entry per token.
public struct RevokeTokens: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    public func callAsFunction(username: String, ids: [UUID]?, by actor: AuditActor) async throws -> [APIToken] {
        let now = clock.now()
        return try await transactor.run { repositories in
            guard let user = try await repositories.users.find(username: username.lowercased()) else { throw UserRuleError.unknownUser(username) }
            let revoked = try await repositories.credentials.revokeTokens(of: user.id, ids: ids, at: now)
            for token in revoked {
                try await repositories.audit.record(
                    .tokenRevoke, by: actor, at: now, entity: "api_token", entityID: token.id.uuidString,
                    region: user.region, note: token.label)
            }
            return revoked
        }
    }
}
