import Foundation

/// Nomor Induk Kependudukan: 16 digits `PPKKCC DDMMYY NNNN` (DOMAIN.md §3.1).
/// Digits 1–6: kecamatan where the NIK was first registered; 7–8 day of birth (+40 for
/// women); 9–10 month; 11–12 year; 13–16 serial from 0001. There is no check digit.
public struct NIK: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public let sex: Sex
    /// The birth date written into the number (century chosen so it is not in the future).
    public let birthDate: CivilDate
    /// `PP.KK.CC` of the registering kecamatan.
    public var regionPrefix: RegionCode { RegionCode(trusted: Self.dotted(value.prefix(6))) }

    public var description: String { value }

    /// Validates structure; `today` decides the century of the two-digit year.
    public init(validating text: String, today: CivilDate) throws(NIKError) {
        let digits = TextFolding.trim(text)
        guard digits.count == 16, digits.allSatisfy(\.isASCIIDigit) else { throw .notSixteenDigits }
        let d = Array(digits).map { Int(String($0))! }
        var day = d[6] * 10 + d[7]
        let month = d[8] * 10 + d[9]
        let year2 = d[10] * 10 + d[11]
        let serial = d[12] * 1000 + d[13] * 100 + d[14] * 10 + d[15]
        var sex = Sex.lakiLaki
        if (41...71).contains(day) {
            sex = .perempuan
            day -= 40
        } else if !(1...31).contains(day) {
            throw .badDay(day)
        }
        guard (1...12).contains(month) else { throw .badMonth(month) }
        var year = 2000 + year2
        if let date = CivilDate(year: year, month: month, day: day), date > today { year -= 100 }
        guard let birth = CivilDate(year: year, month: month, day: day) else { throw .notADate(day: day, month: month) }
        guard serial >= 1 else { throw .zeroSerial }
        value = digits
        self.sex = sex
        birthDate = birth
    }

    static func dotted(_ six: Substring) -> String {
        let c = Array(six)
        return "\(c[0])\(c[1]).\(c[2])\(c[3]).\(c[4])\(c[5])"
    }
}

public enum NIKError: Error, Equatable, Sendable, LocalizedMessage {
    case notSixteenDigits
    case badDay(Int)
    case badMonth(Int)
    case notADate(day: Int, month: Int)
    case zeroSerial

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.notSixteenDigits, .id): "NIK harus tepat 16 angka"
        case (.notSixteenDigits, .en): "NIK must be exactly 16 digits"
        case let (.badDay(day), .id): "digit tanggal lahir NIK (\(String(format: "%02d", day))) harus 01–31 (laki-laki) atau 41–71 (perempuan)"
        case let (.badDay(day), .en): "NIK birth-day digits (\(String(format: "%02d", day))) must be 01–31 (men) or 41–71 (women)"
        case let (.badMonth(month), .id): "digit bulan lahir NIK (\(String(format: "%02d", month))) harus 01–12"
        case let (.badMonth(month), .en): "NIK birth-month digits (\(String(format: "%02d", month))) must be 01–12"
        case let (.notADate(day, month), .id): "tanggal lahir di NIK (\(day)/\(month)) bukan tanggal yang ada"
        case let (.notADate(day, month), .en): "the birth date in the NIK (\(day)/\(month)) does not exist"
        case (.zeroSerial, .id): "nomor urut NIK (4 digit terakhir) tidak boleh 0000"
        case (.zeroSerial, .en): "the NIK serial (last 4 digits) must not be 0000"
        }
    }
}

public enum Sex: String, Sendable, Codable, CaseIterable {
    case lakiLaki = "L"
    case perempuan = "P"
}
