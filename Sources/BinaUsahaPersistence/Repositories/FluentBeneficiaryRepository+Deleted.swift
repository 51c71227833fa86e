import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// The "Dihapus" list (migration 0021): rows move between `beneficiaries` and
/// `deleted_beneficiaries` inside the caller's unit of work.
extension FluentBeneficiaryRepository {
    static let deletedSchema = "deleted_beneficiaries"
    /// The columns both tables share (all of the register's but its generation).
    static let sharedColumns = BeneficiaryColumns.names.filter { $0 != "generation" }

    public func moveToDeleted(_ deleted: DeletedBeneficiary, expectedVersion: Int) async throws -> Bool {
        try await database.write { db in
            // The row is claimed at its version first: on PostgreSQL a second deleter with the same
            // version waits here, then finds it moved on (false), instead of colliding in the list.
            let id = deleted.beneficiary.id
            guard try await db.sql.claimVersion(of: BeneficiaryRecord.schema, id: id, expected: expectedVersion) else { return false }
            let list = Self.sharedColumns.map { "\"\($0)\"" }.joined(separator: ", ")
            // The list keeps the version that was deleted (an integer, so written as a literal).
            let values = Self.sharedColumns.map { $0 == "version" ? String(expectedVersion) : "\"\($0)\"" }.joined(separator: ", ")
            try await db.sql.raw(
                """
                INSERT INTO \(unsafeRaw: Self.deletedSchema) (\(unsafeRaw: list), reason, deleted_at, deleted_by)
                SELECT \(unsafeRaw: values), \(bind: deleted.reason), \(bind: deleted.deletedAt), \(bind: deleted.deletedBy)
                FROM \(unsafeRaw: BeneficiaryRecord.schema) WHERE id = \(bind: id)
                """
            ).run()
            return try await delete(id: id, expectedVersion: expectedVersion + 1)
        }
    }

    public func deleted(in scope: RegionCode?, since: Date, limit: Int) async throws -> [DeletedBeneficiary] {
        var select = database.sql.select().columns((BeneficiaryRow.columns + ["reason", "deleted_at", "deleted_by"]).map { SQLIdentifier($0) })
            .from(Self.deletedSchema).where("deleted_at", .greaterThanOrEqual, SQLBind(since))
        if let scope { select = Self.within(scope, select) }
        return try await select.orderBy("deleted_at", .descending).limit(min(max(1, limit), 1_000)).all().map(Self.deletedEntry)
    }

    public func deleted(id: UUID) async throws -> DeletedBeneficiary? {
        try await database.sql.select().columns((BeneficiaryRow.columns + ["reason", "deleted_at", "deleted_by"]).map { SQLIdentifier($0) })
            .from(Self.deletedSchema).where("id", .equal, SQLBind(id)).first().map(Self.deletedEntry)
    }

    public func moveBack(_ restored: Beneficiary) async throws -> Bool {
        try await database.write { db in
            let removed = try await db.sql.delete(from: Self.deletedSchema).where("id", .equal, SQLBind(restored.id)).returning("id").all()
            guard !removed.isEmpty else { return false }
            try await save(inserting: [restored], updating: [])
            return true
        }
    }

    public func eraseDeleted(before date: Date) async throws -> Int {
        try await database.sql.delete(from: Self.deletedSchema).where("deleted_at", .lessThan, SQLBind(date)).returning("id").all().count
    }

    static func deletedEntry(_ row: any SQLRow) throws -> DeletedBeneficiary {
        DeletedBeneficiary(
            beneficiary: try BeneficiaryRow(row: row).toDomain(), reason: try row.decode(column: "reason", as: String.self),
            deletedAt: try row.decode(column: "deleted_at", as: Date.self), deletedBy: try row.decode(column: "deleted_by", as: String.self))
    }
}
