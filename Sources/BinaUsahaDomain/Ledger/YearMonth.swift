import Foundation

/// A calendar month (`2026-11`), the period of a group's production and sales ledger. Stored
/// as `YYYY-MM` text, which sorts correctly on both databases.
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (2000...2100).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month a day falls in.
    public init(_ date: CivilDate) {
        year = date.year
        month = date.month
    }

    /// The month an instant falls in, in WIB.
    public init(_ instant: Date) { self.init(CivilDate(instant)) }

    /// Parses `YYYY-MM` (ASCII digits only); anything else is `nil`, never a trap.
    public init?(parsing text: String) {
        let trimmed = TextFolding.trim(text)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard trimmed.utf8.count == 7, parts.count == 2, parts[0].utf8.count == 4, parts[1].utf8.count == 2,
            let year = CivilDate.number(parts[0]), let month = CivilDate.number(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `2026-11`
    public var text: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var description: String { text }

    /// `November 2026`
    public func label(_ lang: Lang) -> String { "\(IndonesianCalendar.monthName(month, lang)) \(year)" }

    public var previous: YearMonth { month == 1 ? YearMonth(year: year - 1, month: 12)! : YearMonth(year: year, month: month - 1)! }
    public var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1)! : YearMonth(year: year, month: month + 1)! }

    /// The `count` months ending with this one, oldest first.
    public func lastMonths(_ count: Int) -> [YearMonth] {
        var months = [self]
        while months.count < count, let first = months.first, first.year > 2000 || first.month > 1 { months.insert(first.previous, at: 0) }
        return months
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
