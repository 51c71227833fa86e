import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// The application's `RegisterIndex`, kept up to date with the database. Before answering, it
/// reads the register's generation (one row); when another request, command or app instance
/// wrote since, it reads only the rows stamped with a later generation and the ids removed
/// after it, and applies them. The first use builds the index from the whole register.
/// One store per application (the composition root makes it); several instances each keep
/// their own and stay correct because every answer starts from the committed generation.
public final class RegisterIndexStore: @unchecked Sendable {
    private let lock = ReadWriteLock()
    // Guarded by `lock`.
    private var index: RegisterIndex?
    private var generation: Int64 = 0
    private let updater = Updater()

    public init() {}

    func page(_ query: BeneficiaryQuery, on database: any Database) async throws -> RegisterIndex.Page {
        try await bringUpToDate(database.sql)
        return lock.reading { index?.search(query) ?? .init(ids: [], total: 0) }
    }

    func count(in scope: RegionCode?, on database: any Database) async throws -> Int {
        try await bringUpToDate(database.sql)
        return lock.reading { index?.count(in: scope) ?? 0 }
    }

    private func bringUpToDate(_ sql: any SQLDatabase) async throws {
        let target = try await RegisterGeneration.current(on: sql)
        guard !isCurrent(target) else { return }
        try await updater.update(self, to: target, sql)
    }

    fileprivate func isCurrent(_ target: Int64) -> Bool {
        lock.reading { index != nil && generation >= target }
    }

    fileprivate func replace(with fresh: RegisterIndex, generation target: Int64) {
        lock.writing {
            index = fresh
            generation = target
        }
    }

    /// Applies the changes; false when the index must be built anew.
    fileprivate func apply(_ upserts: [RegisterEntry], _ removals: [UUID], generation target: Int64) -> Bool {
        lock.writing {
            guard index?.apply(upserts: upserts, removals: removals) == true else { return false }
            generation = target
            return true
        }
    }

    fileprivate var known: (built: Bool, generation: Int64) { lock.reading { (index != nil, generation) } }

    /// One update at a time: requests that find the index behind wait for the one update.
    private actor Updater {
        func update(_ store: RegisterIndexStore, to target: Int64, _ sql: any SQLDatabase) async throws {
            guard !store.isCurrent(target) else { return }
            let known = store.known
            if known.built {
                var upserts: [RegisterEntry] = []
                try await RegisterRows.read(sql, after: known.generation) { upserts.append($0) }
                let removals = try await Self.removals(sql, after: known.generation)
                if store.apply(upserts, removals, generation: target) { return }
            }
            let desa = try await sql.select().column("code").from("regions").where("level", .equal, RegionLevel.desaKelurahan.rawValue)
                .all(decoding: CodeRow.self).map { RegionCode(trusted: $0.code) }
            let people =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("beneficiaries")
                .first(decoding: CountRow.self)?.n ?? 0
            var builder = RegisterIndex.Builder(desa: desa, expectedCount: people)
            try await RegisterRows.read(sql, after: nil) { builder.add($0) }
            store.replace(with: builder.finish(), generation: target)
        }

        struct CodeRow: Decodable { let code: String }
        struct CountRow: Decodable { let n: Int }

        static func removals(_ sql: any SQLDatabase, after generation: Int64) async throws -> [UUID] {
            struct Removal: Decodable { let beneficiary_id: UUID }
            return try await sql.select().column("beneficiary_id").from("register_removals")
                .where("generation", .greaterThan, SQLBind(generation)).all(decoding: Removal.self).map(\.beneficiary_id)
        }
    }
}
