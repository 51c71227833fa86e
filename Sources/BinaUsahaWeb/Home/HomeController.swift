import BinaUsahaDomain
import Vapor

struct HomeController {
    func index(req: Request) async throws -> Response {
        let regions = req.services.regions(req.db)
        var counts: [(RegionLevel, Int)] = []
        for level in RegionLevel.allCases { counts.append((level, try await regions.count(level: level))) }
        var workRegion: (name: String, href: String)?
        if let code = req.principal?.region, let region = try await regions.find(code) {
            workRegion = (region.name, Site.region(code))
        }
        let model = Home.Model(
            today: IndonesianCalendar.longDate(req.services.clock.now(), req.lang),
            regionCounts: counts.map { (level: $0.0, count: $0.1) },
            showImportHint: counts.first { $0.0 == .kecamatan }?.1 == 0,
            workRegion: workRegion
        )
        return Home.View(model: model, context: req.page()).document().response()
    }
}
