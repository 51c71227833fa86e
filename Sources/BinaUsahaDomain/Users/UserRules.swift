/// Rules for accounts: who may be attached where, and what a password must be.
public enum UserRules {
    public static let minimumPasswordLength = 10

    public static func validateUsername(_ username: String) throws(UserRuleError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (3...40).contains(username.count), username.allSatisfy({ allowed.contains($0) }) else {
            throw .badUsername
        }
    }

    /// bcrypt reads only the first 72 bytes: a longer password would not count whole.
    public static let maximumPasswordBytes = 72

    /// Passwords that pass the length rule and are guessed first.
    static let common: Set<String> = [
        "1234567890", "12345678910", "0123456789", "qwertyuiop", "asdfghjkl;", "password123", "passw0rd123", "katasandi",
        "katasandi123", "rahasia123", "rahasia1234", "bismillah", "bismillah123", "indonesia", "indonesia123", "indonesia45",
        "merdeka1945", "dinsos12345", "dinassosial", "palembang123", "sumsel12345", "administrator", "admin12345", "iloveyou123",
        "sayangku123", "1q2w3e4r5t", "qwerty12345", "abcdefghij", "abc1234567",
    ]

    /// At least 10 characters and at most 72 bytes, all of them counting; not spaces, not one
    /// repeated character or a run like 1234567890, not only digits, at least five different
    /// characters, not the username or a well-known password.
    public static func validatePassword(_ password: String, username: String) throws(UserRuleError) {
        guard password.count >= minimumPasswordLength else { throw .passwordTooShort }
        guard password.utf8.count <= maximumPasswordBytes else { throw .passwordTooLong }
        let lowered = password.lowercased()
        guard !lowered.contains(username.lowercased()) || username.isEmpty else { throw .passwordIsUsername }
        let meaningful = password.filter { !$0.isWhitespace }
        guard meaningful.count >= minimumPasswordLength, Set(meaningful).count >= 5, !meaningful.allSatisfy(\.isASCIIDigit),
            !isRun(meaningful), !common.contains(lowered)
        else { throw .passwordTooWeak }
    }

    /// `1234567890`, `abcdefghij`, `9876543210`: each character one after the other.
    static func isRun(_ text: String) -> Bool {
        let values = text.unicodeScalars.map(\.value)
        guard values.count > 2 else { return false }
        let steps = Set(zip(values, values.dropFirst()).map { Int($1) - Int($0) })
        return steps == [1] || steps == [-1]
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
    case passwordTooLong
    case passwordTooWeak
    case tokenLifetime(Int)
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
            return id
                ? "Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung."
                : "Username: 3–40 characters of lower-case letters, digits, dot, underscore or hyphen."
        case let .usernameTaken(name):
            return id ? "Nama pengguna \(name) sudah dipakai." : "Username \(name) is already taken."
        case .passwordTooShort:
            return id
                ? "Kata sandi minimal \(UserRules.minimumPasswordLength) karakter."
                : "The password needs at least \(UserRules.minimumPasswordLength) characters."
        case .passwordIsUsername:
            return id ? "Kata sandi tidak boleh memuat nama pengguna." : "The password must not contain the username."
        case .passwordTooLong:
            return id
                ? "Kata sandi paling panjang \(UserRules.maximumPasswordBytes) byte (huruf beraksen dihitung 2–4 byte)."
                : "The password may be at most \(UserRules.maximumPasswordBytes) bytes long (accented letters count 2–4 bytes)."
        case let .tokenLifetime(days):
            return id
                ? "Masa berlaku token \(days) hari tidak boleh; pilih 1–\(APIToken.maximumLifetimeDays) hari."
                : "A token lifetime of \(days) days is not allowed; choose 1–\(APIToken.maximumLifetimeDays) days."
        case .passwordTooWeak:
            return id
                ? "Kata sandi terlalu mudah ditebak: pakai sedikitnya 10 karakter yang bukan spasi, bukan hanya angka atau urutan (1234567890), dengan sedikitnya 5 karakter berbeda. Contoh yang baik: tiga kata acak dengan tanda hubung."
                : "The password is too easy to guess: use at least 10 characters that are not spaces, not only digits or a run (1234567890), with at least 5 different characters. A good example: three random words joined by hyphens."
        case let .regionRequired(role):
            return id ? "Peran \(role.label(.id)) harus diberi wilayah." : "Role \(role.label(.en)) needs a region."
        case let .regionLevel(role, level):
            let allowed = role.allowedRegionLevels.sorted().map { id ? $0.nameID : $0.rawValue }.joined(separator: " atau ")
            return id
                ? "Peran \(role.label(.id)) harus di tingkat \(allowed), bukan \(level.nameID)."
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
