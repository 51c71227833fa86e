import Foundation

/// Checks one import row (column name → text) and turns it into `BeneficiaryDetails`, or
/// lists every problem of the row with its column and value. Pure: what it needs to know
/// about regions, vocabulary and the importer's scope comes in `Context`.
public struct BeneficiaryRowValidator: Sendable {
    public static let columns = [
        "nik", "no_kk", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "kode_desa",
        "alamat", "rt", "rw", "telepon", "kategori_ppks", "desil", "kepala_keluarga",
        "disabilitas", "minat", "bantuan_sebelumnya", "keahlian", "kendala_kesehatan",
    ]
    public static let requiredColumns: Set<String> = ["nik", "no_kk", "nama", "kode_desa", "kategori_ppks"]

    public struct Context: Sendable {
        public var today: CivilDate
        /// Desa/kelurahan codes that exist.
        public var isKnownDesa: @Sendable (RegionCode) -> Bool
        /// Whether a NIK/KK prefix (`PP.KK.CC`) names a known region.
        public var isKnownPrefix: @Sendable (RegionCode) -> Bool
        public var interests: Set<String>
        /// The importer's region; rows outside it are refused. `nil` = whole province.
        public var scope: RegionCode?

        public init(
            today: CivilDate, isKnownDesa: @escaping @Sendable (RegionCode) -> Bool,
            isKnownPrefix: @escaping @Sendable (RegionCode) -> Bool, interests: Set<String>, scope: RegionCode?
        ) {
            self.today = today
            self.isKnownDesa = isKnownDesa
            self.isKnownPrefix = isKnownPrefix
            self.interests = interests
            self.scope = scope
        }
    }

    public typealias Problem = ImportProblem<BeneficiaryRowProblem>

    public struct Valid: Sendable, Equatable {
        public var details: BeneficiaryDetails
        public var warnings: [RegistryWarning]
    }

    public let context: Context
    public init(context: Context) { self.context = context }

    public func validate(line: Int, _ row: [String: String]) -> Result<Valid, ValidationFailure> {
        var problems: [Problem] = []
        func value(_ column: String) -> String { TextFolding.trim(row[column] ?? "") }
        func fail(_ column: String, _ reason: BeneficiaryRowProblem) {
            problems.append(Problem(line: line, column: column, value: value(column), reason: reason))
        }
        for column in Self.requiredColumns.sorted() where value(column).isEmpty { fail(column, .required(column)) }
        for column in Self.columns.sorted() where TextFolding.containsControlCharacters(row[column] ?? "") {
            fail(column, .controlCharacter)
        }

        var nik: NIK?
        if !value("nik").isEmpty {
            do { nik = try NIK(validating: value("nik"), today: context.today) } catch { fail("nik", .nik(error)) }
        }
        var kk: NomorKK?
        if !value("no_kk").isEmpty {
            do { kk = try NomorKK(validating: value("no_kk"), today: context.today) } catch { fail("no_kk", .kk(error)) }
        }
        let name = value("nama").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.count > 100 { fail("nama", .nameTooLong) }

        var sex = nik?.sex
        switch value("jenis_kelamin").uppercased() {
        case "": break
        case "L", "LAKI-LAKI", "LAKI LAKI": sex = .lakiLaki
        case "P", "PEREMPUAN", "WANITA": sex = .perempuan
        default: fail("jenis_kelamin", .badSex(value("jenis_kelamin")))
        }

        var birthDate = nik?.birthDate
        if !value("tanggal_lahir").isEmpty {
            if let date = CivilDate(parsing: value("tanggal_lahir")) {
                if date > context.today { fail("tanggal_lahir", .futureBirthDate) } else { birthDate = date }
            } else {
                fail("tanggal_lahir", .badDate(value("tanggal_lahir")))
            }
        }

        var desa: RegionCode?
        if !value("kode_desa").isEmpty {
            if let code = try? RegionCode(validating: value("kode_desa")) {
                if code.level != .desaKelurahan {
                    fail("kode_desa", .notADesa(code.rawValue))
                } else if !context.isKnownDesa(code) {
                    fail("kode_desa", .unknownDesa(code.rawValue))
                } else if let scope = context.scope, !scope.contains(code) {
                    fail("kode_desa", .outsideScope(desa: code.rawValue, scope: scope.rawValue))
                } else {
                    desa = code
                }
            } else {
                fail("kode_desa", .badDesaCode(value("kode_desa")))
            }
        }

        for column in ["rt", "rw"] where !value(column).isEmpty {
            if value(column).count > 3 || !value(column).allSatisfy(\.isASCIIDigit) { fail(column, .badRTRW(value(column))) }
        }
        let phone = Self.normalizePhone(value("telepon"))
        if !value("telepon").isEmpty, phone == nil { fail("telepon", .badPhone(value("telepon"))) }

        var ppks: [Int] = []
        for item in Self.list(value("kategori_ppks")) {
            if let category = PPKS.lookup(item) { ppks.append(category.number) } else { fail("kategori_ppks", .unknownPPKS(item)) }
        }
        var decile: Int?
        if !value("desil").isEmpty {
            if let n = Int(value("desil")), (1...10).contains(n) { decile = n } else { fail("desil", .badDecile(value("desil"))) }
        }
        var head = false
        switch value("kepala_keluarga").lowercased() {
        case "", "tidak", "t", "n", "no", "0", "false": head = false
        case "ya", "y", "yes", "1", "true": head = true
        default: fail("kepala_keluarga", .badYesNo(value("kepala_keluarga")))
        }
        var interests: [String] = []
        for item in Self.list(value("minat")) {
            let tag = TextFolding.fold(item)
            if context.interests.contains(tag) { interests.append(tag) } else { fail("minat", .unknownInterest(item)) }
        }
        var talents: [String] = []
        for item in Self.list(value("keahlian")) {
            let tag = TextFolding.fold(item)
            if context.interests.contains(tag) { talents.append(tag) } else { fail("keahlian", .unknownInterest(item)) }
        }
        var health: [String] = []
        for item in Self.list(value("kendala_kesehatan")) {
            let code = TextFolding.fold(item).replacingOccurrences(of: " ", with: "-")
            if let limitation = Limitation(rawValue: code), Limitation.health.contains(limitation) {
                health.append(code)
            } else {
                fail("kendala_kesehatan", .unknownHealth(item))
            }
        }
        var assistance: [PriorAssistance] = []
        for item in Self.list(value("bantuan_sebelumnya")) {
            if let parsed = Self.parseAssistance(item, thisYear: context.today.year) {
                assistance.append(parsed)
            } else {
                fail("bantuan_sebelumnya", .badAssistance(item))
            }
        }

        guard problems.isEmpty, let nik, let kk, let sex, let birthDate, let desa else {
            return .failure(ValidationFailure(problems: problems))
        }
        let details = BeneficiaryDetails(
            nik: nik.value, noKK: kk.value, name: name, sex: sex, birthPlace: value("tempat_lahir"), birthDate: birthDate,
            desa: desa, address: value("alamat"), rt: value("rt"), rw: value("rw"), phone: phone ?? "", ppks: Array(Set(ppks)),
            decile: decile, isHeadOfFamily: head, disability: value("disabilitas"), interests: Array(Set(interests)),
            priorAssistance: Array(Set(assistance)), talents: Array(Set(talents)), health: Array(Set(health)))
        return .success(Valid(details: details, warnings: warnings(for: details)))
    }

    /// Findings that do not stop a record: a NIK or KK from an unknown region, a birth date or
    /// sex that differs from what the NIK encodes.
    public func warnings(for details: BeneficiaryDetails) -> [RegistryWarning] {
        var warnings: [RegistryWarning] = []
        guard let nik = try? NIK(validating: details.nik, today: context.today) else { return warnings }
        if !context.isKnownPrefix(nik.regionPrefix) { warnings.append(.nikRegionUnknown) }
        if nik.birthDate != details.birthDate { warnings.append(.nikBirthDateDiffers) }
        if nik.sex != details.sex { warnings.append(.nikSexDiffers) }
        if let kk = try? NomorKK(validating: details.noKK, today: context.today), !context.isKnownPrefix(kk.regionPrefix) {
            warnings.append(.kkRegionUnknown)
        }
        return warnings
    }

    public struct ValidationFailure: Error, Sendable, Equatable {
        public var problems: [Problem]
    }

    /// `a; b;;c` → `["a", "b", "c"]`
    public static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { TextFolding.trim(String($0)) }.filter { !$0.isEmpty }
    }

    /// Indonesian mobile and landline numbers to the `08…`/`0…` form; `nil` when not a number.
    public static func normalizePhone(_ text: String) -> String? {
        var digits = text.filter { !" -().".contains($0) }
        if digits.hasPrefix("+62") { digits = "0" + digits.dropFirst(3) } else if digits.hasPrefix("62") { digits = "0" + digits.dropFirst(2) }
        guard digits.hasPrefix("0"), (9...14).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return digits
    }

    /// `KUBE:2019`, `KUBE 2019`, `uep-2021`
    static func parseAssistance(_ text: String, thisYear: Int) -> PriorAssistance? {
        let parts = text.split(whereSeparator: { ":- ".contains($0) }).map(String.init)
        guard parts.count == 2, let programme = PriorAssistance.Programme(rawValue: parts[0].uppercased()),
            let year = Int(parts[1]), (1980...thisYear).contains(year)
        else { return nil }
        return PriorAssistance(programme: programme, year: year)
    }
}
