import BinaUsahaDomain
import Foundation

/// The KUBE pages: the list, the new-group form and one group.
enum GroupPages {
    static func place(_ code: RegionCode?, _ regions: [RegionCode: Region]) -> String {
        guard let code else { return "—" }
        return regions[code].map(Recommender.placeName) ?? code.rawValue
    }

    static func list(
        _ groups: [KUBEGroup], regions: [RegionCode: Region], skills: [String: String], canWrite: Bool, mine: Bool,
        context: PageContext
    ) -> HTML {
        let t = context.t
        return Layout(context: context, title: t(.grpTitle), section: .groups).document(
            .group(
                .h1(.text(t(.grpTitle))),
                .p(.text(t(.grpIntro))),
                .p(
                    .class("actions"),
                    .a(.class("button secondary"), .href(Site.plans), .text(t(.planTitle))),
                    .a(.class("button secondary"), .href(Site.programmes), .text(t(.prgTitle))),
                    .if(canWrite, .a(.class("button"), .href(Site.newGroup), .text(t(.grpNew)))),
                    .if(mine, .a(.href(Site.groups + "?semua=1"), .text(t(.grpAll))))),
                .if(groups.isEmpty, .p(.class("empty"), .text(t(.grpNone)))),
                .if(
                    !groups.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .class("stack"),
                            .thead(
                                .tr(
                                    .th(.text(t(.grpColName))), .th(.text(t(.grpColSkill))), .th(.text(t(.grpColPlace))),
                                    .th(.class("num"), .text(t(.grpColMembers))), .th(.text(t(.grpColStatus))))),
                            .tbody(
                                .forEach(groups) { group in
                                    .tr(
                                        .td(.a(.href(Site.group(group.id)), .text(group.name))),
                                        .td(.attribute(named: "data-label", value: t(.grpColSkill)), .text(skills[group.skill] ?? group.skill)),
                                        .td(.attribute(named: "data-label", value: t(.grpColPlace)), .text(place(group.desa, regions))),
                                        .td(
                                            .class("num"), .attribute(named: "data-label", value: t(.grpColMembers)),
                                            .text(String(group.activeMembers.count))),
                                        .td(
                                            .attribute(named: "data-label", value: t(.grpColStatus)),
                                            .text("\(group.status.label(t.lang)) · \(group.stage.label(t.lang))")))
                                }))))
            ))
    }

    static func form(skills: [Skill], values: [String: String], errors: [String], picker: RegionPicker, context: PageContext) -> HTML {
        let t = context.t
        return Layout(context: context, title: t(.grpNew), section: .groups).document(
            .div(
                .class("narrow"),
                .h1(.text(t(.grpNew))),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .form(
                    .method(.post), .action(Site.groups), Forms.csrf(context),
                    Forms.field(t(.grpFieldName), name: "name", value: values["name"] ?? "", required: true),
                    Forms.select(t(.grpColSkill), name: "skill", options: skills.map { ($0.code, $0.name) }, selected: values["skill"]),
                    picker.node(t, error: nil, legend: t(.grpFieldDesa)),
                    Forms.field(t(.grpDecree), name: "decree", value: values["decree"] ?? ""),
                    Forms.submit(t(.grpCreate)))
            ))
    }

    struct Model {
        var group: KUBEGroup
        var names: [UUID: String]
        var regions: [RegionCode: Region]
        var skillName: String
        var history: [StageChange]
        var sessions: [CoachingSession]
        var assistance: [Assistance]
        var pendampingUsers: [User]
        var canWrite: Bool
        var canSchedule: Bool
        var notice: String?
        var errors: [String]
        /// The part of the page shown (`?bagian=`): one screen per task instead of one long scroll.
        var part: Part = .anggota
    }

    static func detail(_ model: Model, context: PageContext) -> HTML {
        let t = context.t
        let group = model.group
        let hidden: Node = .group(Forms.csrf(context), .input(.type(.hidden), .name("version"), .value(String(group.version))))
        func action(_ name: String) -> Node { .input(.type(.hidden), .name("action"), .value(name)) }
        let formAction = Site.group(group.id) + "?bagian=\(model.part.rawValue)"
        let part = model.part
        let rates = Dictionary(
            uniqueKeysWithValues: group.members.map { member in
                (member.beneficiary, attendanceRate(model.sessions.compactMap { $0.attendance[member.beneficiary] }))
            })
        let groupRate = attendanceRate(model.sessions.flatMap { session in group.activeMembers.compactMap { session.attendance[$0.beneficiary] } })
        let pendampingName = model.pendampingUsers.first { $0.id == group.pendamping }?.displayName
        let total = Rupiah(model.assistance.reduce(0) { $0 + $1.amount.amount })
        let left = group.members.filter { !$0.isActive }
        let memberTable: Node = .div(
            .class("table-wrap"),
            .table(
                .class("stack"),
                .thead(
                    .tr(
                        .th(.text(t(.grpColName))), .th(.text(t(.grpColRole))), .th(.text(t(.planColDesa))),
                        .th(.class("num"), .text(t(.grpColAttendance))))),
                .tbody(
                    .forEach(group.activeMembers) { member in
                        .tr(
                            .td(.a(.href(Site.beneficiary(member.beneficiary)), .text(model.names[member.beneficiary] ?? "—"))),
                            .td(
                                .attribute(named: "data-label", value: t(.grpColRole)),
                                model.canWrite
                                    ? .select(
                                        .name("role_\(member.beneficiary.uuidString)"), .ariaLabel(t(.grpColRole)),
                                        options: MemberRole.allCases.map { ($0.rawValue, $0.label(t.lang)) }, selected: member.role.rawValue)
                                    : .text(member.role.label(t.lang))),
                            .td(.attribute(named: "data-label", value: t(.planColDesa)), .text(place(member.desa, model.regions))),
                            .td(
                                .class("num"), .attribute(named: "data-label", value: t(.grpColAttendance)),
                                .text(formatPercent(rates[member.beneficiary] ?? nil))))
                    })))
        return Layout(context: context, title: group.name, section: .groups).document(
            .group(
                .nav(.class("breadcrumbs"), .ol(.li(.a(.href(Site.groups), .text(t(.grpTitle)))), .li(.span(.text(group.name))))),
                .h1(.text(group.name)),
                Forms.notice(model.notice),
                Forms.errors(model.errors, heading: t(.formErrorsHeading)),
                .p(.strong(.text(group.status.label(t.lang))), .text(" · \(t(.grpStageNow, group.stage.label(t.lang)))")),
                .dl(
                    .class("facts"),
                    .dt(.text(t(.grpColSkill))), .dd(.a(.href(Site.skill(group.skill)), .text(model.skillName))),
                    .dt(.text(t(.grpColPlace))), .dd(.text("\(place(group.desa, model.regions)), \(place(group.kecamatan, model.regions))")),
                    .dt(.text(t(.grpFormed))), .dd(.text(group.formedOn?.long(t.lang) ?? "—")),
                    .dt(.text(t(.grpDecree))), .dd(.text(group.decreeNumber.isEmpty ? "—" : group.decreeNumber)),
                    .dt(.text(t(.grpPendamping))), .dd(.text(pendampingName ?? t(.grpNoPendamping))),
                    .dt(.text(t(.grpColAttendance))), .dd(.text(formatPercent(groupRate)))),
                tabs(model, t: t),
                .div(.id("isi-kelompok")),
                .if(
                    part == .anggota,
                    .section(
                        .id("anggota"), .h2(.text("\(t(.grpMembersHeading)) (\(group.activeMembers.count))")),
                        model.canWrite
                            ? .form(.method(.post), .action(formAction), hidden, action("roles"), memberTable, Forms.submit(t(.grpSaveRoles)))
                            : .form(memberTable),
                        .if(
                            !left.isEmpty,
                            .ul(
                                .class("muted"),
                                .forEach(left) { member in
                                    .li(
                                        .text(
                                            t(
                                                .grpLeftRow, model.names[member.beneficiary] ?? "—", member.leftOn?.long(t.lang) ?? "",
                                                member.leaveReason ?? "")))
                                })),
                        .if(
                            model.canWrite,
                            .group(
                                .form(
                                    .method(.post), .action(formAction), .class("inline-form"), hidden, action("add"),
                                    Forms.field(t(.grpFieldNik), name: "nik", hint: t(.grpFieldNikHint)), Forms.submit(t(.grpAdd))),
                                .if(
                                    !group.activeMembers.isEmpty,
                                    .form(
                                        .method(.post), .action(formAction), .class("inline-form"), hidden, action("leave"),
                                        Forms.select(
                                            t(.grpFieldMember), name: "member",
                                            options: group.activeMembers.map { ($0.beneficiary.uuidString, model.names[$0.beneficiary] ?? "—") },
                                            selected: nil),
                                        Forms.field(t(.grpFieldDate), name: "date", type: .date),
                                        Forms.field(t(.grpFieldReason), name: "reason", required: true),
                                        Forms.submit(t(.grpLeave)))))))),
                .if(
                    part == .anggota && model.canWrite && group.status == .draft,
                    .section(
                        .h2(.text(t(.grpActivate))), .p(.class("field-hint"), .text(t(.grpActivateHint))),
                        .form(.method(.post), .action(formAction), hidden, action("activate"), Forms.submit(t(.grpActivate))))),
                .if(
                    part == .tahap,
                    .section(
                        .id("tahap"), .h2(.text(t(.grpStageHeading))),
                        .if(
                            model.canWrite && group.status == .aktif,
                            .form(
                                .method(.post), .action(formAction), .class("inline-form"), hidden, action("stage"),
                                .forEach(KUBEStage.allCases) { stage in
                                    .group(
                                        .h3(.text(stage.label(t.lang))),
                                        .forEach(stage.indicators) { indicator in
                                            Forms.checkbox(
                                                indicator.label(t.lang), name: "ind_\(indicator.rawValue)",
                                                checked: group.checklist.contains(indicator))
                                        })
                                },
                                Forms.select(
                                    t(.grpFieldStage), name: "stage", options: KUBEStage.allCases.map { ($0.rawValue, $0.label(t.lang)) },
                                    selected: group.stage.rawValue),
                                Forms.field(t(.grpFieldReason), name: "reason", required: true),
                                Forms.submit(t(.grpSaveStage)))),
                        .if(
                            !(model.canWrite && group.status == .aktif),
                            .ul(
                                .class("checks"),
                                .forEach(StageIndicator.allCases) { indicator in
                                    .li(
                                        .class(group.checklist.contains(indicator) ? "met" : "unknown"),
                                        .text((group.checklist.contains(indicator) ? "✔ " : "· ") + indicator.label(t.lang)))
                                })),
                        .h3(.text(t(.grpHistoryHeading))),
                        .if(model.history.isEmpty, .p(.class("muted"), .text(t(.grpNoHistory)))),
                        .ul(
                            .class("changes"),
                            .forEach(model.history.reversed()) { change in
                                .li(
                                    .text(
                                        t(
                                            .grpHistoryRow, IndonesianCalendar.longDateTime(change.at, t.lang), change.from.label(t.lang),
                                            change.to.label(t.lang),
                                            change.by, change.reason)))
                            }))),
                .if(
                    part == .bantuan,
                    .section(
                        .id("bantuan"), .h2(.text(t(.grpAssistanceHeading))),
                        .p(.strong(.text(t(.grpAssistanceTotal, total.formatted)))),
                        .if(model.assistance.isEmpty, .p(.class("muted"), .text(t(.grpNoAssistance)))),
                        .if(
                            !model.assistance.isEmpty,
                            .div(
                                .class("table-wrap"),
                                .table(
                                    .class("stack"),
                                    .thead(
                                        .tr(
                                            .th(.text(t(.grpFieldDate))), .th(.class("num"), .text(t(.grpFieldAmount))),
                                            .th(.text(t(.grpFieldSource))), .th(.text(t(.grpFieldForm))), .th(.text(t(.grpFieldReceipt))))),
                                    .tbody(
                                        .forEach(model.assistance) { item in
                                            .tr(
                                                .td(.text(item.date.long(t.lang))),
                                                .td(
                                                    .class("num"), .attribute(named: "data-label", value: t(.grpFieldAmount)),
                                                    .text(item.amount.formatted)),
                                                .td(.attribute(named: "data-label", value: t(.grpFieldSource)), .text(item.source.label(t.lang))),
                                                .td(.attribute(named: "data-label", value: t(.grpFieldForm)), .text(item.form.label(t.lang))),
                                                .td(.attribute(named: "data-label", value: t(.grpFieldReceipt)), .text(item.receipt)))
                                        })))),
                        .if(
                            model.canWrite,
                            .form(
                                .method(.post), .action(Site.groupAssistance(group.id) + "?bagian=bantuan"), .class("inline-form"),
                                Forms.csrf(context),
                                Forms.field(t(.grpFieldDate), name: "date", type: .date, required: true),
                                Forms.field(
                                    t(.grpFieldAmount), name: "amount", hint: t(.grpFieldAmountHint), required: true, inputMode: "numeric",
                                    maxLength: 20),
                                Forms.select(
                                    t(.grpFieldForm), name: "form", options: Assistance.Form.allCases.map { ($0.rawValue, $0.label(t.lang)) },
                                    selected: nil),
                                Forms.select(
                                    t(.grpFieldSource), name: "source", options: Assistance.Source.allCases.map { ($0.rawValue, $0.label(t.lang)) },
                                    selected: nil),
                                SkillPages.textArea(t(.grpFieldRab), name: "rab", value: "", rows: 2),
                                Forms.field(t(.grpFieldReceipt), name: "receipt", required: true),
                                Forms.submit(t(.grpAddAssistance)))))),
                .if(
                    part == .sesi,
                    .section(
                        .id("sesi"), .h2(.text(t(.grpSessionsHeading))),
                        .if(
                            model.canSchedule && group.status == .aktif,
                            .p(.a(.class("button"), .href(Site.newSession + "?group=\(group.id)"), .text(t(.grpSchedule))))),
                        .if(model.sessions.isEmpty, .p(.class("muted"), .text(t(.grpNoSessions)))),
                        .ul(
                            .forEach(model.sessions) { session in
                                .li(
                                    .a(
                                        .href(Site.session(session.id)),
                                        .text("\(IndonesianCalendar.longDateTime(session.startsAt, t.lang)) · \(session.type.label(t.lang))")),
                                    .text(
                                        " · \(session.topic) · \(t(.grpColAttendance)) \(formatPercent(attendanceRate(Array(session.attendance.values))))"
                                    ))
                            }))),
                .if(
                    part == .data && model.canWrite && group.status != .bubar,
                    .section(
                        .class("danger-zone"), .h2(.text(t(.grpDissolve))),
                        .form(
                            .method(.post), .action(formAction), hidden, action("dissolve"),
                            Forms.field(t(.grpFieldReason), name: "reason", required: true),
                            .button(.type(.submit), .class("button danger"), .text(t(.grpDissolve)))))),
                .if(
                    part == .data && model.canWrite,
                    .section(
                        .h2(.text(t(.grpDetailsHeading))),
                        .form(
                            .method(.post), .action(formAction), hidden, action("details"),
                            Forms.field(t(.grpFieldName), name: "name", value: group.name, required: true),
                            Forms.field(t(.grpDecree), name: "decree", value: group.decreeNumber),
                            Forms.select(
                                t(.grpPendamping), name: "pendamping",
                                options: [("", t(.grpNoPendamping))]
                                    + model.pendampingUsers.map { ($0.id.uuidString, "\($0.displayName) (\($0.username))") },
                                selected: group.pendamping?.uuidString ?? ""),
                            Forms.submit(t(.grpSaveDetails)))))
            ))
    }

    /// The group page's parts, each reached from the tab bar under the group's facts.
    enum Part: String, CaseIterable, Sendable {
        case anggota, sesi, bantuan, tahap, data

        init(query: String?) { self = query.flatMap(Part.init(rawValue:)) ?? .anggota }

        func label(_ t: Messages) -> String {
            switch self {
            case .anggota: t(.grpMembersHeading)
            case .sesi: t(.grpSessionsHeading)
            case .bantuan: t(.grpAssistanceHeading)
            case .tahap: t(.grpStageHeading)
            case .data: t(.grpDetailsHeading)
            }
        }
    }

    static func tabs(_ model: Model, t: Messages) -> Node {
        .nav(
            .class("tabs"), .ariaLabel(t(.grpPartsLabel)),
            .ul(
                .forEach(Part.allCases.filter { $0 != .data || model.canWrite }) { part in
                    .li(
                        .a(
                            .href(Site.group(model.group.id) + "?bagian=\(part.rawValue)#isi-kelompok"),
                            .attribute(named: "aria-current", value: part == model.part ? "page" : nil), .text(part.label(t))))
                },
                .li(.a(.href(Site.groupLedger(model.group.id)), .text(t(.ldgTab))))))
    }
}
