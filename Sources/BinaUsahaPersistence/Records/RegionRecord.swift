import BinaUsahaDomain
import FluentKit

/// A row of `regions`. The primary key is the dotted Kemendagri code itself.
public final class RegionRecord: Model, @unchecked Sendable {
    public static let schema = "regions"

    // managed
    @ID(custom: "code", generatedBy: .user) public var id: String?

    // data
    @Field(key: "name") public var name: String
    @Field(key: "level") public var level: String
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "parent_code") public var parentCode: String?

    public init() {}

    public init(_ region: Region) {
        self.id = region.code.rawValue
        self.apply(region)
    }

    func apply(_ region: Region) {
        name = region.name
        level = region.level.rawValue
        kind = region.kind.rawValue
        parentCode = region.parentCode?.rawValue
    }

    public func toDomain() throws -> Region {
        Region(code: RegionCode(trusted: id ?? ""), name: name, kind: try Stored.value(kind, "regions.kind", of: id ?? "?"))
    }
}
