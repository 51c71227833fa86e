import BinaUsahaDomain

/// The audit trail page (admin_provinsi and pimpinan).
enum AuditTrailPage {
    struct Row {
        var when: String
        var who: String
        var action: String
        var record: String
        var changes: [String]
        var note: String?
    }

    struct Model {
        var query: AuditQuery
        var rows: [Row]
        var total: Int
        var page: Int
        var pageCount: Int
        var error: String?
        /// The query string without `page`, for the pager links.
        var baseQuery: String
        var regionOptions: [(value: String, label: String)] = []
    }

    struct View {
        let model: Model
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.auditTitle), section: .audit).document(
                .group(
                    .h1(.text(t(.auditTitle))),
                    .p(.text(t(.auditIntro))),
                    .form(
                        .method(.get), .action(Site.audit), .class("filters"),
                        Forms.field(t(.auditFilterUser), name: "user", value: model.query.user ?? ""),
                        Forms.select(
                            t(.auditFilterEntity), name: "entity",
                            options: [(value: "", label: t(.auditAllEntities))]
                                + AuditLabels.entities.map { (value: $0.key, label: t.lang == .id ? $0.id : $0.en) },
                            selected: model.query.entity ?? ""),
                        Forms.field(t(.auditFilterFrom), name: "from", type: .date, value: model.query.from ?? ""),
                        Forms.field(t(.auditFilterUntil), name: "until", type: .date, value: model.query.until ?? ""),
                        Forms.select(t(.auditFilterRegion), name: "region", options: model.regionOptions, selected: model.query.region ?? ""),
                        Forms.submit(t(.auditFilterSubmit))
                    ),
                    .unwrap(model.error) { .div(.class("alert error"), .p(.text($0))) },
                    .p(.class("muted"), .text(t(.auditTotal, model.total.formattedID))),
                    .if(model.rows.isEmpty, .p(.text(t(.auditEmpty)))),
                    .if(!model.rows.isEmpty, table),
                    pager
                )
            )
        }

        private var table: Node {
            .div(
                .class("table-wrap"),
                .table(
                    .class("audit stack"),
                    .thead(
                        .tr(
                            .th(.text(t(.auditColumnWhen))), .th(.text(t(.auditColumnWho))), .th(.text(t(.auditColumnAction))),
                            .th(.text(t(.auditColumnRecord))), .th(.text(t(.auditColumnChanges))))),
                    .tbody(
                        .forEach(model.rows) { row in
                            .tr(
                                .td(.strong(.text(row.when))), .td(.attribute(named: "data-label", value: t(.auditColumnWho)), .text(row.who)),
                                .td(.attribute(named: "data-label", value: t(.auditColumnAction)), .text(row.action)),
                                .td(.attribute(named: "data-label", value: t(.auditColumnRecord)), .text(row.record)),
                                .td(
                                    .ul(
                                        .class("changes"), .forEach(row.changes) { .li(.text($0)) },
                                        .unwrap(row.note) { .li(.em(.text($0))) }))
                            )
                        })
                ))
        }

        private var pager: Node {
            .nav(
                .class("pager"),
                .if(model.page > 1, .a(.href(Site.audit + "?\(model.baseQuery)page=\(model.page - 1)"), .text(t(.auditPrev)))),
                .if(model.page < model.pageCount, .a(.href(Site.audit + "?\(model.baseQuery)page=\(model.page + 1)"), .text(t(.auditNext)))))
        }
    }
}
