import BinaUsahaDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

public struct FluentBeneficiaryRepository: BeneficiaryRepository {
    let base: any Database
    /// The application's in-memory index of the register, when it keeps one: lists and counts
    /// are answered from it (outside units of work, which must see their own writes).
    let registerIndex: RegisterIndexStore?
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database, registerIndex: RegisterIndexStore? = nil) {
        base = database
        self.registerIndex = registerIndex
    }

    /// The index to read lists from: none inside a unit of work.
    var index: RegisterIndexStore? { UnitOfWork.connection == nil ? registerIndex : nil }

    public func existing(niks: [String]) async throws -> [String: Beneficiary] {
        var found: [String: Beneficiary] = [:]
        for chunk in niks.chunked(into: 900) {
            for record in try await BeneficiaryRecord.query(on: database).filter(\.$nik ~~ chunk).all() {
                found[record.nik] = try record.toDomain()
            }
        }
        return found
    }

    /// Inserts and updates in one write transaction. Each updated record must still have the
    /// version it was read with (its own version − 1); otherwise nothing is written and
    /// `WriteConflict.stale` is thrown.
    public func save(inserting: [Beneficiary], updating: [Beneficiary]) async throws {
        guard !inserting.isEmpty || !updating.isEmpty else { return }
        try await database.write { db in
            let sql = db.sql
            let generation = try await RegisterGeneration.next(on: sql)
            let written = try await BulkRows.write(
                count: inserting.count, into: BeneficiaryRecord.schema, columns: BeneficiaryColumns.names, on: db
            ) { inserting.map { BeneficiaryColumns.fields($0, generation: generation) } }
            if !written { try await Self.insert(inserting, generation: generation, on: sql) }
            for beneficiary in updating {
                guard try await Self.write(beneficiary, on: sql, expectedVersion: beneficiary.version - 1, generation: generation) else {
                    throw WriteConflict.stale
                }
            }
        }
    }

    /// Multi-row `INSERT`s of up to 1,000 people.
    static func insert(_ inserting: [Beneficiary], generation: Int64, on sql: any SQLDatabase) async throws {
        for chunk in inserting.chunked(into: 1_000) {
            var insert = sql.insert(into: BeneficiaryRecord.schema).columns(BeneficiaryColumns.names)
            for beneficiary in chunk { insert = insert.values(BeneficiaryColumns.values(beneficiary, generation: generation)) }
            try await insert.run()
        }
    }

    /// Overwrites every column of an existing row (by id) if it still has `expectedVersion`;
    /// false (and nothing written) when it does not.
    static func write(_ beneficiary: Beneficiary, on sql: any SQLDatabase, expectedVersion: Int, generation: Int64) async throws -> Bool {
        var update = sql.update(BeneficiaryRecord.schema)
        for (name, value) in zip(BeneficiaryColumns.names, BeneficiaryColumns.values(beneficiary, generation: generation))
        where name != "id" && name != "created_at" {
            update = update.set(SQLIdentifier(name), to: value)
        }
        let written = try await update.where("id", .equal, SQLBind(beneficiary.id)).where("version", .equal, SQLBind(expectedVersion))
            .returning("id").all()
        return !written.isEmpty
    }

    public func find(id: UUID) async throws -> Beneficiary? {
        try await BeneficiaryRecord.find(id, on: database)?.toDomain()
    }

    public func find(nik: String) async throws -> Beneficiary? {
        try await BeneficiaryRecord.query(on: database).filter(\.$nik == nik).first()?.toDomain()
    }

    public func family(noKK: String) async throws -> [Beneficiary] {
        try await BeneficiaryRecord.query(on: database).filter(\.$noKK == noKK).sort(\.$birthDate).all().map { try $0.toDomain() }
    }

    public func search(_ query: BeneficiaryQuery) async throws -> BeneficiaryPage {
        if let index {
            let page = try await index.page(query, on: database)
            return BeneficiaryPage(items: try await rows(ids: page.ids), total: page.total)
        }
        let builder = filtered(query)
        let total = try await builder.count()
        let records = try await builder.sort(\.$nameKey).sort(\.$nik)
            .offset(query.offset).limit(query.perPage).all()
        return BeneficiaryPage(items: try records.map { try $0.toDomain() }, total: total)
    }

    /// The records matching the query's filters (not its page).
    func filtered(_ query: BeneficiaryQuery) -> QueryBuilder<BeneficiaryRecord> {
        let builder = BeneficiaryRecord.query(on: database)
        if let scope = query.scope { Self.within(scope, builder) }
        if let region = query.region { Self.within(region, builder) }
        if let name = query.name.map(TextFolding.fold), !name.isEmpty {
            // Every word typed must start some word of the name, in any order. Without the
            // register index (inside a unit of work, exports) this reads the scope's rows in
            // name order; the index answers the pages' and the API's searches.
            for word in Self.words(name).prefix(5) {
                let pattern = "% " + Self.escapedForLike(word) + "%"
                builder.filter(.sql(SQLQueryString("(' ' || \(ident: "name_key")) LIKE \(bind: pattern) ESCAPE '\\'")))
            }
        }
        if let ppks = query.ppks { builder.filter(\.$ppks, .custom("LIKE"), "%;\(ppks);%") }
        if let decile = query.decile { builder.filter(\.$decile == decile) }
        if let status = query.status { builder.filter(\.$status == status.rawValue) }
        if let interest = query.interest { builder.filter(\.$interests, .custom("LIKE"), "%;\(interest);%") }
        if let niks = query.nikRange {
            // Digits only (or no one): the prefix is a LIKE pattern without wildcards of its own.
            builder.filter(\.$nik, .custom("LIKE"), niks.isEmpty ? "" : (query.nikPrefix ?? "") + "%")
        }
        return builder
    }

    /// The next rows in list order after `cursor`: an export reads the whole list this way,
    /// each row exactly once, however many rows it has and whatever is written meanwhile.
    public func rows(_ query: BeneficiaryQuery, after cursor: BeneficiaryCursor?, limit: Int) async throws -> [Beneficiary] {
        let builder = filtered(query)
        if let cursor {
            builder.group(.or) { or in
                or.filter(\.$nameKey > cursor.nameKey)
                or.group(.and) { and in
                    and.filter(\.$nameKey == cursor.nameKey)
                    and.filter(\.$nik > cursor.nik)
                }
            }
        }
        return try await builder.sort(\.$nameKey).sort(\.$nik).limit(limit).all().map { try $0.toDomain() }
    }

    /// The distinct words of a folded name.
    static func words(_ nameKey: String) -> [String] {
        var seen = Set<Substring>()
        return nameKey.split(separator: " ").filter { seen.insert($0).inserted }.map(String.init)
    }

    /// `%`, `_` and the escape character itself taken literally in a `LIKE … ESCAPE '\'`.
    static func escapedForLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Limits a query to one region of any level, using the column of that level.
    static func within(_ region: RegionCode, _ builder: QueryBuilder<BeneficiaryRecord>) {
        switch region.level {
        case .provinsi: builder.filter(\.$kabkotaCode, .custom("LIKE"), region.rawValue + ".%")
        case .kabupatenKota: builder.filter(\.$kabkotaCode == region.rawValue)
        case .kecamatan: builder.filter(\.$kecamatanCode == region.rawValue)
        case .desaKelurahan: builder.filter(\.$desaCode == region.rawValue)
        }
    }

    /// The same region filter on an SQLKit select (the register and the "Dihapus" list share
    /// the region columns).
    @discardableResult
    static func within(_ region: RegionCode, _ select: SQLSelectBuilder) -> SQLSelectBuilder {
        switch region.level {
        case .provinsi: select.where("kabkota_code", .like, SQLBind(region.rawValue + ".%"))
        case .kabupatenKota: select.where("kabkota_code", .equal, SQLBind(region.rawValue))
        case .kecamatan: select.where("kecamatan_code", .equal, SQLBind(region.rawValue))
        case .desaKelurahan: select.where("desa_code", .equal, SQLBind(region.rawValue))
        }
    }

    /// The records with these ids, in the order of `ids` (ids removed meanwhile are left out).
    func rows(ids: [UUID]) async throws -> [Beneficiary] {
        guard !ids.isEmpty else { return [] }
        // The statement as text with one bind per id: SQLKit's builder spent 4 % of a page serializing it.
        let sql = "SELECT \(BeneficiaryRow.selectList) FROM \(BeneficiaryRecord.schema) WHERE id IN ("
        var query = SQLQueryString(stringLiteral: sql)
        for (i, id) in ids.enumerated() {
            query.appendInterpolation(unsafeRaw: i == 0 ? "" : ", ")
            query.appendInterpolation(bind: id)
        }
        query.appendLiteral(")")
        let people = try await (database as! any SQLDatabase).raw(query).all().map { try BeneficiaryRow(row: $0).toDomain() }
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    public func update(_ beneficiary: Beneficiary, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in
            let generation = try await RegisterGeneration.next(on: db.sql)
            return try await Self.write(beneficiary, on: db.sql, expectedVersion: expectedVersion, generation: generation)
        }
    }

    public func delete(id: UUID, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in
            let generation = try await RegisterGeneration.next(on: db.sql)
            let deleted = try await db.sql.delete(from: BeneficiaryRecord.schema).where("id", .equal, SQLBind(id))
                .where("version", .equal, SQLBind(expectedVersion)).returning("id").all()
            guard !deleted.isEmpty else { return false }
            try await db.sql.insert(into: "register_removals").columns("generation", "beneficiary_id")
                .values(SQLBind(generation), SQLBind(id)).run()
            return true
        }
    }

    public func count(in scope: RegionCode?) async throws -> Int {
        if let index { return try await index.count(in: scope, on: database) }
        let builder = BeneficiaryRecord.query(on: database)
        if let scope { Self.within(scope, builder) }
        return try await builder.count()
    }

    public func likelyDuplicates(in scope: RegionCode?, limit: Int) async throws -> [DuplicateCandidate] {
        struct Pair: Decodable {
            let a: UUID
            let b: UUID
            let reason: String
        }
        let sql = database as! any SQLDatabase
        // Both people of a pair must be inside the reader's region.
        let scopeClause: SQLQueryString =
            scope.map {
                "AND (x.desa_code = \(bind: $0.rawValue) OR x.desa_code LIKE \(bind: $0.rawValue + ".%")) "
                    + "AND (y.desa_code = \(bind: $0.rawValue) OR y.desa_code LIKE \(bind: $0.rawValue + ".%"))"
            } ?? ""
        // Same folded name and birth date; or, within one KK and desa, one name the start of the
        // other ("siti aminah" / "siti aminah binti ali").
        let raw: SQLQueryString = """
            SELECT x.id AS a, y.id AS b, 'same_name_birth_date' AS reason FROM beneficiaries x
              JOIN beneficiaries y ON y.name_key = x.name_key AND y.birth_date = x.birth_date AND y.nik > x.nik
              WHERE 1 = 1 \(scopeClause)
            UNION ALL
            SELECT x.id AS a, y.id AS b, 'similar_name_same_kk' AS reason FROM beneficiaries x
              JOIN beneficiaries y ON y.no_kk = x.no_kk AND y.desa_code = x.desa_code AND y.nik <> x.nik
                AND y.name_key <> x.name_key AND y.name_key LIKE x.name_key || '%'
              WHERE 1 = 1 \(scopeClause)
            LIMIT \(unsafeRaw: String(limit))
            """
        let pairs = try await sql.raw(raw).all(decoding: Pair.self)
        var result: [DuplicateCandidate] = []
        for pair in pairs {
            guard let first = try await find(id: pair.a), let second = try await find(id: pair.b) else { continue }
            result.append(.init(first: first, second: second, reason: try Stored.value(pair.reason, "duplicates.reason", of: pair.a)))
        }
        return result
    }
}
