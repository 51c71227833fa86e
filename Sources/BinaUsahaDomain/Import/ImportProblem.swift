/// One rejected row of an imported file: where it is, what was there and why it was refused.
public struct ImportProblem<Reason: LocalizedMessage & Sendable & Equatable>: Error, Sendable, Equatable {
    /// 1-based line number in the file, the header being line 1.
    public var line: Int
    public var column: String?
    public var value: String?
    public var reason: Reason

    public init(line: Int, column: String? = nil, value: String? = nil, reason: Reason) {
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    public func message(_ language: Lang) -> String { reason.message(language) }
}
