import BinaUsahaDomain

/// A region repository in a dictionary, for domain tests.
actor InMemoryRegionRepository: RegionRepository {
    var regions: [RegionCode: Region] = [:]
    var saves = 0

    init(_ seed: [Region] = SumateraSelatan.all) {
        for region in seed { regions[region.code] = region }
    }

    func find(_ code: RegionCode) async throws -> Region? { regions[code] }

    func existing(_ codes: Set<RegionCode>) async throws -> [RegionCode: Region] {
        regions.filter { codes.contains($0.key) }
    }

    func children(of parent: RegionCode?) async throws -> [RegionWithChildCount] {
        regions.values
            .filter { parent == nil ? $0.level == .provinsi : $0.parentCode == parent }
            .sorted { $0.code < $1.code }
            .map { child in RegionWithChildCount(region: child, childCount: regions.values.filter { $0.parentCode == child.code }.count) }
    }

    func count(level: RegionLevel) async throws -> Int { regions.values.filter { $0.level == level }.count }

    func codes(level: RegionLevel) async throws -> Set<RegionCode> { Set(regions.keys.filter { $0.level == level }) }

    func save(inserting: [Region], updating: [Region]) async throws {
        saves += 1
        for region in inserting + updating { regions[region.code] = region }
    }
}
