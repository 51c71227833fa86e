import AsyncKit
import BinaUsahaDomain
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Reading stored values back: a value that does not read is a `StoredValueError`, never a
/// default that quietly changes what the record means.
enum Stored {
    static func value<T: RawRepresentable>(_ raw: T.RawValue, _ column: String, of id: some CustomStringConvertible) throws -> T {
        guard let value = T(rawValue: raw) else { throw StoredValueError(column, id) }
        return value
    }

    static func json<T: Decodable>(_ text: String, as type: T.Type, _ column: String, of id: some CustomStringConvertible) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch { throw StoredValueError(column, id) }
    }

    static func date(_ text: String, _ column: String, of id: some CustomStringConvertible) throws -> CivilDate {
        guard let date = CivilDate(parsing: text) else { throw StoredValueError(column, id) }
        return date
    }

    static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

extension StoredValueError {
    /// `column` is `table.column`.
    init(_ column: String, _ id: some CustomStringConvertible) {
        let parts = column.split(separator: ".", maxSplits: 1).map(String.init)
        self.init(table: parts.first ?? column, column: parts.count > 1 ? parts[1] : "", id: id.description)
    }
}
