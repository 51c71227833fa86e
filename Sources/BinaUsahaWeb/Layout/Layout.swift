import Vapor

/// The shared page frame: header with the module navigation and language switch, main
/// content, footer. Mobile-first; works without scripts (`app.js` only enhances).
struct Layout {
    let context: PageContext
    let title: String
    let section: NavSection?

    private var t: Messages { context.t }

    func document(_ content: Node) -> HTML {
        HTML(
            .attribute(named: "lang", value: t.lang.rawValue),
            .head(
                .meta(.attribute(named: "charset", value: "utf-8")),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) · \(t(.appName))"),
                .stylesheet(Site.stylesheet),
                .script(Site.script),
                .link(.rel("icon"), .href(Site.favicon), .attribute(named: "type", value: "image/svg+xml"))
            ),
            .body(bodyNodes(content))
        )
    }

    /// The inside of `<body>`, for pages that need their own `<head>`.
    func bodyNodes(_ content: Node) -> Node {
        .group(
            .a(.class("skip"), .href("#isi"), .text(t(.skipToContent))),
            header,
            .main(.id("isi"), content),
            .footer(.class("site-footer"), .p(.text(t(.footerOffice))))
        )
    }

    private var header: Node {
        let other = t(.switchLanguageCode)
        let path = context.path
        return .header(
            .class("site-header"),
            .div(
                .class("brand-row"),
                .a(.class("brand"), .href("/"), .text(t(.appName))),
                .a(
                    .class("lang-switch"), .href("\(path)?lang=\(other)"), .attribute(named: "hreflang", value: other),
                    .attribute(named: "lang", value: other), .text(t(.switchLanguage))),
                // On a phone the menu folds behind this button; a checkbox, so it works without JavaScript.
                .label(.for("menu-toggle"), .class("menu-button"), .text(t(.navMenuButton)))
            ),
            .p(.class("tagline"), .text(t(.appTagline))),
            .input(.type(.checkbox), .id("menu-toggle"), .class("menu-toggle"), .attribute(named: "aria-label", value: t(.navMenu))),
            .div(
                .class("menu"),
                account,
                .nav(
                    .ariaLabel(t(.navMenu)),
                    .ul(
                        .forEach(NavSection.visible(to: context.principal)) { item in
                            .li(navEntry(item))
                        })
                ))
        )
    }

    /// Who is signed in, with password and sign-out; or the sign-in link.
    private var account: Node {
        guard let principal = context.principal else {
            return .div(.class("account"), .a(.href(Site.login), .text(t(.navLogin))))
        }
        return .div(
            .class("account"),
            .span(.class("who"), .text(t(.signedInAs, principal.username, principal.role.label(t.lang)))),
            .a(.href(Site.password), .text(t(.navPassword))),
            .form(
                .method(.post), .action(Site.logout), .class("inline"),
                .input(.type(.hidden), .name("_csrf"), .value(context.csrf)),
                .button(.type(.submit), .class("link"), .text(t(.navLogout))))
        )
    }

    private func navEntry(_ item: NavSection) -> Node {
        let href = item.path
        if item == section {
            return .a(.href(href), .attribute(named: "aria-current", value: "page"), .text(t(item.label)))
        }
        return .a(.href(href), .text(t(item.label)))
    }
}

extension HTML {
    /// The page as an HTTP response.
    func response(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: render()))
    }
}
