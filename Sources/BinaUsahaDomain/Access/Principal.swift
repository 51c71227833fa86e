import Foundation

/// The signed-in user a request acts for.
public struct Principal: Sendable, Equatable {
    public var userID: UUID
    public var username: String
    public var role: Role
    /// The region the user works in; the whole province when `nil`.
    public var region: RegionCode?

    public init(userID: UUID, username: String, role: Role, region: RegionCode?) {
        self.userID = userID
        self.username = username
        self.role = role
        self.region = region
    }

    public func may(_ permission: Permission) -> Bool { role.permissions.contains(permission) }

    /// True when the user's region contains `code` (a province-wide user contains everything).
    public func covers(_ code: RegionCode?) -> Bool {
        guard let region else { return true }
        guard let code else { return false }
        return region.contains(code)
    }

    /// Whether NIK, KK, phone and address of a person living in `region` are shown unmasked.
    public func seesPersonalData(in region: RegionCode?) -> Bool {
        may(.readPersonalData) && covers(region)
    }
}
