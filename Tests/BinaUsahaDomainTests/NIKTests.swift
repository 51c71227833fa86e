import BinaUsahaDomain
import Testing

@Suite("NIK and KK numbers")
struct NIKTests {
    let today = CivilDate(year: 2026, month: 11, day: 30)!

    @Test("A man's NIK gives his sex, birth date and registering kecamatan")
    func man() throws {
        let nik = try NIK(validating: "1602031204850001", today: today)
        #expect(nik.sex == .lakiLaki)
        #expect(nik.birthDate == CivilDate(year: 1985, month: 4, day: 12))
        #expect(nik.regionPrefix.rawValue == "16.02.03")
    }

    @Test("A woman's day of birth is written plus 40")
    func woman() throws {
        let nik = try NIK(validating: "1602035204850003", today: today)
        #expect(nik.sex == .perempuan)
        #expect(nik.birthDate == CivilDate(year: 1985, month: 4, day: 12))
    }

    @Test("The century is chosen so the birth date is not in the future")
    func century() throws {
        #expect(try NIK(validating: "1602030101300001", today: today).birthDate.year == 1930)
        #expect(try NIK(validating: "1602030101050001", today: today).birthDate.year == 2005)
    }

    @Test(
        "Malformed NIKs are refused with the reason",
        arguments: [
            ("160203120485001", NIKError.notSixteenDigits), ("16020312048500011", .notSixteenDigits), ("16020312O4850001", .notSixteenDigits),
            ("1602033204850001", .badDay(32)), ("1602037204850001", .badDay(72)), ("1602030004850001", .badDay(0)),
            ("1602031213850001", .badMonth(13)), ("1602033002850001", .notADate(day: 30, month: 2)),
            ("1602032902010001", .notADate(day: 29, month: 2)), ("1602031204850000", .zeroSerial),
        ])
    func invalid(text: String, error: NIKError) {
        #expect(throws: error) { try NIK(validating: text, today: today) }
    }

    @Test("29 February exists in leap years")
    func leapDay() throws {
        #expect(try NIK(validating: "1602032902000001", today: today).birthDate == CivilDate(year: 2000, month: 2, day: 29))
        #expect(try NIK(validating: "1602036902840001", today: today).birthDate == CivilDate(year: 1984, month: 2, day: 29))
    }

    @Test("Messages are in Indonesian")
    func message() {
        #expect(NIKError.badDay(32).message(.id) == "digit tanggal lahir NIK (32) harus 01–31 (laki-laki) atau 41–71 (perempuan)")
    }

    @Test("A KK number carries a recording date, without the +40")
    func kk() throws {
        let kk = try NomorKK(validating: "1602031504120007", today: today)
        #expect(kk.recordedOn == CivilDate(year: 2012, month: 4, day: 15))
        #expect(throws: NomorKKError.badDate) { try NomorKK(validating: "1602035504120007", today: today) }
        #expect(throws: NomorKKError.zeroSerial) { try NomorKK(validating: "1602031504120000", today: today) }
        #expect(throws: NomorKKError.notSixteenDigits) { try NomorKK(validating: "16020315041200", today: today) }
    }

    @Test("Dates are read in the three accepted forms", arguments: ["1985-04-12", "12-04-1985", "12/04/1985", " 12/4/1985 "])
    func dates(text: String) {
        #expect(CivilDate(parsing: text) == CivilDate(year: 1985, month: 4, day: 12))
    }

    @Test("Impossible or ambiguous dates are not read", arguments: ["1985-02-30", "85-04-12", "12.04.1985", "1985/04/12", "", "kemarin"])
    func badDates(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test("Age counts whole years")
    func age() {
        let birth = CivilDate(year: 1966, month: 12, day: 1)!
        #expect(birth.years(until: today) == 59)
        #expect(birth.years(until: CivilDate(year: 2026, month: 12, day: 1)!) == 60)
    }
}
