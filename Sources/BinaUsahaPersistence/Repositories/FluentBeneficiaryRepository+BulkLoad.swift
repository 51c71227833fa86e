import FluentKit
import SQLKit

/// The register's read indexes, as migration 0007 created them: set aside during a large
/// import and built again after it (`BeneficiaryRepository.beginBulkLoad`). The primary key,
/// the unique NIK and the generation index (appended to, and read by other instances while
/// the import runs) stay.
enum BeneficiaryReadIndexes {
    static let all: [(name: String, columns: [String])] = [
        ("beneficiaries_name_key_idx", ["name_key"]), ("beneficiaries_no_kk_idx", ["no_kk"]),
        ("beneficiaries_desa_idx", ["desa_code", "name_key"]),
        ("beneficiaries_kecamatan_idx", ["kecamatan_code", "name_key"]),
        ("beneficiaries_kabkota_idx", ["kabkota_code", "name_key"]),
        ("beneficiaries_birth_idx", ["birth_date", "name_key"]),
    ]
}

extension FluentBeneficiaryRepository {
    public func beginBulkLoad() async throws {
        let sql = database.sql
        for index in BeneficiaryReadIndexes.all {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: index.name)").run()
        }
    }

    /// `CREATE INDEX IF NOT EXISTS`: one sort of the table per missing index (SQLite and
    /// PostgreSQL both build an index from a sorted scan, not row by row).
    public func finishBulkLoad() async throws {
        let sql = database.sql
        for index in BeneficiaryReadIndexes.all {
            let columns = SQLList(index.columns.map { SQLIdentifier($0) })
            try await sql.raw("CREATE INDEX IF NOT EXISTS \(ident: index.name) ON \(ident: "beneficiaries") (\(columns))").run()
        }
    }
}
