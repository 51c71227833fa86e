import BinaUsahaDomain
import Foundation
import Testing

@Suite("Indonesian formatting")
struct FormattingTests {
    @Test(
        "Rupiah are grouped with dots",
        arguments: [
            (Int64(1_250_000), "Rp 1.250.000"), (0, "Rp 0"), (999, "Rp 999"), (1_000, "Rp 1.000"),
            (-5_000, "-Rp 5.000"), (20_000_000_000, "Rp 20.000.000.000"),
        ])
    func rupiah(amount: Int64, text: String) {
        #expect(Rupiah(amount).formatted == text)
    }

    @Test("Dates are written in Indonesian, in WIB")
    func longDate() {
        let mondayMorning = Date(timeIntervalSince1970: 1_796_000_400)  // 2026-11-30 01:00 UTC
        #expect(IndonesianCalendar.longDate(mondayMorning) == "Senin, 30 November 2026")
        #expect(IndonesianCalendar.longDateTime(mondayMorning) == "Senin, 30 November 2026 08.00 WIB")
        #expect(IndonesianCalendar.longDate(mondayMorning, .en) == "Monday, 30 November 2026")
    }

    @Test("A UTC evening is already the next day in WIB")
    func dayBoundary() {
        let sundayEveningUTC = Date(timeIntervalSince1970: 1_796_000_400 - 7 * 3600)  // 2026-11-29 18:00 UTC
        #expect(IndonesianCalendar.longDate(sundayEveningUTC) == "Senin, 30 November 2026")
        #expect(IndonesianCalendar.shortDate(sundayEveningUTC) == "30-11-2026")
    }
}
