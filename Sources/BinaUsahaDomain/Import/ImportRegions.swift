import Foundation

/// Loads a region list into the register: validates every row, keeps the good ones, and
/// upserts them by code so that importing the same file again changes nothing. The whole file,
/// the starting potentials of regions that are new, and the audit record are one unit of work.
public struct ImportRegions: Sendable {
    public let transactor: any Transactor
    public let clock: Clock
    public var batchSize = 500

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    public struct Report: Sendable, Equatable {
        public var total = 0
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public var rejected: [ImportProblem<RegionRowProblem>] = []
        /// Shipped potentials recorded for regions that now exist for the first time.
        public var potentialsAdded = 0

        public init() {}

        /// `baris 3.259, baru 12, diperbarui 0, tidak berubah 3.247, ditolak 0`
        public var summaryID: String {
            "baris \(total), baru \(inserted), diperbarui \(updated), tidak berubah \(unchanged), ditolak \(rejected.count)"
        }
    }

    /// - Parameters:
    ///   - rows: data rows read from the file.
    ///   - unreadable: rows the parser could not read at all (bad bytes, column count).
    ///   - expectedLevel: the level the file's layout implies, when it implies one.
    public func callAsFunction(
        rows: [RegionImportRow],
        unreadable: [ImportProblem<RegionRowProblem>] = [],
        expectedLevel: RegionLevel? = nil,
        fileName: String = "",
        by actor: AuditActor = .commandLine
    ) async throws -> Report {
        let now = clock.now()
        let batchSize = batchSize
        return try await transactor.run { repositories in
            var report = try await self.write(
                rows: rows, unreadable: unreadable, expectedLevel: expectedLevel, batchSize: batchSize,
                repository: repositories.regions)
            report.potentialsAdded = try await repositories.potentials.applyStartingPotentials()
            try await repositories.audit.record(
                .import, by: actor, at: now, entity: "region", entityID: nil, region: nil,
                note: fileName.isEmpty ? report.summaryID : "\(fileName): \(report.summaryID)")
            return report
        }
    }

    private func write(
        rows: [RegionImportRow], unreadable: [ImportProblem<RegionRowProblem>], expectedLevel: RegionLevel?,
        batchSize: Int, repository: any RegionRepository
    ) async throws -> Report {
        var report = Report()
        report.total = rows.count + unreadable.count
        report.rejected = unreadable

        var candidates: [(line: Int, region: Region)] = []
        var firstLine: [RegionCode: Int] = [:]
        for row in rows {
            switch validate(row, expectedLevel: expectedLevel) {
            case let .failure(problem):
                report.rejected.append(problem)
            case let .success(region):
                if let first = firstLine[region.code] {
                    report.rejected.append(
                        .init(
                            line: row.line, column: "code", value: row.code,
                            reason: .duplicateCode(firstLine: first)))
                    continue
                }
                firstLine[region.code] = row.line
                candidates.append((row.line, region))
            }
        }

        // Parents may come from the file or from the database.
        let parentCodes = Set(candidates.compactMap(\.region.parentCode)).subtracting(firstLine.keys)
        let knownParents = Set(try await repository.existing(parentCodes).keys)
        var accepted: [Region] = []
        var acceptedCodes = Set<RegionCode>()
        for candidate in candidates.sorted(by: { $0.region.code < $1.region.code }) {
            guard let parent = candidate.region.parentCode else {
                accepted.append(candidate.region)
                acceptedCodes.insert(candidate.region.code)
                continue
            }
            // A parent in the file counts only if that row itself was accepted.
            if knownParents.contains(parent) || acceptedCodes.contains(parent) {
                accepted.append(candidate.region)
                acceptedCodes.insert(candidate.region.code)
            } else {
                report.rejected.append(
                    .init(
                        line: candidate.line, column: "parent", value: parent.rawValue,
                        reason: .unknownParent(parent.rawValue)))
            }
        }

        for start in stride(from: 0, to: accepted.count, by: batchSize) {
            let batch = Array(accepted[start..<min(start + batchSize, accepted.count)])
            let existing = try await repository.existing(Set(batch.map(\.code)))
            var inserting: [Region] = []
            var updating: [Region] = []
            for region in batch {
                switch existing[region.code] {
                case nil: inserting.append(region)
                case region?: report.unchanged += 1
                case _?: updating.append(region)
                }
            }
            try await repository.save(inserting: inserting, updating: updating)
            report.inserted += inserting.count
            report.updated += updating.count
        }
        report.rejected.sort { $0.line < $1.line }
        return report
    }

    func validate(_ row: RegionImportRow, expectedLevel: RegionLevel?) -> Result<Region, ImportProblem<RegionRowProblem>> {
        let code: RegionCode
        do { code = try RegionCode(validating: row.code) } catch {
            return .failure(.init(line: row.line, column: "code", value: row.code, reason: .badCode(error)))
        }
        if let expectedLevel, code.level != expectedLevel {
            return .failure(
                .init(
                    line: row.line, column: "code", value: row.code,
                    reason: .wrongLevel(expected: expectedLevel, found: code.level)))
        }
        if let parent = row.parentCode?.trimmingCharacters(in: .whitespaces), parent != code.parent?.rawValue {
            return .failure(
                .init(
                    line: row.line, column: "parent", value: parent,
                    reason: .parentMismatch(parent: parent, code: code.rawValue)))
        }
        let name = row.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failure(.init(line: row.line, column: "name", value: row.name, reason: .emptyName)) }
        guard let implied = RegionKind.implied(by: code) else {
            return .failure(.init(line: row.line, column: "code", value: row.code, reason: .codeOutsideRanges(code.rawValue)))
        }
        var kind = implied
        if let text = row.kind?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            guard let given = RegionKind(rawValue: text.replacingOccurrences(of: " ", with: "_")) else {
                return .failure(.init(line: row.line, column: "kind", value: text, reason: .unknownKind(text)))
            }
            guard given == implied else {
                return .failure(.init(line: row.line, column: "kind", value: text, reason: .kindMismatch(kind: text, code: code.rawValue)))
            }
            kind = given
        }
        return .success(Region(code: code, name: name, kind: kind))
    }
}
