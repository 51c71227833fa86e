/// An amount of money in whole Rupiah. Stored as an integer: the office never deals in sen.
public struct Rupiah: Hashable, Sendable, Comparable, Codable {
    public var amount: Int64

    public init(_ amount: Int64) { self.amount = amount }

    /// `Rp 1.250.000`, `-Rp 5.000` — the way Indonesian documents write money.
    public var formatted: String {
        (amount < 0 ? "-" : "") + "Rp " + formatCount(amount.magnitude)
    }

    public static func < (lhs: Rupiah, rhs: Rupiah) -> Bool { lhs.amount < rhs.amount }
}

/// `1.250.000`: a whole number with its thousands grouped by dots, as Indonesian text writes it.
public func formatCount(_ value: some BinaryInteger) -> String {
    let digits = String(value.magnitude)
    var grouped = value < 0 ? "-" : ""
    for (offset, character) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(".") }
        grouped.append(character)
    }
    return grouped
}
