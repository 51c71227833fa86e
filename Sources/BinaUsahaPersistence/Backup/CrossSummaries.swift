import BinaUsahaDomain
import Foundation
import SQLKit

/// Table summaries that an SQLite database and a PostgreSQL copy of it agree on: each value
/// is written out by the PostgreSQL column's type the same way on both sides (UUIDs in lower
/// case, yes/no as t/f, moments as whole milliseconds since 1970, fractions with six
/// decimals), then summed like `TableSummaries`.
enum CrossSummaries {
    static func read(
        _ sql: any SQLDatabase, tables: [String], types: [String: [(name: String, type: String)]]
    ) async throws
        -> [TableSummary]
    {
        var summaries: [TableSummary] = []
        let sqlite = sql.dialect.name == "sqlite"
        for table in tables {
            let columns = (types[table] ?? []).filter { !TableSummaries.bookkeeping.contains("\(table).\($0.name)") }
            let parts = columns.map { column -> String in
                let name = SQLIdentifier(column.name).serialize(to: sql)
                return "coalesce(\(normalised(name, column.type, sqlite: sqlite)), '~')"
            }
            let line = parts.isEmpty ? "''" : parts.joined(separator: " || '|' || ")
            let sum = TableSummaries.Checksum()
            try await sql.raw("SELECT \(unsafeRaw: line) AS line FROM \(ident: table)").run { row in
                sum.add((try? row.decode(column: "line", as: String.self)) ?? "")
            }
            summaries.append(TableSummary(table: table, rows: sum.rows, checksum: sum.hex))
        }
        return summaries
    }

    static func normalised(_ column: String, _ type: String, sqlite: Bool) -> String {
        switch type {
        case "uuid":
            return sqlite ? "lower(\(column))" : "\(column)::text"
        case "boolean":
            return "CASE WHEN \(column) IS NULL THEN NULL WHEN \(column) THEN 't' ELSE 'f' END"
        case "timestamp with time zone":
            return sqlite
                ? "CAST(CAST(round(\(column) * 1000) AS INTEGER) AS TEXT)"
                : "CAST(round(extract(epoch FROM \(column)) * 1000) AS bigint)::text"
        case "bigint", "integer", "smallint":
            return sqlite ? "CAST(\(column) AS TEXT)" : "\(column)::text"
        case "double precision", "real", "numeric":
            return sqlite ? "printf('%.6f', \(column))" : "to_char(\(column), 'FM9999999999999990.000000')"
        default:
            return sqlite ? "CAST(\(column) AS TEXT)" : "\(column)::text"
        }
    }
}
