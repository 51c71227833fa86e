import Foundation

/// Nomor Kartu Keluarga: 16 digits `PPKKCC DDMMYY NNNN` — issuing kecamatan, the date the KK
/// was recorded (no +40), and a family serial from 0001 (DOMAIN.md §3.2).
public struct NomorKK: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public let recordedOn: CivilDate
    public var regionPrefix: RegionCode { RegionCode(trusted: NIK.dotted(value.prefix(6))) }
    public var description: String { value }

    public init(validating text: String, today: CivilDate) throws(NomorKKError) {
        let digits = TextFolding.trim(text)
        guard digits.count == 16, digits.allSatisfy(\.isASCIIDigit) else { throw .notSixteenDigits }
        let d = Array(digits).map { Int(String($0))! }
        let day = d[6] * 10 + d[7], month = d[8] * 10 + d[9], year2 = d[10] * 10 + d[11]
        let serial = d[12] * 1000 + d[13] * 100 + d[14] * 10 + d[15]
        var year = 2000 + year2
        if let date = CivilDate(year: year, month: month, day: day), date > today { year -= 100 }
        guard let recorded = CivilDate(year: year, month: month, day: day) else { throw .badDate }
        guard serial >= 1 else { throw .zeroSerial }
        value = digits
        recordedOn = recorded
    }
}

public enum NomorKKError: Error, Equatable, Sendable, LocalizedMessage {
    case notSixteenDigits
    case badDate
    case zeroSerial

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.notSixteenDigits, .id): "nomor KK harus tepat 16 angka"
        case (.notSixteenDigits, .en): "the KK number must be exactly 16 digits"
        case (.badDate, .id): "tanggal pencatatan di nomor KK (digit 7–12) bukan tanggal yang ada"
        case (.badDate, .en): "the recording date in the KK number (digits 7–12) does not exist"
        case (.zeroSerial, .id): "nomor urut KK (4 digit terakhir) tidak boleh 0000"
        case (.zeroSerial, .en): "the KK serial (last 4 digits) must not be 0000"
        }
    }
}
