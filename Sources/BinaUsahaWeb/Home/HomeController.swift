import BinaUsahaDomain
import Vapor

/// `/`: each role starts where its work is. A pendamping gets their field tasks, an operator
/// the kab/kota's work queue, the admin and the Kepala Dinas the counts per kab/kota; a partner
/// and anyone signed out the introduction with the region counts.
struct HomeController {
    func index(req: Request) async throws -> Response {
        let today = IndonesianCalendar.longDate(req.services.clock.now(), req.lang)
        switch req.principal {
        case let principal? where principal.role == .pendamping:
            return try await CoachingController().pendampingPage(req, principal: principal, path: "/")
        case let principal? where principal.role == .operatorKabkota:
            let queue = try await WorkQueue.load(req, principal: principal)
            let region = try await principal.region.asyncMap { try await req.services.regions(req.db).find($0)?.name } ?? nil
            return RoleHomePages.workQueue(queue, region: region ?? "", today: today, context: req.page()).response()
        case let principal? where principal.role == .adminProvinsi || principal.role == .pimpinan:
            return RoleHomePages.overview(try await RegionOverview.load(req, principal: principal), today: today, context: req.page()).response()
        case let principal? where principal.role == .mitra:
            return try await PartnersController().mitraPage(req, principal: principal, path: "/")
        default:
            return try await introduction(req, today: today)
        }
    }

    private func introduction(_ req: Request, today: String) async throws -> Response {
        let regions = req.services.regions(req.db)
        var counts: [(RegionLevel, Int)] = []
        for level in RegionLevel.allCases { counts.append((level, try await regions.count(level: level))) }
        var workRegion: (name: String, href: String)?
        if let code = req.principal?.region, let region = try await regions.find(code) {
            workRegion = (region.name, Site.region(code))
        }
        let model = Home.Model(
            today: today, regionCounts: counts.map { (level: $0.0, count: $0.1) },
            showImportHint: counts.first { $0.0 == .kecamatan }?.1 == 0, workRegion: workRegion)
        return Home.View(model: model, context: req.page()).document().response()
    }
}
