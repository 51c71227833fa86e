import BinaUsahaDomain
import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit

/// `binausaha migrate-to postgres://…`: the SQLite database in use copied to PostgreSQL.
/// The target is migrated by the same migrations, emptied of its seed rows and filled table
/// by table in foreign-key order, in one transaction; then both sides are summed per table
/// over values normalised by the target column's type (`CrossSummaries`).
public struct PostgresCopier: DatabaseCopier {
    let source: any Database
    let databases: Databases
    let migrations: [any Migration]
    let logger: Logger
    let eventLoop: any EventLoop

    public init(source: any Database, databases: Databases, migrations: [any Migration], logger: Logger, on eventLoop: any EventLoop) {
        self.source = source
        self.databases = databases
        self.migrations = migrations
        self.logger = logger
        self.eventLoop = eventLoop
    }

    public func copy(to target: String) async throws -> (source: [TableSummary], target: [TableSummary]) {
        guard let from = source as? any SQLDatabase, from.dialect.name == "sqlite" else { throw CopyError.notSQLite }
        let configuration: SQLPostgresConfiguration
        do { configuration = try SQLPostgresConfiguration(url: target) } catch { throw CopyError.notPostgres }
        let id = DatabaseID(string: "migrate-to-\(UUID().uuidString)")
        databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 2, sqlLogLevel: .trace), as: id)
        defer { databases.reinitialize(id) }
        let set = FluentKit.Migrations()
        set.add(migrations, to: id)
        let migrator = Migrator(databases: databases, migrations: set, logger: logger, on: eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        guard let to = databases.database(id, logger: logger, on: eventLoop) as? any SQLDatabase else { throw CopyError.notPostgres }

        struct Count: Decodable { let n: Int }
        let people = try await to.raw("SELECT count(*)::int AS n FROM beneficiaries").first(decoding: Count.self)?.n ?? 0
        let users = try await to.raw("SELECT count(*)::int AS n FROM users").first(decoding: Count.self)?.n ?? 0
        guard people == 0, users == 0 else { throw CopyError.targetInUse(people: people, users: users) }

        let tables = try await TableSummaries.tables(to, schema: nil).filter { $0 != "_fluent_migrations" }
        var types: [String: [(name: String, type: String)]] = [:]
        for table in tables { types[table] = try await Self.columnTypes(to, table) }
        let order = try await Self.insertOrder(to, tables)
        let columns = types
        try await (to as! any Database).transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("TRUNCATE \(SQLList(tables.map { SQLIdentifier($0) })) CASCADE").run()
            for table in order {
                try await Self.copyTable(table, columns: columns[table] ?? [], from: from, to: sql)
            }
        }
        let sourceSums = try await CrossSummaries.read(from, tables: tables, types: types)
        let targetSums = try await CrossSummaries.read(to, tables: tables, types: types)
        return (sourceSums, targetSums)
    }

    static func columnTypes(_ sql: any SQLDatabase, _ table: String) async throws -> [(name: String, type: String)] {
        struct Column: Decodable {
            let name: String
            let type: String
        }
        return try await sql.raw(
            """
            SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
            """
        ).all(decoding: Column.self).map { ($0.name, $0.type) }
    }

    /// Parents before children (a table referring to itself is ordered by its rows).
    static func insertOrder(_ sql: any SQLDatabase, _ tables: [String]) async throws -> [String] {
        struct Reference: Decodable {
            let child: String
            let parent: String
        }
        let references = try await sql.raw(
            """
            SELECT DISTINCT tc.table_name::text AS child, ccu.table_name::text AS parent
            FROM information_schema.table_constraints tc
            JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
              AND ccu.constraint_schema = tc.constraint_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            """
        ).all(decoding: Reference.self)
        var parents = Dictionary(grouping: references.filter { $0.child != $0.parent }, by: \.child).mapValues { Set($0.map(\.parent)) }
        var order: [String] = []
        var left = tables
        while !left.isEmpty {
            let ready = left.filter { (parents[$0] ?? []).isSubset(of: Set(order)) }
            let next = ready.isEmpty ? [left[0]] : ready
            order += next
            left.removeAll { next.contains($0) }
            for table in next { parents[table] = nil }
        }
        return order
    }

    /// Rows in batches of up to 50,000 values, by rowid; a table that refers to itself
    /// (regions) is read whole, parents first: shorter Kemendagri codes before longer ones.
    static func copyTable(
        _ table: String, columns: [(name: String, type: String)], from: any SQLDatabase, to: any SQLDatabase
    ) async throws {
        guard !columns.isEmpty else { return }
        let names = columns.map(\.name)
        let list = SQLList(names.map { SQLIdentifier($0) })
        let perBatch = max(1, 50_000 / names.count)
        var last: Int64 = 0
        while true {
            let rows: [any SQLRow]
            if table == "regions" {
                rows = try await from.raw("SELECT \(list) FROM regions ORDER BY length(code), code").all()
            } else {
                rows = try await from.raw(
                    """
                    SELECT rowid AS copy_rowid, \(list) FROM \(ident: table) WHERE rowid > \(bind: last) \
                    ORDER BY rowid LIMIT \(unsafeRaw: String(perBatch))
                    """
                ).all()
            }
            guard !rows.isEmpty else { return }
            for chunk in rows.chunked(into: perBatch) {
                var insert = to.insert(into: table).columns(names)
                for row in chunk { insert = insert.values(try columns.map { try Self.value(row, table, $0.name, $0.type) }) }
                try await insert.run()
            }
            if table == "regions" || rows.count < perBatch { return }
            last = try rows[rows.count - 1].decode(column: "copy_rowid", as: Int64.self)
        }
    }

    /// The SQLite value as the PostgreSQL column's type.
    static func value(_ row: any SQLRow, _ table: String, _ column: String, _ type: String) throws -> any SQLExpression {
        if try row.decodeNil(column: column) { return SQLLiteral.null }
        switch type {
        case "uuid":
            let text = try row.decode(column: column, as: String.self)
            guard let id = UUID(uuidString: text) else { throw StoredValueError(table: table, column: column, id: text) }
            return SQLBind(id)
        case "boolean":
            return SQLBind(try row.decode(column: column, as: Int.self) != 0)
        case "timestamp with time zone":
            return SQLBind(Date(timeIntervalSince1970: try row.decode(column: column, as: Double.self)))
        case "bigint", "integer", "smallint":
            return SQLBind(try row.decode(column: column, as: Int64.self))
        case "double precision", "real", "numeric":
            return SQLBind(try row.decode(column: column, as: Double.self))
        default:
            return SQLBind(try row.decode(column: column, as: String.self))
        }
    }
}
