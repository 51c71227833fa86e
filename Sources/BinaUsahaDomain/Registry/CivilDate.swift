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
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso }

    /// Parses `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`.
    public init?(parsing text: String) {
        let trimmed = TextFolding.trim(text)
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        if parts[0].count == 4, !trimmed.contains("/") {
            self.init(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
        } else if parts[2].count == 4 {
            self.init(year: Int(parts[2])!, month: Int(parts[1])!, day: Int(parts[0])!)
        } else {
            return nil
        }
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
