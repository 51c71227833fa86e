/// The rules a change breaks, each explained in either language: what every use case throws
/// when the input is valid as data but not as a change (`LedgerRuleError`, `PartnerRuleError`,
/// `OutcomeRuleError`).
public struct RuleError<Problem: LocalizedMessage & Equatable & Sendable>: Error, Equatable, Sendable, LocalizedMessage {
    public var problems: [Problem]

    public init(_ problems: [Problem]) { self.problems = problems }
    public init(_ problem: Problem) { problems = [problem] }

    public func messages(_ lang: Lang) -> [String] { problems.map { $0.message(lang) } }
    public func message(_ lang: Lang) -> String { messages(lang).joined(separator: " ") }
}
