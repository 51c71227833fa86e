/// A stored value that cannot be read back (corrupt JSON, an unknown code): an error that is
/// logged and shown, never a silent default that changes what the record means.
public struct StoredValueError: Error, CustomStringConvertible {
    public let table: String
    public let column: String
    public let id: String

    public init(table: String, column: String, id: String) {
        self.table = table
        self.column = column
        self.id = id
    }

    public var description: String { "stored value cannot be read: \(table).\(column) of \(id)" }
}
