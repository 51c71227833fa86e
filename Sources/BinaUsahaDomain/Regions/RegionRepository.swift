/// Where regions are stored. Implemented by Fluent in the persistence target.
public protocol RegionRepository: Sendable {
    func find(_ code: RegionCode) async throws -> Region?
    /// Regions among `codes` that exist.
    func existing(_ codes: Set<RegionCode>) async throws -> [RegionCode: Region]
    /// Direct children of `parent` (provinces when `nil`), by code, with their own child counts.
    func children(of parent: RegionCode?) async throws -> [RegionWithChildCount]
    func count(level: RegionLevel) async throws -> Int
    /// Every code of one level (for validating large imports without a query per row).
    func codes(level: RegionLevel) async throws -> Set<RegionCode>
    /// Every region of one level inside `scope` (everywhere when nil), by code: the desa a
    /// form's type-ahead searches.
    func regions(level: RegionLevel, within scope: RegionCode?) async throws -> [Region]
    /// Inserts new regions and updates changed ones in one transaction.
    func save(inserting: [Region], updating: [Region]) async throws
}

extension RegionRepository {
    /// The region and its ancestors, province first; `nil` when the region does not exist.
    public func lineage(of code: RegionCode) async throws -> [Region]? {
        let found = try await existing(Set(code.lineage))
        guard found[code] != nil else { return nil }
        return code.lineage.compactMap { found[$0] }
    }
}
