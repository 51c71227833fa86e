/// A province, kabupaten/kota, kecamatan or desa/kelurahan.
public struct Region: Hashable, Sendable, Codable {
    public var code: RegionCode
    public var name: String
    public var kind: RegionKind

    public init(code: RegionCode, name: String, kind: RegionKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }

    public var level: RegionLevel { code.level }
    public var parentCode: RegionCode? { code.parent }
}

/// A region with the number of regions directly below it.
public struct RegionWithChildCount: Hashable, Sendable {
    public var region: Region
    public var childCount: Int

    public init(region: Region, childCount: Int) {
        self.region = region
        self.childCount = childCount
    }
}
