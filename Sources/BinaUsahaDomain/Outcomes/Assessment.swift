import Foundation

/// A follow-up visit to a coached person's household: what it earns, how many live on it,
/// its DTSEN desil if known, whether it still receives bansos and whether the business runs.
public struct Assessment: Sendable, Equatable {
    public var id: UUID
    public var beneficiary: UUID
    public var date: CivilDate
    /// Monthly household income.
    public var householdIncome: Rupiah
    public var householdSize: Int
    public var decile: Int?
    public var receivesBansos: Bool
    public var businessRunning: Bool
    public var recordedBy: String

    public init(
        id: UUID = UUID(), beneficiary: UUID, date: CivilDate, householdIncome: Rupiah, householdSize: Int, decile: Int?, receivesBansos: Bool,
        businessRunning: Bool, recordedBy: String = ""
    ) {
        self.id = id
        self.beneficiary = beneficiary
        self.date = date
        self.householdIncome = householdIncome
        self.householdSize = householdSize
        self.decile = decile
        self.receivesBansos = receivesBansos
        self.businessRunning = businessRunning
        self.recordedBy = recordedBy
    }

    /// Monthly income per member of the household.
    public var incomePerCapita: Rupiah { Rupiah(householdIncome.amount / Int64(max(1, householdSize))) }

    public func problems(today: CivilDate) -> [OutcomeProblem] {
        var problems: [OutcomeProblem] = []
        if date > today { problems.append(.dateInFuture) }
        if !(0...1_000_000_000).contains(householdIncome.amount) { problems.append(.incomeOutOfRange) }
        if !(1...30).contains(householdSize) { problems.append(.householdSize) }
        if let decile, !(1...10).contains(decile) { problems.append(.decile) }
        return problems
    }
}

/// When a person is proposed as graduated (mandiri/lulus): household income per capita above
/// the poverty line in `consecutive` assessments in a row, or a DTSEN desil above
/// `decileAbove`. The admin sets it; the default uses the province's poverty line of
/// September 2024 (Rp 564.462 per capita per month, BPS).
public struct GraduationRule: Sendable, Equatable, Codable {
    public var povertyLine: Rupiah
    public var consecutive: Int
    public var decileAbove: Int

    public init(povertyLine: Rupiah, consecutive: Int, decileAbove: Int) {
        self.povertyLine = povertyLine
        self.consecutive = consecutive
        self.decileAbove = decileAbove
    }

    public static let standard = GraduationRule(povertyLine: Rupiah(564_462), consecutive: 2, decileAbove: 4)

    public var problems: [OutcomeProblem] {
        var problems: [OutcomeProblem] = []
        if !(100_000...10_000_000).contains(povertyLine.amount) { problems.append(.povertyLineRange) }
        if !(1...6).contains(consecutive) { problems.append(.consecutiveRange) }
        if !(1...9).contains(decileAbove) { problems.append(.decile) }
        return problems
    }

    /// Why the rule proposes this person, from their assessments (any order); nil when it does not.
    public func proposal(_ assessments: [Assessment], lang: Lang = .id) -> String? {
        let ordered = assessments.sorted { ($0.date, $0.id.uuidString) < ($1.date, $1.id.uuidString) }
        if let latest = ordered.last, let decile = latest.decile, decile > decileAbove {
            return lang == .id
                ? "Desil DTSEN \(decile) pada \(latest.date.long(.id)), di atas desil \(decileAbove)."
                : "DTSEN decile \(decile) on \(latest.date.long(.en)), above decile \(decileAbove)."
        }
        let tail = ordered.suffix(consecutive)
        guard tail.count == consecutive, tail.allSatisfy({ $0.incomePerCapita > povertyLine }) else { return nil }
        let figures = tail.map(\.incomePerCapita.formatted).joined(separator: ", ")
        return lang == .id
            ? "Pendapatan per kapita di atas garis kemiskinan \(povertyLine.formatted) pada \(consecutive) penilaian terakhir (\(figures))."
            : "Income per capita above the poverty line of \(povertyLine.formatted) in the last \(consecutive) assessments (\(figures))."
    }
}

/// A graduation confirmed by an operator, with the rule's reason and the operator's note.
public struct Graduation: Sendable, Equatable {
    public var beneficiary: UUID
    public var date: CivilDate
    public var reason: String
    public var confirmedBy: String

    public init(beneficiary: UUID, date: CivilDate, reason: String, confirmedBy: String) {
        self.beneficiary = beneficiary
        self.date = date
        self.reason = reason
        self.confirmedBy = confirmedBy
    }
}

public enum OutcomeProblem: Equatable, Sendable, LocalizedMessage {
    case dateInFuture
    case incomeOutOfRange
    case householdSize
    case decile
    case povertyLineRange
    case consecutiveRange
    case notProposed
    case alreadyGraduated
    case noteRequired
    case badAmount(String)
    case badNumber(String)
    case badDate(String)

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case .dateInFuture: return id ? "Tanggal penilaian belum tiba." : "The assessment date is in the future."
        case .incomeOutOfRange: return id ? "Pendapatan rumah tangga tidak masuk akal; periksa kembali." : "The household income is out of range."
        case .householdSize: return id ? "Jumlah anggota rumah tangga 1–30 orang." : "A household has 1–30 members."
        case .decile: return id ? "Desil 1–10." : "A decile is 1–10."
        case .povertyLineRange: return id ? "Garis kemiskinan Rp 100.000–Rp 10.000.000 per kapita." : "The poverty line is out of range."
        case .consecutiveRange: return id ? "Jumlah penilaian berturut-turut 1–6." : "Consecutive assessments: 1–6."
        case .notProposed:
            return id
                ? "Orang ini belum memenuhi aturan kelulusan; catat penilaian tindak lanjut dulu."
                : "This person does not meet the graduation rule yet."
        case .alreadyGraduated: return id ? "Orang ini sudah tercatat mandiri/lulus." : "This person has already graduated."
        case .noteRequired: return id ? "Catatan konfirmasi wajib diisi (5–500 huruf)." : "A confirmation note is required (5–500 characters)."
        case let .badAmount(text): return id ? "\"\(text)\" bukan jumlah rupiah." : "\"\(text)\" is not an amount."
        case let .badNumber(text): return id ? "\"\(text)\" bukan angka." : "\"\(text)\" is not a number."
        case let .badDate(text): return id ? "\"\(text)\" bukan tanggal." : "\"\(text)\" is not a date."
        }
    }
}

public typealias OutcomeRuleError = RuleError<OutcomeProblem>

/// Where assessments, graduations and the graduation rule are stored.
public protocol OutcomeRepository: Sendable {
    func insert(_ assessment: Assessment) async throws
    func assessments(of beneficiaries: [UUID]) async throws -> [Assessment]
    func insert(_ graduation: Graduation) async throws
    func graduations(of beneficiaries: [UUID]) async throws -> [Graduation]
    func graduationRule() async throws -> GraduationRule
    func save(_ rule: GraduationRule) async throws
}
