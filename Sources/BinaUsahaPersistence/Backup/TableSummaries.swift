import BinaUsahaDomain
import Foundation
import SQLKit

/// Rows and a checksum per table, computed the same way on a database and on its copy. The
/// checksum adds up a 64-bit FNV-1a hash of each row's text, so it does not depend on the
/// order rows are stored in. `beneficiaries.generation` is left out: it is bookkeeping of
/// the register index, moved on by a restore.
enum TableSummaries {
    static let bookkeeping: Set<String> = ["beneficiaries.generation"]

    static func read(_ sql: any SQLDatabase, schema: String?) async throws -> [TableSummary] {
        var summaries: [TableSummary] = []
        for table in try await tables(sql, schema: schema) {
            let columns = try await columns(sql, schema: schema, table: table)
                .filter { !bookkeeping.contains("\(table).\($0)") }
            let sum = Checksum()
            try await sql.raw(lineQuery(sql, schema: schema, table: table, columns: columns)).run { row in
                sum.add((try? row.decode(column: "line", as: String.self)) ?? "")
            }
            summaries.append(TableSummary(table: table, rows: sum.rows, checksum: sum.hex))
        }
        return summaries
    }

    static func tables(_ sql: any SQLDatabase, schema: String?) async throws -> [String] {
        struct Name: Decodable { let name: String }
        if sql.dialect.name == "sqlite" {
            let master: SQLQueryString = schema.map { "\(ident: $0).sqlite_master" } ?? "sqlite_master"
            return try await sql.raw(
                "SELECT name FROM \(master) WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            ).all(decoding: Name.self).map(\.name)
        }
        return try await sql.raw(
            """
            SELECT table_name::text AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """
        ).all(decoding: Name.self).map(\.name)
    }

    static func columns(_ sql: any SQLDatabase, schema: String?, table: String) async throws -> [String] {
        struct Name: Decodable { let name: String }
        if sql.dialect.name == "sqlite" {
            let prefix: SQLQueryString = schema.map { "\(ident: $0)." } ?? ""
            return try await sql.raw("SELECT name FROM \(prefix)pragma_table_info(\(bind: table)) ORDER BY cid")
                .all(decoding: Name.self).map(\.name)
        }
        return try await sql.raw(
            """
            SELECT column_name::text AS name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
            """
        ).all(decoding: Name.self).map(\.name)
    }

    static func lineQuery(_ sql: any SQLDatabase, schema: String?, table: String, columns: [String]) -> SQLQueryString {
        let source: SQLQueryString = schema.map { "\(ident: $0).\(ident: table)" } ?? "\(ident: table)"
        if sql.dialect.name == "sqlite" {
            let parts = columns.map { "quote(\(SQLIdentifier($0).serialize(to: sql)))" }.joined(separator: " || '|' || ")
            return "SELECT \(unsafeRaw: parts.isEmpty ? "''" : parts) AS line FROM \(source)"
        }
        let parts = columns.map { SQLIdentifier($0).serialize(to: sql) }.joined(separator: ", ")
        return "SELECT ROW(\(unsafeRaw: parts))::text AS line FROM \(source)"
    }

    /// Adds up the rows' hashes; rows arrive on the driver's thread, one at a time.
    final class Checksum: @unchecked Sendable {
        private let lock = NSLock()
        private var total: UInt64 = 0
        private(set) var rows = 0

        func add(_ line: String) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in line.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
            lock.lock()
            total &+= hash
            rows += 1
            lock.unlock()
        }

        var hex: String {
            let value = String(total, radix: 16)
            return String(repeating: "0", count: 16 - value.count) + value
        }
    }
}

extension SQLExpression {
    /// The expression as SQL text in the database's dialect (identifiers quoted).
    func serialize(to database: any SQLDatabase) -> String {
        var serializer = SQLSerializer(database: database)
        serialize(to: &serializer)
        return serializer.sql
    }
}
