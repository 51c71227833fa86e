import BinaUsahaDomain
import Fluent
import Vapor

/// `GET /beneficiaries/duplicates`: pairs under different NIKs that may be one person.
struct DuplicatesController {
    func index(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let pairs = try await req.services.beneficiaries(req.db).likelyDuplicates(in: principal.region, limit: 200)
            .filter { principal.covers($0.first.details.desa) && principal.covers($0.second.details.desa) }
        let t = req.t
        let today = CivilDate(req.services.clock.now())
        let names = try await req.services.desaNames(pairs.flatMap { [$0.first, $0.second] }, db: req.db)
        let rows = pairs.map { pair in
            (
                PersonSummary(pair.first, principal: principal, regionNames: names, today: today, t: t),
                PersonSummary(pair.second, principal: principal, regionNames: names, today: today, t: t),
                pair.reason == .sameNameAndBirthDate ? t(.dupSameNameBirth) : t(.dupSimilarFamily)
            )
        }
        let page = Layout(context: req.page(), title: t(.dupTitle), section: .beneficiaries).document(
            .group(
                .h1(.text(t(.dupTitle))),
                .p(.text(t(.dupIntro))),
                .if(rows.isEmpty, .p(.text(t(.dupNone)))),
                .ul(
                    .class("pairs"),
                    .forEach(rows) { first, second, reason in
                        .li(
                            .a(.href(Site.beneficiary(first.id)), .text("\(first.name) (\(first.nik))")), .text(" ↔ "),
                            .a(.href(Site.beneficiary(second.id)), .text("\(second.name) (\(second.nik))")),
                            .text(" · \(first.desa) · "), .em(.text(reason)))
                    })
            ))
        return page.response()
    }
}
