import BinaUsahaDomain
import Foundation

/// The plan pages: the list with the form for a new proposal, and one plan to review and edit.
enum PlanPages {
    struct Model {
        var plan: GroupPlan
        var names: [UUID: String]
        var regions: [RegionCode: Region]
        var skills: [String: String]
        var groupOffset: Int
        var shownGroups: [PlannedGroup]
        var groupPage: Int
        var groupPages: Int
        var shownLeftOut: [LeftOutPerson]
        var leftPage: Int
        var leftPages: Int
        var canEdit: Bool
        var notice: String?
        var errors: [String]

        func place(_ code: RegionCode?) -> String {
            guard let code else { return "" }
            return regions[code].map(Recommender.placeName) ?? code.rawValue
        }
        func skill(_ code: String) -> String { skills[code] ?? code }
    }

    static func scopeName(_ scope: RegionCode?, _ regions: [RegionCode: Region], _ t: Messages) -> String {
        guard let scope else { return t(.planWholeProvince) }
        return regions[scope].map(Recommender.placeName) ?? scope.rawValue
    }

    static func list(
        _ plans: [GroupPlanSummary], regionNames: [RegionCode: Region], canPlan: Bool, errors: [String],
        regionOptions: [(value: String, label: String)], context: PageContext
    ) -> HTML {
        let t = context.t
        return Layout(context: context, title: t(.planTitle), section: .groups).document(
            .group(
                .h1(.text(t(.planTitle))),
                .p(.text(t(.planIntro))),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .if(
                    canPlan,
                    .form(
                        .method(.post), .action(Site.plans), .class("inline-form"), Forms.csrf(context),
                        .h2(.text(t(.planNew))),
                        Forms.select(t(.planFieldRegion), name: "region", options: regionOptions, selected: ""),
                        Forms.field(t(.planFieldTarget), name: "target_size", type: .number, value: "10"),
                        Forms.submit(t(.planSubmit)))),
                .if(plans.isEmpty, .p(.class("muted"), .text(t(.planNone)))),
                .if(
                    !plans.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .class("stack"),
                            .thead(
                                .tr(
                                    .th(.text(t(.planColCreated))), .th(.text(t(.planColRegion))), .th(.text(t(.planColStatus))),
                                    .th(.class("num"), .text(t(.planColGroups))), .th(.class("num"), .text(t(.planColMembers))),
                                    .th(.class("num"), .text(t(.planColLeftOut))))),
                            .tbody(
                                .forEach(plans) { plan in
                                    .tr(
                                        .td(.a(.href(Site.plan(plan.id)), .text(IndonesianCalendar.longDateTime(plan.createdAt, t.lang)))),
                                        .td(.attribute(named: "data-label", value: t(.planColRegion)), .text(scopeName(plan.scope, regionNames, t))),
                                        .td(.attribute(named: "data-label", value: t(.planColStatus)), .text(plan.status.label(t.lang))),
                                        .td(
                                            .class("num"), .attribute(named: "data-label", value: t(.planColGroups)),
                                            .text(plan.groupCount.formattedID)),
                                        .td(
                                            .class("num"), .attribute(named: "data-label", value: t(.planColMembers)),
                                            .text(plan.memberCount.formattedID)),
                                        .td(
                                            .class("num"), .attribute(named: "data-label", value: t(.planColLeftOut)),
                                            .text(plan.leftOutCount.formattedID)))
                                }))))
            ))
    }

    static func detail(_ model: Model, context: PageContext) -> HTML {
        let t = context.t
        let plan = model.plan
        let title = "\(t(.planTitle)) · \(scopeName(plan.scope, model.regions, t))"
        let hidden: Node = .group(Forms.csrf(context), .input(.type(.hidden), .name("version"), .value(String(plan.version))))
        let reasonText = { (reason: LeftOutReason) in
            reason.text(t.lang, skillName: model.skill, placeName: { model.place($0) }, checkText: { KUBEEligibility.failedText($0, t.lang) })
        }
        func pager(_ key: String, _ page: Int, _ pages: Int, _ anchor: String) -> Node {
            let other = key == "g" ? "l=\(model.leftPage)" : "g=\(model.groupPage)"
            return .if(
                pages > 1,
                .nav(
                    .class("pager"),
                    .if(page > 1, .a(.href(Site.plan(plan.id) + "?\(key)=\(page - 1)&\(other)#\(anchor)"), .text(t(.auditPrev)))),
                    .span(.text(t(.pagerPage, String(page), String(pages)))),
                    .if(page < pages, .a(.href(Site.plan(plan.id) + "?\(key)=\(page + 1)&\(other)#\(anchor)"), .text(t(.auditNext))))))
        }
        func button(_ action: String, _ label: String, danger: Bool = false) -> Node {
            .button(.type(.submit), .name("action"), .value(action), .class(danger ? "button small danger" : "button small"), .text(label))
        }
        let targetField: Node = Forms.field(t(.planTargetNumber), name: "target", type: .number)
        return Layout(context: context, title: title, section: .groups).document(
            .group(
                .nav(
                    .class("breadcrumbs"),
                    .ol(.li(.a(.href(Site.plans), .text(t(.planTitle)))), .li(.span(.text(scopeName(plan.scope, model.regions, t)))))),
                .h1(.text(title)),
                Forms.notice(model.notice),
                Forms.errors(model.errors, heading: t(.formErrorsHeading)),
                .p(
                    .strong(.text(plan.status.label(t.lang))), .text(" · "),
                    .text(
                        t(
                            .planSummary, plan.groups.count.formattedID, plan.memberCount.formattedID, plan.leftOut.count.formattedID,
                            Int(plan.totalScore.rounded()).formattedID))),
                .if(plan.status == .draft, .p(.class("field-hint"), .text(t(.planDraftNote)))),
                .if(plan.status == .accepted, .p(.a(.class("button secondary"), .href(Site.groups), .text(t(.grpTitle))))),
                .if(plan.groups.isEmpty && plan.leftOut.isEmpty, .p(.class("empty"), .text(t(.planNoCandidates)))),
                .unwrap(plan.decidedAt) { at in
                    .p(
                        .class("muted"),
                        .text(t(.planDecided, plan.status.label(t.lang), plan.decidedBy ?? "", IndonesianCalendar.longDateTime(at, t.lang))))
                },
                .if(
                    model.canEdit,
                    .div(
                        .class("actions"),
                        .form(
                            .method(.post), .action(Site.planEdit(plan.id)), hidden, .input(.type(.hidden), .name("action"), .value("accept")),
                            Forms.submit(t(.planAccept))),
                        .form(
                            .method(.post), .action(Site.planEdit(plan.id)), hidden, .input(.type(.hidden), .name("action"), .value("discard")),
                            .button(.type(.submit), .class("button danger"), .text(t(.planDiscard)))))),
                .div(.id("kelompok")),
                .forEach(Array(model.shownGroups.enumerated())) { index, group in
                    let number = model.groupOffset + index + 1
                    let table: Node = .div(
                        .class("table-wrap"),
                        .table(
                            .thead(
                                .tr(
                                    .if(model.canEdit, .th(.text(""))), .th(.text(t(.planColName))), .th(.text(t(.planColDesa))),
                                    .th(.class("num"), .text(t(.planColScore))))),
                            .tbody(
                                .forEach(group.members) { member in
                                    .tr(
                                        .if(
                                            model.canEdit,
                                            .td(
                                                .input(
                                                    .type(.checkbox), .name("members[]"), .value(member.id.uuidString),
                                                    .attribute(named: "aria-label", value: model.names[member.id] ?? "")))),
                                        .td(
                                            .a(.href(Site.beneficiary(member.id)), .text(model.names[member.id] ?? "—")),
                                            .unwrap(member.overrideReason) { .small(.class("muted"), .text(" (" + t(.planOverride, $0) + ")")) }),
                                        .td(.text(model.place(member.desa))),
                                        .td(.class("num"), .text(formatRatio(member.score(for: group.skill) ?? 0, t.lang))))
                                })))
                    return .section(
                        .class("plan-group"), .id("g\(number)"),
                        .h2(.text(t(.planGroupHeading, String(number), model.skill(group.skill)))),
                        .p(
                            .class("muted"),
                            .text(
                                [
                                    model.place(group.kecamatan), group.isSingleDesa ? model.place(group.mainDesa) : t(.planMixed),
                                    t(.planMembersCount, String(group.members.count)),
                                    t(.recScore, formatRatio(group.totalScore, t.lang)),
                                ].joined(separator: " · "))),
                        model.canEdit
                            ? .form(
                                .method(.post), .action(Site.planEdit(plan.id)), hidden,
                                .input(.type(.hidden), .name("group"), .value(group.id.uuidString)),
                                table,
                                .div(.class("actions"), button("remove", t(.planRemove))),
                                .div(
                                    .class("inline-form"), targetField,
                                    button("move", t(.planMove)), button("merge", t(.planMerge)), button("drop", t(.planDrop), danger: true)))
                            : .form(table))
                },
                pager("g", model.groupPage, model.groupPages, "kelompok"),
                .section(
                    .id("tidak-masuk"), .h2(.text("\(t(.planLeftOutHeading)) (\(plan.leftOut.count.formattedID))")),
                    .form(
                        .method(.post), .action(Site.planEdit(plan.id)), hidden,
                        .ul(
                            .class("left-out"),
                            .forEach(model.shownLeftOut) { person in
                                .li(
                                    .if(
                                        model.canEdit && !plan.groups.isEmpty,
                                        .input(
                                            .type(.checkbox), .name("members[]"), .value(person.id.uuidString),
                                            .attribute(named: "aria-label", value: model.names[person.id] ?? ""))),
                                    .a(.href(Site.beneficiary(person.id)), .text(model.names[person.id] ?? "—")),
                                    .text(" · \(model.place(person.desa)) · \(reasonText(person.reason))"))
                            }),
                        .if(
                            model.canEdit && !plan.groups.isEmpty && !model.shownLeftOut.isEmpty,
                            .div(
                                .class("inline-form"),
                                targetField, Forms.field(t(.planOverrideReason), name: "reason"), button("move", t(.planInclude))))),
                    pager("l", model.leftPage, model.leftPages, "tidak-masuk"))
            ))
    }
}
