import BinaUsahaDomain
import Foundation
import Plot

/// The plan pages: the list with the form for a new proposal, and one plan to review and edit.
enum PlanPages {
    struct Model {
        var plan: GroupPlan
        var names: [UUID: String]
        var regions: [RegionCode: Region]
        var skills: [String: String]
        var shownLeftOut: [LeftOutPerson]
        var canEdit: Bool
        var notice: String?
        var errors: [String]

        func place(_ code: RegionCode?) -> String {
            guard let code else { return "" }
            return regions[code].map(Recommender.placeName) ?? code.rawValue
        }
        func skill(_ code: String) -> String { skills[code] ?? code }
    }

    static func scopeName(_ scope: RegionCode?, _ regions: [RegionCode: Region], _ t: Catalogue) -> String {
        guard let scope else { return t(.planWholeProvince) }
        return regions[scope].map(Recommender.placeName) ?? scope.rawValue
    }

    static func list(_ plans: [GroupPlanSummary], regionNames: [RegionCode: Region], canPlan: Bool, errors: [String],
                     context: PageContext) -> HTML {
        let t = context.t
        return Layout(context: context, title: t(.planTitle), section: .groups).document(.group(
            .h1(.text(t(.planTitle))),
            .p(.text(t(.planIntro))),
            Forms.errors(errors, heading: t(.formErrorsHeading)),
            .if(canPlan, .form(.method(.post), .action("/plans"), .class("inline-form"), Forms.csrf(context),
                               .h2(.text(t(.planNew))),
                               Forms.field(t(.planFieldRegion), name: "region", value: context.principal?.region?.rawValue ?? ""),
                               Forms.field(t(.planFieldTarget), name: "target_size", type: .number, value: "10"),
                               Forms.submit(t(.planSubmit)))),
            .if(plans.isEmpty, .p(.class("muted"), .text(t(.planNone)))),
            .if(!plans.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(t(.planColCreated))), .th(.text(t(.planColRegion))), .th(.text(t(.planColStatus))),
                           .th(.class("num"), .text(t(.planColGroups))), .th(.class("num"), .text(t(.planColMembers))),
                           .th(.class("num hide-narrow"), .text(t(.planColLeftOut))))),
                .tbody(.forEach(plans) { plan in
                    .tr(.td(.a(.href("/plans/\(plan.id)"), .text(IndonesianCalendar.longDateTime(plan.createdAt, t.lang)))),
                        .td(.text(scopeName(plan.scope, regionNames, t))), .td(.text(plan.status.label(t.lang))),
                        .td(.class("num"), .text(plan.groupCount.formattedID)), .td(.class("num"), .text(plan.memberCount.formattedID)),
                        .td(.class("num hide-narrow"), .text(plan.leftOutCount.formattedID)))
                }))))
        ))
    }

    static func detail(_ model: Model, context: PageContext) -> HTML {
        let t = context.t
        let plan = model.plan
        let title = "\(t(.planTitle)) · \(scopeName(plan.scope, model.regions, t))"
        let hidden: Node<HTML.FormContext> = .group(Forms.csrf(context), .input(.type(.hidden), .name("version"), .value(String(plan.version))))
        let reasonText = { (reason: LeftOutReason) in
            reason.text(t.lang, skillName: model.skill, placeName: { model.place($0) }, checkText: { KUBEEligibility.failedText($0, t.lang) })
        }
        let groupChoices = plan.groups.enumerated().map { (value: $0.element.id.uuidString, label: "\($0.offset + 1). \(model.skill($0.element.skill))") }
        return Layout(context: context, title: title, section: .groups).document(.group(
            .nav(.class("breadcrumbs"), .ol(.li(.a(.href("/plans"), .text(t(.planTitle)))), .li(.span(.text(scopeName(plan.scope, model.regions, t)))))),
            .h1(.text(title)),
            Forms.notice(model.notice),
            Forms.errors(model.errors, heading: t(.formErrorsHeading)),
            .p(.strong(.text(plan.status.label(t.lang))), .text(" · "),
               .text(t(.planSummary, plan.groups.count.formattedID, plan.memberCount.formattedID, plan.leftOut.count.formattedID,
                       formatRatio(plan.totalScore, t.lang)))),
            .if(plan.status == .draft, .p(.class("field-hint"), .text(t(.planDraftNote)))),
            .unwrap(plan.decidedAt) { at in
                .p(.class("muted"), .text(t(.planDecided, plan.status.label(t.lang), plan.decidedBy ?? "", IndonesianCalendar.longDateTime(at, t.lang))))
            },
            .if(model.canEdit, .div(.class("actions"),
                .form(.method(.post), .action("/plans/\(plan.id)/edit"), hidden, .input(.type(.hidden), .name("action"), .value("accept")),
                      Forms.submit(t(.planAccept))),
                .form(.method(.post), .action("/plans/\(plan.id)/edit"), hidden, .input(.type(.hidden), .name("action"), .value("discard")),
                      .button(.type(.submit), .class("button danger"), .text(t(.planDiscard)))))),
            .forEach(Array(plan.groups.enumerated())) { number, group in
                .section(.class("plan-group"), .id("g\(number + 1)"),
                    .h2(.text(t(.planGroupHeading, String(number + 1), model.skill(group.skill)))),
                    .p(.class("muted"), .text([model.place(group.kecamatan), group.isSingleDesa ? model.place(group.mainDesa) : t(.planMixed),
                                               t(.planMembersCount, String(group.members.count)),
                                               t(.recScore, formatRatio(group.totalScore, t.lang))].joined(separator: " · "))),
                    .div(.class("table-wrap"), .table(
                        .thead(.tr(.th(.text(t(.planColName))), .th(.text(t(.planColDesa))), .th(.class("num"), .text(t(.planColScore))),
                                   .if(model.canEdit, .th(.text(""))))),
                        .tbody(.forEach(group.members) { member in
                            .tr(.td(.a(.href("/beneficiaries/\(member.id)"), .text(model.names[member.id] ?? "—")),
                                    .unwrap(member.overrideReason) { .small(.class("muted"), .text(" (" + t(.planOverride, $0) + ")")) }),
                                .td(.text(model.place(member.desa))),
                                .td(.class("num"), .text(formatRatio(member.score(for: group.skill) ?? 0, t.lang))),
                                .if(model.canEdit, .td(.form(.method(.post), .action("/plans/\(plan.id)/edit"), hidden,
                                    .input(.type(.hidden), .name("action"), .value("remove")),
                                    .input(.type(.hidden), .name("person"), .value(member.id.uuidString)),
                                    .button(.type(.submit), .class("button small"), .text(t(.planRemove)))))))
                        }))),
                    .if(model.canEdit, .div(.class("actions"),
                        .form(.method(.post), .action("/plans/\(plan.id)/edit"), .class("inline-form"), hidden,
                              .input(.type(.hidden), .name("action"), .value("merge")),
                              .input(.type(.hidden), .name("group"), .value(group.id.uuidString)),
                              Forms.select(t(.planMergeInto), name: "target", options: groupChoices.filter { $0.value != group.id.uuidString },
                                           selected: nil),
                              Forms.submit(t(.planMerge))),
                        .form(.method(.post), .action("/plans/\(plan.id)/edit"), hidden,
                              .input(.type(.hidden), .name("action"), .value("drop")),
                              .input(.type(.hidden), .name("group"), .value(group.id.uuidString)),
                              .button(.type(.submit), .class("button danger small"), .text(t(.planDrop)))))))
            },
            .section(.id("tidak-masuk"), .h2(.text("\(t(.planLeftOutHeading)) (\(plan.leftOut.count.formattedID))")),
                .if(plan.leftOut.count > model.shownLeftOut.count,
                    .p(.class("muted"), .text(t(.planLeftOutMore, model.shownLeftOut.count.formattedID, plan.leftOut.count.formattedID)))),
                .ul(.class("left-out"), .forEach(model.shownLeftOut) { person in
                    .li(.a(.href("/beneficiaries/\(person.id)"), .text(model.names[person.id] ?? "—")),
                        .text(" · \(model.place(person.desa)) · \(reasonText(person.reason))"),
                        .if(model.canEdit && !groupChoices.isEmpty, .form(.method(.post), .action("/plans/\(plan.id)/edit"), .class("inline-form"), hidden,
                            .input(.type(.hidden), .name("action"), .value("move")),
                            .input(.type(.hidden), .name("person"), .value(person.id.uuidString)),
                            Forms.select(t(.planMoveTo), name: "group", options: groupChoices, selected: nil),
                            .if(!person.failedChecks.isEmpty, Forms.field(t(.planOverrideReason), name: "reason")),
                            Forms.submit(t(.planInclude)))))
                }))
        ))
    }
}
