import Foundation

/// Reads a filtered list of people for export, batch by batch in list order (every row
/// exactly once), and records the export in the audit trail with its row count and filters.
public struct ExportBeneficiaries: Sendable {
    public let transactor: any Transactor
    public let repository: any BeneficiaryRepository
    public let clock: Clock
    public static let maximumRows = 200_000
    public static let batchSize = 1_000

    public init(transactor: any Transactor, repository: any BeneficiaryRepository, clock: Clock) {
        self.transactor = transactor
        self.repository = repository
        self.clock = clock
    }

    /// Hands each batch to `write`; returns the number of rows exported.
    @discardableResult
    public func callAsFunction(
        _ query: BeneficiaryQuery, filters: String, by principal: Principal,
        write: ([Beneficiary]) async throws -> Void
    ) async throws -> Int {
        var rows = 0
        var cursor: BeneficiaryCursor?
        while rows < Self.maximumRows {
            let batch = try await repository.rows(query, after: cursor, limit: min(Self.batchSize, Self.maximumRows - rows))
            try await write(batch)
            rows += batch.count
            guard let last = batch.last, batch.count == Self.batchSize else { break }
            cursor = BeneficiaryCursor(after: last)
        }
        let count = rows
        let now = clock.now()
        try await transactor.run { repositories in
            try await repositories.audit.record(
                .export, by: AuditActor(principal), at: now, entity: "beneficiary", entityID: nil,
                region: query.region ?? principal.region, note: "\(count) baris; saringan: \(filters)")
        }
        return rows
    }
}
