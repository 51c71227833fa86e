import Foundation
import Testing

@testable import BinaUsahaPersistence

@Suite("COPY rows for PostgreSQL")
struct PostgresCopyTests {
    @Test("Timestamps are UTC with microseconds, also before 1970 and on leap days")
    func timestamps() {
        #expect(PostgresCopy.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00.000000+00")
        #expect(PostgresCopy.timestamp(Date(timeIntervalSince1970: 1_796_000_400.25)) == "2026-11-30 01:00:00.250000+00")
        #expect(PostgresCopy.timestamp(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00.000000+00")
        #expect(PostgresCopy.timestamp(Date(timeIntervalSince1970: -1.5)) == "1969-12-31 23:59:58.500000+00")
        // the same as Foundation's calendar for many instants
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for seconds in stride(from: -2_208_988_800.0, to: 4_102_444_800, by: 86_400 * 37.3) {
            let date = Date(timeIntervalSince1970: seconds.rounded())
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d-%02d-%02d %02d:%02d:%02d.000000+00", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
                parts.second!)
            #expect(PostgresCopy.timestamp(date) == expected)
        }
    }

    @Test("Backslash, tab and line ends are escaped; NULL is \\N; fields are tab-separated")
    func escapes() {
        let line = PostgresCopy.line([.text("a\\b\tc\nd\re"), .null, .bool(true), .int(-7), .text(nil), .text("Sri Ayu")])
        #expect(line == "a\\\\b\\tc\\nd\\re\t\\N\tt\t-7\t\\N\tSri Ayu\n")
    }
}
