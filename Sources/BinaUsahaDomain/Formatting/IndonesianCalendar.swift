import Foundation

/// Dates and times as the office writes them, in Western Indonesian Time (WIB, UTC+7),
/// the time zone of Sumatera Selatan: `Senin, 30 November 2026`, `Senin, 30 November 2026 08.30 WIB`.
public enum IndonesianCalendar {
    public static let wib = TimeZone(secondsFromGMT: 7 * 3600)!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = wib
        return calendar
    }()

    static let dayNames: [Lang: [String]] = [
        .id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        .en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    ]
    static let monthNames: [Lang: [String]] = [
        .id: [
            "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
            "Oktober", "November", "Desember",
        ],
        .en: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ],
    ]

    /// `November` — month 1–12 by name.
    public static func monthName(_ month: Int, _ language: Lang = .id) -> String { monthNames[language]![(month - 1 + 12) % 12] }

    /// `Senin, 30 November 2026`
    public static func longDate(_ date: Date, _ language: Lang = .id) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year], from: date)
        let day = dayNames[language]![parts.weekday! - 1]
        let month = monthNames[language]![parts.month! - 1]
        return "\(day), \(parts.day!) \(month) \(parts.year!)"
    }

    /// `Senin, 30 November 2026 08.30 WIB`
    public static func longDateTime(_ date: Date, _ language: Lang = .id) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let separator = language == .id ? "." : ":"
        let time = String(format: "%02d%@%02d", parts.hour!, separator, parts.minute!)
        return "\(longDate(date, language)) \(time) WIB"
    }

    /// `30-11-2026`, the short form used in tables.
    public static func shortDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d-%02d-%04d", parts.day!, parts.month!, parts.year!)
    }

    /// The instant of `date` at `time` (`HH:MM` or `HH.MM`) in WIB; `nil` for a bad time.
    public static func instant(_ date: CivilDate, time: String) -> Date? {
        let parts = TextFolding.trim(time).split(whereSeparator: { $0 == ":" || $0 == "." }).map { Int($0) }
        guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute))
    }
}
