import Foundation

/// A calendar date without time or zone (a birth date, a recording date). Stored as
/// `YYYY-MM-DD`, which sorts correctly as text on both databases.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year), (1800...9999).contains(year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`
    public var iso: String {
        // Built by hand: `String(format:)` was 4 % of a million-row import.
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
    public var description: String { iso }

    /// Parses `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`: ASCII digits only (a year of four,
    /// month and day of one or two), any other text is `nil`, never a trap.
    public init?(parsing text: String) {
        let trimmed = TextFolding.trim(text)
        guard trimmed.utf8.count <= 10 else { return nil }
        let slashed = trimmed.contains("/")
        let parts = trimmed.split(separator: slashed ? "/" : "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let first = Self.number(parts[0]), let second = Self.number(parts[1]),
            let third = Self.number(parts[2])
        else { return nil }
        if parts[0].utf8.count == 4, !slashed, parts[1].utf8.count <= 2, parts[2].utf8.count <= 2 {
            self.init(year: first, month: second, day: third)
        } else if parts[2].utf8.count == 4, parts[0].utf8.count <= 2, parts[1].utf8.count <= 2 {
            self.init(year: third, month: second, day: first)
        } else {
            return nil
        }
    }

    /// One to four ASCII digits as a number.
    static func number(_ text: Substring) -> Int? {
        guard (1...4).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return text.utf8.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The date in WIB at the given instant.
    public init(_ instant: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = IndonesianCalendar.wib
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Whole years from `self` to `other` (age on a date).
    public func years(until other: CivilDate) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `30 November 2026`
    public func long(_ lang: Lang = .id) -> String {
        "\(day) \(IndonesianCalendar.monthNames[lang]![month - 1]) \(year)"
    }
}
