import BinaUsahaDomain
import Foundation

enum Home {
    struct Model {
        var today: String
        /// Regions per level, province first.
        var regionCounts: [(level: RegionLevel, count: Int)]
        var showImportHint: Bool
        /// The signed-in user's own region, linked.
        var workRegion: (name: String, href: String)?
    }
}
