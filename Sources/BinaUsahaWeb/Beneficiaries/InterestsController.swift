import BinaUsahaDomain
import Vapor

/// `/admin/interests`: the vocabulary of interests and talents, extended by the admin.
struct InterestsController {
    func index(req: Request) async throws -> Response {
        try await page(req, notice: nil)
    }

    func add(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let text = (try? req.content.get(String.self, at: "tag")) ?? ""
        let (tag, added) = try await req.services.catalogueWrites(req.db).addInterest(text, by: principal)
        guard !tag.isEmpty else { return try await page(req, notice: nil) }
        return try await page(req, notice: added ? req.t(.intAdded, tag) : req.t(.intExists, tag))
    }

    private func page(_ req: Request, notice: String?) async throws -> Response {
        let t = req.t
        let context = req.page(path: Site.interests)
        let tags = try await req.services.interests(req.db).all()
        return Layout(context: context, title: t(.intTitle), section: .users).document(
            .div(
                .class("narrow"),
                .h1(.text(t(.intTitle))),
                Forms.notice(notice),
                .ul(.class("tags"), .forEach(tags) { .li(.text($0)) }),
                .form(
                    .method(.post), .action(Site.interests), Forms.csrf(context),
                    Forms.field(t(.intTag), name: "tag", required: true), Forms.submit(t(.intAdd)))
            )
        ).response()
    }
}
