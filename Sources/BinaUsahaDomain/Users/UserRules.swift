/// Rules for accounts: who may be attached where, and what a password must be.
public enum UserRules {
    public static let minimumPasswordLength = 10

    public static func validateUsername(_ username: String) throws(UserRuleError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (3...40).contains(username.count), username.allSatisfy({ allowed.contains($0) }) else {
            throw .badUsername
        }
    }

    public static func validatePassword(_ password: String, username: String) throws(UserRuleError) {
        guard password.count >= minimumPasswordLength else { throw .passwordTooShort }
        guard password.lowercased() != username.lowercased() else { throw .passwordIsUsername }
    }

    /// A user's region must fit the role: an operator belongs to one kab/kota, a pendamping to a
    /// kecamatan or kab/kota, an admin to the province.
    public static func validateRegion(_ region: RegionCode?, for role: Role) throws(UserRuleError) {
        guard let region else {
            if role == .operatorKabkota || role == .pendamping { throw .regionRequired(role) }
            return
        }
        guard role.allowedRegionLevels.contains(region.level) else { throw .regionLevel(role, region.level) }
    }
}

public enum UserRuleError: Error, Equatable, Sendable, LocalizedMessage {
    case badUsername
    case usernameTaken(String)
    case passwordTooShort
    case passwordIsUsername
    case regionRequired(Role)
    case regionLevel(Role, RegionLevel)
    case unknownRegion(String)
    case unknownRole(String)
    case unknownUser(String)
    case wrongCurrentPassword
    case passwordsDiffer

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case .badUsername:
            return id ? "Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung."
                : "Username: 3–40 characters of lower-case letters, digits, dot, underscore or hyphen."
        case let .usernameTaken(name):
            return id ? "Nama pengguna \(name) sudah dipakai." : "Username \(name) is already taken."
        case .passwordTooShort:
            return id ? "Kata sandi minimal \(UserRules.minimumPasswordLength) karakter."
                : "The password needs at least \(UserRules.minimumPasswordLength) characters."
        case .passwordIsUsername:
            return id ? "Kata sandi tidak boleh sama dengan nama pengguna." : "The password must differ from the username."
        case let .regionRequired(role):
            return id ? "Peran \(role.label(.id)) harus diberi wilayah." : "Role \(role.label(.en)) needs a region."
        case let .regionLevel(role, level):
            let allowed = role.allowedRegionLevels.sorted().map { id ? $0.nameID : $0.rawValue }.joined(separator: " atau ")
            return id ? "Peran \(role.label(.id)) harus di tingkat \(allowed), bukan \(level.nameID)."
                : "Role \(role.label(.en)) must be at level \(allowed), not \(level.rawValue)."
        case let .unknownRegion(code):
            return id ? "Wilayah \(code) tidak ditemukan." : "Region \(code) not found."
        case let .unknownRole(role):
            let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
            return id ? "Peran '\(role)' tidak dikenal. Pilihan: \(roles)." : "Unknown role '\(role)'. Choose one of: \(roles)."
        case let .unknownUser(name):
            return id ? "Pengguna \(name) tidak ditemukan." : "User \(name) not found."
        case .wrongCurrentPassword:
            return id ? "Kata sandi lama salah." : "The current password is wrong."
        case .passwordsDiffer:
            return id ? "Kedua kata sandi baru tidak sama." : "The two new passwords differ."
        }
    }
}
