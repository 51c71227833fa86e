import Foundation

/// A person taken out of the register, with why, when and by whom. The record waits in the
/// "Dihapus" list for `keptFor`, restorable by an operator of its region, and is then erased
/// for good (its audit entries stay).
public struct DeletedBeneficiary: Sendable, Equatable {
    public static let keptFor: TimeInterval = 30 * 86_400
    /// A reason is a sentence someone can act on later, not a tick.
    public static let reasonLength = 5...500

    public var beneficiary: Beneficiary
    public var reason: String
    public var deletedAt: Date
    public var deletedBy: String

    public init(beneficiary: Beneficiary, reason: String, deletedAt: Date, deletedBy: String) {
        self.beneficiary = beneficiary
        self.reason = reason
        self.deletedAt = deletedAt
        self.deletedBy = deletedBy
    }

    /// The last moment it can be restored.
    public var restorableUntil: Date { deletedAt.addingTimeInterval(Self.keptFor) }

    /// Whether the reason typed is one the list can keep: trimmed, 5–500 characters, no
    /// control characters other than line breaks.
    public static func validReason(_ text: String?) -> String? {
        let reason = TextFolding.trim(text ?? "")
        guard reasonLength.contains(reason.count), !TextFolding.containsControlCharacters(reason) else { return nil }
        return reason
    }
}
