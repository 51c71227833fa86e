extension RegionBrowser {
    struct View {
        let model: Model
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: model.title, section: .regions).document(
                .group(
                    .nav(
                        .class("breadcrumbs"), .ariaLabel(t(.regionsBreadcrumbLabel)),
                        .ol(
                            .forEach(model.crumbs) { crumb in
                                .li(crumbNode(crumb))
                            })),
                    .h1(.text(model.title)),
                    .unwrap(model.code) { code in
                        .p(.class("region-code"), .text("\(t(.regionsColumnCode)): "), .code(.text(code)))
                    },
                    .if(model.code == nil, .p(.text(t(.regionsIntro)))),
                    Forms.notice(model.notice),
                    .unwrap(model.childrenHeading) { .h2(.text($0)) },
                    .unwrap(model.emptyMessage) { message in
                        .div(
                            .class("empty"), .p(.text(message)),
                            .unwrap(model.importCommand) { command in
                                .p(Forms.sentence(t.template(.regionsEmptyImportHint), code: command))
                            })
                    },
                    .if(!model.rows.isEmpty, table),
                    .unwrap(model.potentials) { $0.node(context) },
                    .unwrap(model.crafts) { $0.node(context) }
                )
            )
        }

        private func crumbNode(_ crumb: Crumb) -> Node {
            guard let href = crumb.href else {
                return .span(.attribute(named: "aria-current", value: "page"), .text(crumb.name))
            }
            return .a(.href(href), .text(crumb.name))
        }

        private var table: Node {
            .div(
                .class("table-wrap"),
                .table(
                    .class("regions"),
                    .thead(
                        .tr(
                            .th(.text(t(.regionsColumnName))),
                            .th(.text(t(.regionsColumnCode))),
                            .th(.class("hide-narrow"), .text(t(.regionsColumnKind))),
                            .th(.class("num"), .text(t(.regionsColumnChildren)))
                        )),
                    .tbody(
                        .forEach(model.rows) { row in
                            .tr(
                                .td(.a(.href(row.href), .text(row.name))),
                                .td(.code(.text(row.code))),
                                .td(.class("hide-narrow"), .text(row.kind)),
                                .td(.class("num"), .text(row.childCount))
                            )
                        })
                )
            )
        }
    }
}
