import BinaUsahaDomain
import Vapor

extension API {
    struct RegionResponse: Content {
        var code: String
        var name: String
        var level: String
        var kind: String
        var parentCode: String?
        var childCount: Int?

        enum CodingKeys: String, CodingKey {
            case code, name, level, kind
            case parentCode = "parent_code"
            case childCount = "child_count"
        }

        init(_ region: Region, childCount: Int? = nil) {
            code = region.code.rawValue
            name = region.name
            level = region.level.rawValue
            kind = region.kind.rawValue
            parentCode = region.parentCode?.rawValue
            self.childCount = childCount
        }
    }

    struct RegionListResponse: Content {
        var parent: String?
        var items: [RegionResponse]
    }

    struct RegionDetailResponse: Content {
        var region: RegionResponse
        /// Province first, the direct parent last.
        var ancestors: [RegionResponse]
    }
}
