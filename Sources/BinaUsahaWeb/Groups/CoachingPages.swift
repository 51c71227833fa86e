import BinaUsahaDomain
import Foundation

/// Programme, session and pendamping pages.
enum CoachingPages {
    static func programmes(
        _ programmes: [Programme], regions: [RegionCode: Region], totals: [RegionCode: [Assistance.Source: Int64]],
        canWrite: Bool, values: [String: String], errors: [String], kabkotaOptions: [Region] = [], skills: [Skill] = [],
        context: PageContext
    ) -> HTML {
        let t = context.t
        let kabkota = context.principal?.region.flatMap { region in region.lineage.first { $0.level == .kabupatenKota } }?.rawValue ?? ""
        return Layout(context: context, title: t(.prgTitle), section: .groups).document(
            .group(
                .nav(.class("breadcrumbs"), .ol(.li(.a(.href(Site.groups), .text(t(.grpTitle)))), .li(.span(.text(t(.prgTitle)))))),
                .h1(.text(t(.prgTitle))),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .if(programmes.isEmpty, .p(.class("empty"), .text(t(.prgNone)))),
                .ul(
                    .forEach(programmes) { p in
                        .li(
                            .a(.href(Site.programme(p.id)), .text(p.name)),
                            .text(
                                " · \(regions[p.kabupatenKota].map(Recommender.placeName) ?? p.kabupatenKota.rawValue) · \(p.year) · \(p.budget.formatted)"
                            ))
                    }),
                .h2(.text(t(.prgAssistanceByKabkota))),
                .if(totals.isEmpty, .p(.class("muted"), .text(t(.grpNoAssistance)))),
                .if(
                    !totals.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .class("stack"),
                            .thead(
                                .tr(.th(.text(t(.prgFieldKabkota))), .th(.class("num"), .text(t(.grpFieldAmount))), .th(.text(t(.grpFieldSource))))),
                            .tbody(
                                .forEach(totals.keys.sorted()) { kabkota in
                                    let bySource = totals[kabkota]!
                                    return .tr(
                                        .td(.text(regions[kabkota].map(Recommender.placeName) ?? kabkota.rawValue)),
                                        .td(
                                            .class("num"), .attribute(named: "data-label", value: t(.grpFieldAmount)),
                                            .text(Rupiah(bySource.values.reduce(0, +)).formatted)),
                                        .td(
                                            .attribute(named: "data-label", value: t(.grpFieldSource)),
                                            .text(
                                                bySource.sorted { $0.key.rawValue < $1.key.rawValue }
                                                    .map { "\($0.key.label(t.lang)) \(Rupiah($0.value).formatted)" }.joined(separator: " · "))))
                                })))),
                .if(
                    canWrite,
                    .form(
                        .method(.post), .action(Site.programmes), .class("inline-form"), Forms.csrf(context),
                        .h2(.text(t(.prgNew))),
                        Forms.field(t(.prgFieldName), name: "name", value: values["name"] ?? "", required: true),
                        Forms.select(
                            t(.prgFieldKabkota), name: "kabkota", options: kabkotaOptions.map { ($0.code.rawValue, $0.name) },
                            selected: values["kabkota"] ?? kabkota),
                        Forms.field(t(.prgFieldYear), name: "year", type: .number, value: values["year"] ?? ""),
                        .fieldset(
                            .class("choices many"), .attribute(named: "data-filter", value: t(.benFormFilter)),
                            .legend(.text(t(.prgFieldSkills))),
                            .forEach(skills) { skill in
                                .label(
                                    .class("choice"),
                                    .input(
                                        .type(.checkbox), .name("skills[]"), .value(skill.code),
                                        .checked((values["skills"] ?? "").split(separator: ";").contains { $0 == skill.code })),
                                    .text(" " + skill.name))
                            }),
                        Forms.field(t(.prgFieldTargetGroups), name: "target_groups", type: .number, value: values["target_groups"] ?? ""),
                        Forms.field(t(.prgFieldTargetPeople), name: "target_people", type: .number, value: values["target_people"] ?? ""),
                        Forms.field(
                            t(.prgFieldBudget), name: "budget", value: values["budget"] ?? "", hint: t(.grpFieldAmountHint), inputMode: "numeric",
                            maxLength: 20),
                        Forms.field(t(.prgFieldStarts), name: "starts", type: .date, value: values["starts"] ?? "", required: true),
                        Forms.field(t(.prgFieldEnds), name: "ends", type: .date, value: values["ends"] ?? "", required: true),
                        Forms.field(t(.prgFieldPartners), name: "partners", value: values["partners"] ?? ""),
                        Forms.submit(t(.prgCreate))))
            ))
    }

    static func programme(
        _ p: Programme, enrolled: [KUBEGroup], candidates: [KUBEGroup], sessions: [CoachingSession], assistance: [Assistance],
        canWrite: Bool, notice: String?, errors: [String], context: PageContext
    ) -> HTML {
        let t = context.t
        let members = Set(enrolled.flatMap { $0.activeMembers.map(\.beneficiary) })
        let rate = attendanceRate(sessions.flatMap { session in session.attendance.filter { members.contains($0.key) }.map(\.value) })
        let spent = Rupiah(assistance.reduce(0) { $0 + $1.amount.amount })
        let bySource = Dictionary(grouping: assistance, by: \.source).mapValues { Rupiah($0.reduce(0) { $0 + $1.amount.amount }) }
        return Layout(context: context, title: p.name, section: .groups).document(
            .group(
                .nav(.class("breadcrumbs"), .ol(.li(.a(.href(Site.programmes), .text(t(.prgTitle)))), .li(.span(.text(p.name))))),
                .h1(.text(p.name)),
                Forms.notice(notice),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .dl(
                    .class("facts"),
                    .dt(.text(t(.prgFieldYear))), .dd(.text("\(p.year) · \(p.startsOn.long(t.lang)) – \(p.endsOn.long(t.lang))")),
                    .dt(.text(t(.prgFieldSkills))), .dd(.text(p.skills.isEmpty ? "—" : p.skills.joined(separator: ", "))),
                    .dt(.text(t(.prgTargets))),
                    .dd(
                        .text(
                            t(
                                .prgTargetsValue, String(enrolled.count), String(p.targetGroups), String(members.count),
                                String(p.targetPeople)))),
                    .dt(.text(t(.prgFieldBudget))), .dd(.text("\(p.budget.formatted) · \(t(.prgSpent, spent.formatted))")),
                    .dt(.text(t(.grpFieldSource))),
                    .dd(
                        .text(
                            bySource.isEmpty
                                ? "—"
                                : bySource.sorted { $0.key.rawValue < $1.key.rawValue }
                                    .map { "\($0.key.label(t.lang)) \($0.value.formatted)" }.joined(separator: " · "))),
                    .dt(.text(t(.grpColAttendance))), .dd(.text(formatPercent(rate))),
                    .dt(.text(t(.prgFieldPartners))), .dd(.text(p.partners.isEmpty ? "—" : p.partners))),
                .h2(.text(t(.prgGroups))),
                .ul(
                    .forEach(enrolled) {
                        .li(.a(.href(Site.group($0.id)), .text($0.name)), .text(" · \($0.activeMembers.count) · \($0.status.label(t.lang))"))
                    }),
                .if(
                    canWrite && !candidates.isEmpty,
                    .form(
                        .method(.post), .action(Site.programmeGroups(p.id)), .class("inline-form"), Forms.csrf(context),
                        .input(.type(.hidden), .name("version"), .value(String(p.version))),
                        Forms.select(t(.prgEnrol), name: "group", options: candidates.map { ($0.id.uuidString, $0.name) }, selected: nil),
                        Forms.submit(t(.prgEnrol)))),
                .h2(.text(t(.grpSessionsHeading))),
                .if(canWrite, .p(.a(.class("button"), .href(Site.newSession + "?programme=\(p.id)"), .text(t(.grpSchedule))))),
                .ul(
                    .forEach(sessions) { s in
                        .li(
                            .a(
                                .href(Site.session(s.id)),
                                .text("\(IndonesianCalendar.longDateTime(s.startsAt, t.lang)) · \(s.type.label(t.lang)) · \(s.topic)")))
                    })
            ))
    }

    static func sessionForm(
        groups: [KUBEGroup], selected: [UUID], programme: UUID?, values: [String: String], errors: [String],
        context: PageContext
    ) -> HTML {
        let t = context.t
        return Layout(context: context, title: t(.sesNew), section: .groups).document(
            .div(
                .class("narrow"),
                .h1(.text(t(.sesNew))),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .if(groups.isEmpty, .p(.class("empty"), .text(t(.sesNoGroups)))),
                .form(
                    .method(.post), .action(Site.sessions), Forms.csrf(context),
                    .unwrap(programme) { .input(.type(.hidden), .name("programme"), .value($0.uuidString)) },
                    Forms.select(
                        t(.sesFieldType), name: "type", options: SessionType.allCases.map { ($0.rawValue, $0.label(t.lang)) },
                        selected: values["type"]),
                    Forms.field(t(.grpFieldDate), name: "date", type: .date, value: values["date"] ?? "", required: true),
                    Forms.field(t(.sesFieldTime), name: "time", type: .time, value: values["time"] ?? "09:00", required: true),
                    Forms.field(t(.sesFieldHours), name: "hours", value: values["hours"] ?? "2", required: true, inputMode: "decimal", maxLength: 5),
                    Forms.field(t(.sesFieldPlace), name: "place", value: values["place"] ?? "", required: true),
                    Forms.field(t(.sesFieldFacilitator), name: "facilitator", value: values["facilitator"] ?? ""),
                    Forms.field(t(.sesFieldTopic), name: "topic", value: values["topic"] ?? "", required: true),
                    .div(
                        .class("box"), .p(.class("legend"), .strong(.text(t(.sesFieldGroups)))),
                        .forEach(groups) { group in
                            .div(
                                .class("field check"),
                                .input(
                                    .type(.checkbox), .name("groups[]"), .id("g-\(group.id)"), .value(group.id.uuidString),
                                    .checked(selected.contains(group.id))),
                                .label(.for("g-\(group.id)"), .text(group.name)))
                        }),
                    Forms.submit(t(.sesCreate)))
            ))
    }

    /// The session and its roster. The roster starts with nothing chosen (one tap must not
    /// record everyone as present), and a session that has not begun takes no attendance.
    static func session(
        _ s: CoachingSession, groups: [KUBEGroup], names: [UUID: String], canRecord: Bool, hasBegun: Bool, notice: String?,
        errors: [String], context: PageContext
    ) -> HTML {
        let t = context.t
        let title = "\(s.type.label(t.lang)): \(s.topic)"
        let rate = attendanceRate(Array(s.attendance.values))
        let when = IndonesianCalendar.longDateTime(s.startsAt, t.lang) + " · " + formatRatio(s.hours, t.lang) + " " + t(.sesHours) + " · " + s.place
        let facilitator = s.facilitator.isEmpty ? "—" : s.facilitator
        let who = t(.sesFieldFacilitator) + ": " + facilitator + " · " + t(.grpColAttendance) + " " + formatPercent(rate)
        return Layout(context: context, title: title, section: .groups).document(
            .group(
                .nav(.class("breadcrumbs"), .ol(.li(.a(.href(Site.groups), .text(t(.grpTitle)))), .li(.span(.text(t(.sesTitle)))))),
                .h1(.text(title)),
                Forms.notice(notice),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .p(.text(when)),
                .p(.class("muted"), .text(who)),
                .if(!hasBegun, .div(.class("alert warn"), .p(.text(t(.sesNotBegun))))),
                .form(
                    .method(.post), .action(Site.sessionAttendance(s.id)), .class("roster"), Forms.csrf(context),
                    .input(.type(.hidden), .name("version"), .value(String(s.version))),
                    .forEach(groups) { group in
                        .div(
                            .class("box"), .p(.class("legend"), .strong(.text(group.name))),
                            .forEach(group.activeMembers) { member in
                                rosterRow(
                                    member.beneficiary, name: names[member.beneficiary] ?? "—", current: s.attendance[member.beneficiary],
                                    enabled: canRecord && hasBegun, t.lang)
                            })
                    },
                    .if(canRecord && hasBegun, Forms.submit(t(.sesSaveAttendance))))
            ))
    }

    /// One member's row of the roster: the name and four radio buttons, the recorded one chosen.
    static func rosterRow(_ member: UUID, name: String, current: AttendanceStatus?, enabled: Bool, _ lang: Lang) -> Node {
        let choices = AttendanceStatus.allCases.map { status in
            Node.label(
                .input(
                    .type(.radio), .name("att_\(member.uuidString)"), .value(status.rawValue), .checked(status == current),
                    .required(enabled), .flag("disabled", !enabled)),
                .text(" " + status.label(lang)))
        }
        return .div(.class("roster-row"), .span(.class("who"), .text(name)), .div(.class("choices"), .group(choices)))
    }

    static func pendamping(
        groups: [KUBEGroup], upcoming: [CoachingSession], unrecorded: [CoachingSession], regions: [RegionCode: Region],
        ledgerDue: [KUBEGroup] = [], month: YearMonth? = nil, context: PageContext
    ) -> HTML {
        let t = context.t
        return Layout(context: context, title: t(.pdmTitle), section: .fieldwork).document(
            .group(
                .h1(.text(t(.pdmTitle))),
                .if(groups.count > 10, .div(.class("alert warn"), .p(.text(t(.pdmOverload, String(groups.count)))))),
                .h2(.text("\(t(.pdmGroups)) (\(groups.count))")),
                .if(groups.isEmpty, .p(.class("empty"), .text(t(.pdmNoGroups)))),
                .ul(
                    .forEach(groups) {
                        .li(
                            .a(.href(Site.group($0.id)), .text($0.name)),
                            .text(" · \(regions[$0.desa].map(Recommender.placeName) ?? "") · \($0.activeMembers.count)"))
                    }),
                .h2(.text(t(.pdmToRecord))),
                .if(unrecorded.isEmpty, .p(.class("muted"), .text(t(.pdmNothingToRecord)))),
                .ul(
                    .forEach(unrecorded) {
                        .li(.a(.href(Site.session($0.id)), .text("\(IndonesianCalendar.longDateTime($0.startsAt, t.lang)) · \($0.topic)")))
                    }),
                .unwrap(month) { month in
                    .if(
                        !ledgerDue.isEmpty,
                        .group(
                            .h2(.text(t(.pdmLedgerDue, month.label(t.lang)))),
                            .ul(
                                .forEach(ledgerDue) {
                                    .li(.a(.href(Site.groupLedger($0.id) + "?bulan=\(month.text)"), .text($0.name)))
                                })))
                },
                .h2(.text(t(.pdmUpcoming))),
                .if(upcoming.isEmpty, .p(.class("muted"), .text(t(.pdmNoUpcoming)))),
                .ul(
                    .forEach(upcoming) {
                        .li(.a(.href(Site.session($0.id)), .text("\(IndonesianCalendar.longDateTime($0.startsAt, t.lang)) · \($0.topic)")))
                    })
            ))
    }
}
