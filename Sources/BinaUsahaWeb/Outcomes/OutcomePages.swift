import BinaUsahaDomain
import Foundation

/// A person's follow-ups and graduation; the cohort view with the people the rule proposes.
enum OutcomePages {
    static func person(
        _ person: Beneficiary, assessments: [Assessment], graduation: Graduation?, proposal: String?, canRecord: Bool, canConfirm: Bool,
        values: [String: String], errors: [String: [String]], notice: String?, context: PageContext
    ) -> HTML {
        let t = context.t
        let lang = t.lang
        func error(_ field: String) -> String? { errors[field].map { $0.joined(separator: " ") } }
        let title = t(.outPersonTitle, person.details.name)
        return Layout(context: context, title: title, section: .beneficiaries).document(
            .group(
                .nav(
                    .class("breadcrumbs"),
                    .ol(
                        .li(.a(.href(Site.beneficiaries), .text(t(.navBeneficiaries)))),
                        .li(.a(.href(Site.beneficiary(person.id)), .text(person.details.name))), .li(.span(.text(t(.outTitle)))))),
                .h1(.text(title)),
                Forms.notice(notice),
                Forms.errors(errors.values.flatMap { $0 }, heading: t(.formErrorsHeading)),
                .p(.strong(.text(person.status.label(lang)))),
                .unwrap(graduation) { g in .div(.class("alert ok"), .p(.text(t(.outGraduated, g.date.long(lang), g.confirmedBy, g.reason)))) },
                .if(
                    graduation == nil && proposal != nil,
                    .section(
                        .class("box"), .h2(.text(t(.outProposed))), .p(.text(proposal ?? "")),
                        .if(
                            canConfirm,
                            .form(
                                .method(.post), .action(Site.beneficiaryGraduate(person.id)), Forms.csrf(context),
                                Forms.field(
                                    t(.outConfirmNote), name: "note", value: values["note"] ?? "", required: true, maxLength: 500,
                                    error: error("note")),
                                Forms.submit(t(.outConfirm)))))),
                .h2(.text(t(.outAssessments))),
                .if(assessments.isEmpty, .p(.class("muted"), .text(t(.outNone)))),
                .if(
                    !assessments.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .class("stack"),
                            .thead(
                                .tr(
                                    .th(.text(t(.outDate))), .th(.class("num"), .text(t(.outIncome))), .th(.class("num"), .text(t(.outSize))),
                                    .th(.class("num"), .text(t(.outPerCapita))), .th(.text(t(.outDecile))), .th(.text(t(.outBansos))),
                                    .th(.text(t(.outBusiness))))),
                            .tbody(
                                .forEach(assessments.sorted { $0.date > $1.date }) { a in
                                    .tr(
                                        .td(.text(a.date.long(lang))),
                                        .td(.class("num"), .attribute(named: "data-label", value: t(.outIncome)), .text(a.householdIncome.formatted)),
                                        .td(.class("num"), .attribute(named: "data-label", value: t(.outSize)), .text(String(a.householdSize))),
                                        .td(
                                            .class("num"), .attribute(named: "data-label", value: t(.outPerCapita)),
                                            .text(a.incomePerCapita.formatted)),
                                        .td(.attribute(named: "data-label", value: t(.outDecile)), .text(a.decile.map(String.init) ?? "—")),
                                        .td(.attribute(named: "data-label", value: t(.outBansos)), .text(a.receivesBansos ? t(.outYes) : t(.outNo))),
                                        .td(
                                            .attribute(named: "data-label", value: t(.outBusiness)), .text(a.businessRunning ? t(.outYes) : t(.outNo))
                                        ))
                                })))),
                .if(!assessments.isEmpty, .p(.a(.href(Site.beneficiaryOutcomes(person.id) + "?format=csv"), .text(t(.ldgCsv))))),
                .if(
                    canRecord,
                    .form(
                        .method(.post), .action(Site.beneficiaryOutcomes(person.id)), .class("inline-form"), Forms.csrf(context),
                        .h2(.text(t(.outNew))),
                        Forms.field(t(.outDate), name: "date", type: .date, value: values["date"] ?? "", required: true, error: error("date")),
                        Forms.field(
                            t(.outIncome), name: "income", value: values["income"] ?? "", hint: t(.outIncomeHint), required: true,
                            inputMode: "numeric",
                            maxLength: 20, error: error("income")),
                        Forms.field(
                            t(.outSize), name: "size", value: values["size"] ?? "", required: true, inputMode: "numeric", maxLength: 2,
                            error: error("size")),
                        Forms.select(
                            t(.outDecile), name: "decile", options: [("", "—")] + (1...10).map { (String($0), String($0)) },
                            selected: values["decile"]),
                        Forms.checkbox(t(.outBansos), name: "bansos", checked: values["bansos"] == "1"),
                        Forms.checkbox(t(.outBusiness), name: "usaha", checked: values.isEmpty || values["usaha"] == "1"),
                        Forms.submit(t(.outSave))))
            ))
    }

    static func index(
        _ rows: [Cohorts.Row], by: Cohorts.Breakdown, labels: [String: String], proposed: [(UUID, String, String)], rule: GraduationRule,
        canSetRule: Bool, errors: [String], context: PageContext
    ) -> HTML {
        let t = context.t
        func cell(_ label: String, _ text: String) -> Node { .td(.class("num"), .attribute(named: "data-label", value: label), .text(text)) }
        let tabs: [(Cohorts.Breakdown, MessageKey)] = [(.kabupatenKota, .prgFieldKabkota), (.skill, .grpColSkill), (.programme, .prgTitle)]
        return Layout(context: context, title: t(.outTitle), section: .ledger).document(
            .group(
                .h1(.text(t(.outTitle))),
                .p(.text(t(.outIntro))),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .h2(.text(t(.outProposedList, String(proposed.count)))),
                .if(proposed.isEmpty, .p(.class("muted"), .text(t(.outNoneProposed)))),
                .ul(.forEach(proposed) { id, name, reason in .li(.a(.href(Site.beneficiaryOutcomes(id)), .text(name)), .text(" · " + reason)) }),
                .h2(.text(t(.outCohorts))),
                .nav(
                    .class("tabs"),
                    .ul(
                        .forEach(tabs) { kind, label in
                            .li(
                                .a(
                                    .href(Site.outcomes + "?per=\(kind.rawValue)"),
                                    .attribute(named: "aria-current", value: kind == by ? "page" : nil),
                                    .text(t(label))))
                        })),
                .if(rows.isEmpty, .p(.class("muted"), .text(t(.outNone)))),
                .if(
                    !rows.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .class("stack"),
                            .thead(
                                .tr(
                                    .th(.text(t(.outCohort))), .th(.class("num"), .text(t(.outMembers))), .th(.class("num"), .text(t(.outBefore))),
                                    .th(.class("num"), .text(t(.outAfter))), .th(.class("num"), .text(t(.outGraduationRate))),
                                    .th(.class("num"), .text(t(.outSurvival))))),
                            .tbody(
                                .forEach(rows) { r in
                                    .tr(
                                        .td(.text(labels[r.key] ?? r.key)), cell(t(.outMembers), "\(r.members) (\(r.followed))"),
                                        cell(t(.outBefore), r.incomeBefore?.formatted ?? "—"), cell(t(.outAfter), r.incomeAfter?.formatted ?? "—"),
                                        cell(t(.outGraduationRate), "\(formatPercent(r.graduationRate)) (\(r.graduated))"),
                                        cell(t(.outSurvival), "\(formatPercent(r.survivalRate)) (\(r.groupsStillActive)/\(r.groupsAYearOld))"))
                                })))),
                .p(.class("field-hint"), .text(t(.outCohortHint))),
                .p(.a(.href(Site.outcomes + "?per=\(by.rawValue)&format=csv"), .text(t(.ldgCsv)))),
                .h2(.text(t(.outRule))),
                .p(.text(t(.outRuleNow, rule.povertyLine.formatted, String(rule.consecutive), String(rule.decileAbove)))),
                .if(
                    canSetRule,
                    .form(
                        .method(.post), .action(Site.outcomesRule), .class("inline-form"), Forms.csrf(context),
                        Forms.field(
                            t(.outPovertyLine), name: "poverty_line", value: String(rule.povertyLine.amount), inputMode: "numeric", maxLength: 12),
                        Forms.field(t(.outConsecutive), name: "consecutive", value: String(rule.consecutive), inputMode: "numeric", maxLength: 1),
                        Forms.field(t(.outDecileAbove), name: "decile_above", value: String(rule.decileAbove), inputMode: "numeric", maxLength: 1),
                        Forms.submit(t(.outSaveRule))))
            ))
    }
}
