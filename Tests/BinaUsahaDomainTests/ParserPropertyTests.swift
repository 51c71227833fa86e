import BinaUsahaDomain
import Foundation
import Testing

/// Every function that reads outside input gets thousands of random strings and numbers —
/// other scripts' digits, `½`, control characters, 10,000-character strings, `Int.max` — and
/// must answer with a value or a typed error, never trap. Where it answers with a value, the
/// value keeps its promise (it round-trips, it has the right shape).
@Suite("Parser properties")
struct ParserPropertyTests {
    /// A seeded generator of hostile text, so that a failure can be replayed.
    struct Hostile: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        static let pieces: [String] = [
            "0", "1", "9", "12", "2026", "1990", "16", "02", "31", "32", "00", "-", "/", ".", ",", ";", ":", " ", "\t", "\n", "\r", "\"", "'",
            "١", "٢", "٩", "١٩٩٠", "１", "９", "１９９０", "½", "²", "Ⅻ", "𝟗", "\u{0}", "\u{7}", "\u{1B}", "\u{202E}", "\u{FEFF}", "e\u{301}", "🙂",
            "Rp", "rp", "Rp ", ".000", ",00", ",-", "+62", "62", "08", "KUBE", "uep", "ya", "tidak", "L", "P", "Siti", "%", "_", "=", "<", ">", "&",
            String(Int.max), String(Int.min), "99999999999999999999", "-1", "-0", "1e9", "0x10", "NaN", "inf", "9223372036854775808",
            "16.02.03.2007", "1602035204850001", "1602031504120001", "16.", "..", "16.02.03.2007.1", "000000",
        ]

        mutating func string() -> String {
            switch Int.random(in: 0..<20, using: &self) {
            case 0: return String(repeating: Self.pieces.randomElement(using: &self)!, count: Int.random(in: 100...2_500, using: &self))
            case 1:
                return String(
                    decoding: (0..<Int.random(in: 0...40, using: &self)).map { _ in UInt8.random(in: 0...255, using: &self) },
                    as: UTF8.self)
            default: return (0..<Int.random(in: 0...8, using: &self)).map { _ in Self.pieces.randomElement(using: &self)! }.joined()
            }
        }

        mutating func int() -> Int {
            [Int.max, Int.min, 0, -1, 1, Int.random(in: Int.min...Int.max, using: &self), Int.random(in: -1_000...1_000_000, using: &self)]
                .randomElement(using: &self)!
        }
    }

    static let rounds = 4_000
    static let today = CivilDate(year: 2026, month: 11, day: 30)!

    @Test("Dates: a value or nil, and every value is a real date that reads back the same")
    func dates() {
        var random = Hostile(seed: 1)
        for _ in 0..<Self.rounds {
            let text = random.string()
            if let date = CivilDate(parsing: text) {
                #expect(CivilDate(parsing: date.iso) == date, "\(text.debugDescription)")
                #expect((1800...9999).contains(date.year))
            }
        }
        #expect(CivilDate(parsing: "01-99999999999999999999-1990") == nil)
        #expect(CivilDate(parsing: "١٩٩٠-٠١-٠١") == nil && CivilDate(parsing: "１９９０-01-01") == nil)
        #expect(CivilDate(parsing: "1990-01-31") == CivilDate(year: 1990, month: 1, day: 31))
        #expect(CivilDate(parsing: "31/01/1990") == CivilDate(year: 1990, month: 1, day: 31))
    }

    @Test("NIK and KK: a typed error or sixteen ASCII digits with a birth date in the past")
    func identityNumbers() {
        var random = Hostile(seed: 2)
        for _ in 0..<Self.rounds {
            let text = random.string()
            if let nik = try? NIK(validating: text, today: Self.today) {
                #expect(nik.value.count == 16 && nik.value.allSatisfy(\.isASCIIDigit))
                #expect(nik.birthDate <= Self.today)
            }
            if let kk = try? NomorKK(validating: text, today: Self.today) {
                #expect(kk.value.count == 16 && kk.value.allSatisfy(\.isASCIIDigit))
            }
        }
    }

    @Test("Rupiah: a non-negative amount or nil; a formatted amount reads back the same")
    func rupiah() {
        var random = Hostile(seed: 3)
        for _ in 0..<Self.rounds {
            if let amount = RupiahParsing.parse(random.string()) { #expect(amount.amount >= 0) }
            let number = Int64(truncatingIfNeeded: random.int()).magnitude % 1_000_000_000_000_000
            let money = Rupiah(Int64(number))
            #expect(RupiahParsing.parse(money.formatted) == money, "\(money.formatted)")
        }
    }

    @Test("Region codes: a typed error or a code whose text validates again and whose parent is one level up")
    func regionCodes() {
        var random = Hostile(seed: 4)
        for _ in 0..<Self.rounds {
            let text = random.string()
            if let code = try? RegionCode(validating: text) {
                #expect((try? RegionCode(validating: code.rawValue)) == code)
                if let parent = code.parent { #expect(parent.contains(code)) }
            }
        }
    }

    @Test("Page numbers of any size give an offset that does not overflow")
    func paging() {
        var random = Hostile(seed: 5)
        for _ in 0..<Self.rounds {
            let page = random.int()
            let perPage = Int.random(in: -5...600, using: &random)
            let offset = Paging.offset(page: page, perPage: perPage)
            #expect(offset >= 0)
            #expect(Paging.pageCount(total: abs(random.int() % 1_000_000_000), perPage: perPage) >= 1)
            #expect(BeneficiaryQuery(page: page, perPage: perPage).offset >= 0)
            #expect(AuditFilter(page: page, perPage: perPage).offset >= 0)
        }
    }

    @Test("Times, phones and free text: values or nil, never a trap")
    func smallParsers() {
        var random = Hostile(seed: 6)
        for _ in 0..<Self.rounds {
            let text = random.string()
            _ = IndonesianCalendar.instant(Self.today, time: text)
            if let phone = BeneficiaryRowValidator.normalizePhone(text) {
                #expect(phone.hasPrefix("0") && phone.allSatisfy(\.isASCIIDigit) && (9...14).contains(phone.count))
            }
            _ = TextFolding.fold(text)
            _ = TextFolding.trim(text)
            _ = CSVText.line([text, text])
            #expect(!"=+-@".contains(CSVText.neutralised(text).first(where: { $0 != " " }) ?? "x") || CSVText.neutralised(text).hasPrefix("'"))
        }
    }

    @Test("A row of random values is a list of problems or valid details inside the importer's region, never a trap")
    func rows() {
        var random = Hostile(seed: 7)
        let scope = RegionCode(trusted: "16.02")
        let validator = BeneficiaryRowValidator(
            context: .init(
                today: Self.today, isKnownDesa: { $0.rawValue.hasPrefix("16.") },
                isKnownPrefix: { _ in true }, interests: ["anyaman", "olahan pangan"], scope: scope))
        let good = ["nik": "1602035204850001", "no_kk": "1602031504120001", "nama": "Siti", "kode_desa": "16.02.03.2007", "kategori_ppks": "24"]
        for round in 0..<Self.rounds {
            var row = good
            for column in BeneficiaryRowValidator.columns where round % 3 == 0 || Bool.random(using: &random) {
                row[column] = random.string()
            }
            switch validator.validate(line: round + 2, row) {
            case let .success(valid):
                #expect(scope.contains(valid.details.desa))
                #expect(valid.details.nik.count == 16)
            case let .failure(failure):
                #expect(!failure.problems.isEmpty)
                #expect(failure.problems.allSatisfy { !$0.message(.id).isEmpty && $0.line == round + 2 })
            }
        }
    }

    @Test("Random bytes in any chunking read as records or problems with line numbers that only grow")
    func csvBytes() {
        var random = Hostile(seed: 8)
        for _ in 0..<400 {
            let bytes =
                Array(random.string().utf8)
                + (0..<Int.random(in: 0...200, using: &random)).map { _ in
                    [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D, 0xE9, 0x41].randomElement(using: &random)!
                }
            var reader = CSVRecordReader()
            var records: [CSVRecordReader.Record] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...64, using: &random))
                records += reader.feed(bytes[start..<end])
                start = end
            }
            records += reader.finish()
            #expect(zip(records, records.dropFirst()).allSatisfy { $0.line < $1.line })
            var check = UTF8Check()
            check.feed(bytes)
            check.finish()
        }
    }
}
