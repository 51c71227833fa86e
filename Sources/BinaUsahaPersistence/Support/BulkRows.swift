import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Many rows into one table at once, inside the unit of work, by the fastest way each database
/// has: PostgreSQL's `COPY … FROM STDIN` (text format: nothing parsed or planned per row), and
/// on SQLite multi-row `INSERT`s whose values are bound directly (no SQL builder, no `Codable`
/// encoder per value). Constraints, indexes and the transaction behave as for any `INSERT`.
/// An import batch of 10,000 people and their audit entries goes this way.
enum BulkRows {
    /// One field of a row.
    enum Field: Sendable {
        case text(String)
        case int(Int64)
        case bool(Bool)
        case date(Date)
        case uuid(UUID)
        case null

        static func text(_ value: String?) -> Field { value.map(Field.text) ?? .null }
        static func int(_ value: Int) -> Field { .int(Int64(value)) }

        /// As Fluent's SQLite driver stores it: UUIDs as upper-case text, dates as seconds
        /// since 1970 (REAL), booleans as 0/1.
        var sqlite: SQLiteData {
            switch self {
            case let .text(value): .text(value)
            case let .int(value): .integer(Int(value))
            case let .bool(value): .integer(value ? 1 : 0)
            case let .date(value): .float(value.timeIntervalSince1970)
            case let .uuid(value): .text(value.uuidString)
            case .null: .null
            }
        }
    }

    /// Smaller batches go through the ordinary insert: a `COPY` costs a round trip more.
    static let minimumRows = 10

    /// Writes `count` rows made by `makeRows` (fields in the order of `columns`); false, with
    /// nothing made or written, when the rows are fewer than `minimumRows` or the database is
    /// neither PostgreSQL nor SQLite.
    static func write(
        count: Int, into table: String, columns: [String], on database: any Database, _ makeRows: () -> [[Field]]
    ) async throws -> Bool {
        guard count >= minimumRows else { return false }
        if let postgres = database as? any PostgresDatabase {
            try await copy(makeRows(), into: table, columns: columns, on: postgres, logger: database.logger)
            return true
        }
        if let sqlite = database as? any SQLiteDatabase {
            try await insert(makeRows(), into: table, columns: columns, on: sqlite, logger: database.logger)
            return true
        }
        return false
    }

    static func copy(
        _ rows: [[Field]], into table: String, columns: [String], on postgres: any PostgresDatabase, logger: Logger
    )
        async throws
    {
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    for row in rows {
                        buffer.writeString(line(row))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }.get()
    }

    /// `INSERT … VALUES (?, …), (?, …)` of up to 1,000 rows (and SQLite's 32,766 variables) each.
    static func insert(
        _ rows: [[Field]], into table: String, columns: [String], on sqlite: any SQLiteDatabase, logger: Logger
    )
        async throws
    {
        guard !columns.isEmpty else { return }
        let perStatement = min(1_000, 32_766 / columns.count)
        let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var statements: [Int: String] = [:]
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let statement = statements[chunk.count] ?? head + Array(repeating: tuple, count: chunk.count).joined(separator: ", ")
            statements[chunk.count] = statement
            var binds: [SQLiteData] = []
            binds.reserveCapacity(chunk.count * columns.count)
            for row in chunk { for field in row { binds.append(field.sqlite) } }
            try await sqlite.query(statement, binds, logger: logger) { _ in }.get()
        }
    }

    /// One row in the text format: tab-separated fields, `\N` for NULL, a line feed at the end.
    static func line(_ row: [Field]) -> String {
        var line = ""
        line.reserveCapacity(320)
        for (index, field) in row.enumerated() {
            if index > 0 { line += "\t" }
            switch field {
            case let .text(value): appendEscaped(value, to: &line)
            case let .int(value): line += String(value)
            case let .bool(value): line += value ? "t" : "f"
            case let .date(value): line += timestamp(value)
            case let .uuid(value): line += value.uuidString
            case .null: line += "\\N"
            }
        }
        line += "\n"
        return line
    }

    /// The text format's escapes: backslash, tab, line feed and carriage return.
    static func appendEscaped(_ value: String, to line: inout String) {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            line += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": line += "\\\\"
            case "\t": line += "\\t"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            default: line.unicodeScalars.append(scalar)
            }
        }
    }

    /// `2026-11-30 01:00:00.000000+00`: UTC with microseconds, as `timestamptz` reads it.
    static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (seconds, fraction) = floorDivision(micros, 1_000_000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(secondOfDay / 3_600, 2)):\(pad(secondOfDay % 3_600 / 60, 2)):"
            + "\(pad(secondOfDay % 60, 2)).\(pad(fraction, 6))+00"
    }

    static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }
}
