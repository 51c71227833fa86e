/// One data row of a region file, as the file parser read it (nothing validated yet).
public struct RegionImportRow: Sendable, Equatable {
    public var line: Int
    public var code: String
    /// The value of the parent-code column, when the file has one.
    public var parentCode: String?
    public var name: String
    public var kind: String?

    public init(line: Int, code: String, parentCode: String?, name: String, kind: String?) {
        self.line = line
        self.code = code
        self.parentCode = parentCode
        self.name = name
        self.kind = kind
    }
}
