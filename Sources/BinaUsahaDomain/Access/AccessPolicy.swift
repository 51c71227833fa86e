/// The outcome of asking a policy.
public enum AccessDecision: Sendable, Equatable {
    case allow
    /// Nobody is signed in: sign in first (401 for the API, the log-in page for the site).
    case unauthenticated
    /// Signed in, but this user may not (403).
    case forbidden
}

/// A named access rule attached to a route in `routes.swift`. Every route declares one.
public protocol AccessPolicy: Sendable {
    /// A short name shown by the route table and the tests.
    var name: String { get }
    func decide(for principal: Principal?) -> AccessDecision
}

/// Passes for everyone, signed in or not. Only for pages without personal data.
public struct PublicAccess: AccessPolicy {
    public init() {}
    public var name: String { "public" }
    public func decide(for principal: Principal?) -> AccessDecision { .allow }
}

/// Passes for any signed-in user, whatever the role.
public struct SignedInPolicy: AccessPolicy {
    public init() {}
    public var name: String { "signed-in" }
    public func decide(for principal: Principal?) -> AccessDecision { principal == nil ? .unauthenticated : .allow }
}

/// Passes only when the user's role grants `permission`.
public struct PermissionPolicy: AccessPolicy {
    public let permission: Permission
    public init(_ permission: Permission) { self.permission = permission }
    public var name: String { "permission:\(permission.rawValue)" }
    public func decide(for principal: Principal?) -> AccessDecision {
        guard let principal else { return .unauthenticated }
        return principal.may(permission) ? .allow : .forbidden
    }
}

/// Passes only when the user's region contains the record's region. Applied to each record
/// a handler loads, after the route's own policy.
public struct RegionContainmentPolicy: Sendable {
    public init() {}
    public func decide(for principal: Principal?, recordRegion: RegionCode?) -> AccessDecision {
        guard let principal else { return .unauthenticated }
        return principal.covers(recordRegion) ? .allow : .forbidden
    }
}
