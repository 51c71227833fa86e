import BinaUsahaDomain

/// The home page of each role: where its work is.
enum RoleHomePages {
    /// A kab/kota operator's work queue, with a button per task.
    static func workQueue(_ queue: WorkQueue, region: String, today: String, context: PageContext) -> HTML {
        let t = context.t
        func list(_ heading: String, _ items: [WorkQueue.Item], action: String) -> Node {
            .if(
                !items.isEmpty,
                .section(
                    .class("queue"), .h2(.text("\(heading) (\(items.count.formattedID))")),
                    .ul(
                        .class("cards"),
                        .forEach(items) { item in
                            .li(
                                .a(
                                    .class("card-link"), .href(item.href), .strong(.text(item.title)), .span(.class("muted"), .text(item.detail)),
                                    .span(.class("button small"), .text(action))))
                        })))
        }
        return Layout(context: context, title: t(.homeTitle), section: .home).document(
            .group(
                .h1(.text(t(.workTitle, region))),
                .p(.class("today"), .text("\(t(.homeToday)): \(today) · \(t(.workPeople, queue.people.formattedID))")),
                .p(
                    .class("actions"), .a(.class("button"), .href(Site.newBeneficiary), .text(t(.benNew))),
                    .a(.class("button secondary"), .href(Site.beneficiaryImport), .text(t(.benImport))),
                    .a(.class("button secondary"), .href(Site.plans), .text(t(.workNewPlan))),
                    .a(.class("button secondary"), .href(Site.newSession), .text(t(.sesNew)))),
                .if(queue.isEmpty, .p(.class("alert ok"), .text(t(.workNothing)))),
                list(t(.workImports), queue.imports, action: t(.workOpen)),
                list(t(.workUnrecorded), queue.unrecordedSessions, action: t(.workRecord)),
                list(t(.workLedgerDue), queue.ledgerDue, action: t(.workRecord)),
                list(t(.workMonthsToClose), queue.monthsToClose, action: t(.workOpen)),
                list(t(.workNoOfficers), queue.groupsWithoutOfficers, action: t(.workOpen)),
                list(t(.workToActivate), queue.groupsToActivate, action: t(.workOpen)),
                list(t(.workPlans), queue.plans, action: t(.workOpen)),
                .p(
                    .a(.href(Site.duplicates), .text(t(.workDuplicates))), .text(" · "),
                    .a(.href(Site.beneficiariesDeleted), .text(t(.benDeletedLink))))
            ))
    }

    /// The admin's and the Kepala Dinas's landing page: people and KUBE per kab/kota.
    static func overview(_ overview: RegionOverview, today: String, context: PageContext) -> HTML {
        let t = context.t
        let totals = overview.rows.reduce(into: (0, 0, 0, 0)) { sum, row in
            sum = (sum.0 + row.people, sum.1 + row.draft, sum.2 + row.active, sum.3 + row.dissolved)
        }
        return Layout(context: context, title: t(.homeTitle), section: .home).document(
            .group(
                .h1(.text(t(.overviewTitle))),
                .p(.class("today"), .text("\(t(.homeToday)): \(today)")),
                .p(.class("field-hint"), .text(t(.overviewIntro))),
                .div(
                    .class("table-wrap"),
                    .table(
                        .class("stack"),
                        .thead(
                            .tr(
                                .th(.text(t(.prgFieldKabkota))), .th(.class("num"), .text(t(.overviewPeople))),
                                .th(.class("num"), .text(t(.overviewDraft))), .th(.class("num"), .text(t(.overviewActive))),
                                .th(.class("num"), .text(t(.overviewDissolved))))),
                        .tbody(
                            .forEach(overview.rows) { row in
                                .tr(
                                    .td(
                                        .attribute(named: "data-label", value: t(.prgFieldKabkota)), .a(.href(Site.region(row.code)), .text(row.name))
                                    ),
                                    .td(.class("num"), .attribute(named: "data-label", value: t(.overviewPeople)), .text(row.people.formattedID)),
                                    .td(.class("num"), .attribute(named: "data-label", value: t(.overviewDraft)), .text(row.draft.formattedID)),
                                    .td(.class("num"), .attribute(named: "data-label", value: t(.overviewActive)), .text(row.active.formattedID)),
                                    .td(
                                        .class("num"), .attribute(named: "data-label", value: t(.overviewDissolved)), .text(row.dissolved.formattedID)
                                    ))
                            },
                            .tr(
                                .class("total"), .th(.text(t(.overviewTotal))),
                                .td(.class("num"), .attribute(named: "data-label", value: t(.overviewPeople)), .text(totals.0.formattedID)),
                                .td(.class("num"), .attribute(named: "data-label", value: t(.overviewDraft)), .text(totals.1.formattedID)),
                                .td(.class("num"), .attribute(named: "data-label", value: t(.overviewActive)), .text(totals.2.formattedID)),
                                .td(.class("num"), .attribute(named: "data-label", value: t(.overviewDissolved)), .text(totals.3.formattedID)))))),
                .p(
                    .class("actions"), .a(.class("button"), .href(Site.beneficiaries), .text(t(.navBeneficiaries))),
                    .a(.class("button secondary"), .href(Site.groups), .text(t(.navGroups))),
                    .a(.class("button secondary"), .href(Site.regions), .text(t(.navRegions))))
            ))
    }
}
