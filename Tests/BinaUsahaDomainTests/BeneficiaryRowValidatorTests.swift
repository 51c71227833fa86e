import BinaUsahaDomain
import Testing

@Suite("Checking a beneficiary row")
struct BeneficiaryRowValidatorTests {
    static let today = CivilDate(year: 2026, month: 11, day: 30)!
    static let known: Set<RegionCode> = [RegionCode(trusted: "16.02.03.2007"), RegionCode(trusted: "16.01.20.2001")]

    func validator(scope: String? = nil) -> BeneficiaryRowValidator {
        BeneficiaryRowValidator(
            context: .init(
                today: Self.today, isKnownDesa: { Self.known.contains($0) },
                isKnownPrefix: { ["16.02.03", "16.01.20"].contains($0.rawValue) },
                interests: ["anyaman", "olahan ikan", "tenun"], scope: scope.map(RegionCode.init(trusted:))))
    }

    static let good: [String: String] = [
        "nik": "1602035204850003", "no_kk": "1602031504120007", "nama": "  Siti   Aminah ", "jenis_kelamin": "P",
        "tempat_lahir": "Kayuagung", "tanggal_lahir": "12/04/1985", "kode_desa": "16.02.03.2007", "alamat": "Dusun II",
        "rt": "003", "rw": "001", "telepon": "+62 812-3456-7890", "kategori_ppks": "24; PRSE", "desil": "2",
        "kepala_keluarga": "ya", "disabilitas": "", "minat": "Anyaman", "bantuan_sebelumnya": "UEP:2021",
    ]

    func row(_ changes: [String: String]) -> [String: String] { Self.good.merging(changes) { $1 } }

    @Test("A good row becomes a record, tidied")
    func good() throws {
        let valid = try validator().validate(line: 2, Self.good).get()
        let d = valid.details
        #expect(d.name == "Siti Aminah")
        #expect(d.sex == .perempuan && d.birthDate == CivilDate(year: 1985, month: 4, day: 12))
        #expect(d.phone == "081234567890")
        #expect(d.ppks == [23, 24])
        #expect(d.interests == ["anyaman"])
        #expect(d.priorAssistance == [PriorAssistance(programme: .uep, year: 2021)])
        #expect(d.isHeadOfFamily)
        #expect(valid.warnings.isEmpty)
    }

    @Test("Sex and birth date default to what the NIK says")
    func fromNIK() throws {
        let d = try validator().validate(line: 2, row(["jenis_kelamin": "", "tanggal_lahir": ""])).get().details
        #expect(d.sex == .perempuan && d.birthDate == CivilDate(year: 1985, month: 4, day: 12))
    }

    @Test("A NIK from an unknown region or with another birth date is accepted with a warning")
    func warnings() throws {
        let valid = try validator().validate(line: 2, row(["nik": "1613015204850003", "tanggal_lahir": "1985-04-13"])).get()
        #expect(valid.warnings == [.nikRegionUnknown, .nikBirthDateDiffers])
    }

    @Test(
        "Each bad value is reported with its column, value and reason",
        arguments: [
            (["nik": "12345"], "nik", BeneficiaryRowProblem.nik(.notSixteenDigits)),
            (["nik": "1602033204850003"], "nik", .nik(.badDay(32))),
            (["no_kk": "1602031513120007"], "no_kk", .kk(.badDate)),
            (["nama": ""], "nama", .required("nama")),
            (["jenis_kelamin": "X"], "jenis_kelamin", .badSex("X")),
            (["tanggal_lahir": "31-02-1985"], "tanggal_lahir", .badDate("31-02-1985")),
            (["tanggal_lahir": "2027-01-01"], "tanggal_lahir", .futureBirthDate),
            (["kode_desa": "16.02.03"], "kode_desa", .notADesa("16.02.03")),
            (["kode_desa": "16.02.03.2999"], "kode_desa", .unknownDesa("16.02.03.2999")),
            (["kode_desa": "16-02-03"], "kode_desa", .badDesaCode("16-02-03")),
            (["rt": "12a"], "rt", .badRTRW("12a")),
            (["telepon": "12345"], "telepon", .badPhone("12345")),
            (["kategori_ppks": "27"], "kategori_ppks", .unknownPPKS("27")),
            (["kategori_ppks": "Orang Kaya"], "kategori_ppks", .unknownPPKS("Orang Kaya")),
            (["desil": "11"], "desil", .badDecile("11")),
            (["kepala_keluarga": "mungkin"], "kepala_keluarga", .badYesNo("mungkin")),
            (["minat": "anyaman;menyanyi"], "minat", .unknownInterest("menyanyi")),
            (["bantuan_sebelumnya": "BLT:2020"], "bantuan_sebelumnya", .badAssistance("BLT:2020")),
        ])
    func problems(changes: [String: String], column: String, reason: BeneficiaryRowProblem) throws {
        let failure = try #require(validator().validate(line: 7, row(changes)).failure)
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.line == 7)
        #expect(failure.problems.first?.column == column)
        #expect(failure.problems.first?.reason == reason)
    }

    @Test("Several problems of one row are all reported")
    func several() throws {
        let failure = try #require(validator().validate(line: 3, row(["nik": "", "desil": "0", "rt": "abcd"])).failure)
        #expect(Set(failure.problems.compactMap(\.column)) == ["nik", "desil", "rt"])
    }

    @Test("A control character in any column is refused with the column's name; tabs and line breaks in a name are spaces")
    func controlCharacters() throws {
        let failure = try #require(validator().validate(line: 4, row(["nama": "Siti\u{0}Aminah", "alamat": "Dusun\u{1B}II"])).failure)
        #expect(failure.problems.map(\.column) == ["alamat", "nama"])
        #expect(failure.problems.allSatisfy { $0.reason == .controlCharacter })
        #expect(failure.problems.first?.message(.id).contains("karakter kendali") == true)
        let valid = try validator().validate(line: 5, row(["nama": "Siti\tAminah\r\n"])).get()
        #expect(valid.details.name == "Siti Aminah")
    }

    @Test("An operator cannot import people outside their kab/kota")
    func scope() throws {
        let failure = try #require(validator(scope: "16.01").validate(line: 2, Self.good).failure)
        #expect(failure.problems.first?.reason == .outsideScope(desa: "16.02.03.2007", scope: "16.01"))
        #expect(failure.problems.first?.message(.id) == "desa 16.02.03.2007 di luar wilayah kerja Anda (16.01)")
    }

    @Test("PPKS categories are found by number, name or abbreviation", arguments: [("24", 24), ("fakir miskin", 24), ("PRSE", 23), ("9", 9)])
    func ppks(text: String, number: Int) {
        #expect(PPKS.lookup(text)?.number == number)
    }

    @Test("KUBE eligibility checks follow Permensos 2/2019")
    func eligibility() throws {
        var d = try validator().validate(line: 2, Self.good).get().details
        #expect(KUBEEligibility.isEligible(d, today: Self.today))
        d.priorAssistance = [PriorAssistance(programme: .kube, year: 2019)]
        d.birthDate = CivilDate(year: 1960, month: 1, day: 1)!
        let checks = KUBEEligibility.checks(d, today: Self.today)
        #expect(checks.first { $0.key == "age" }?.outcome == .notMet)
        #expect(checks.first { $0.key == "prior_kube" }?.text(.id) == "Sudah menerima KUBE (2019)")
        #expect(!KUBEEligibility.isEligible(d, today: Self.today))
    }
}

extension Result {
    var failure: Failure? { if case let .failure(error) = self { error } else { nil } }
}
