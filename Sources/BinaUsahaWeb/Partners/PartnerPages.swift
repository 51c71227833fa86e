import BinaUsahaDomain
import Foundation

/// The partner list with committed vs realised, one partner with its commitments, and the
/// page a partner's own account sees.
enum PartnerPages {
    static func errorsOf(_ errors: [String: [String]], _ field: String) -> String? {
        errors[field].map { $0.joined(separator: " ") }
    }

    static func list(
        _ partners: [Partner], totals: PartnerTotals, year: Int, kabkotas: [Region], canWrite: Bool, coverable: [Region],
        values: [String: String], errors: [String: [String]], context: PageContext
    ) -> HTML {
        let t = context.t
        let lang = t.lang
        let names = Dictionary(kabkotas.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let chosen = Set((values["regions"] ?? "").split(separator: ";").map(String.init))
        func money(_ label: String, _ value: Int64) -> Node {
            .td(.class("num"), .attribute(named: "data-label", value: label), .text(Rupiah(value).formatted))
        }
        func rate(_ row: PartnerTotals.Row) -> String { row.committed > 0 ? formatPercent(Double(row.realised) / Double(row.committed)) : "—" }
        func totalsTable(_ rows: [(String, PartnerTotals.Row)], first: String) -> Node {
            .div(
                .class("table-wrap"),
                .table(
                    .class("stack"),
                    .thead(
                        .tr(
                            .th(.text(first)), .th(.class("num"), .text(t(.ptnCommitted))), .th(.class("num"), .text(t(.ptnRealised))),
                            .th(.class("num"), .text(t(.ptnRate))))),
                    .tbody(
                        .forEach(rows) { name, row in
                            .tr(
                                .td(.text(name)), money(t(.ptnCommitted), row.committed), money(t(.ptnRealised), row.realised),
                                .td(.class("num"), .attribute(named: "data-label", value: t(.ptnRate)), .text(rate(row))))
                        })))
        }
        let partnerNames = Dictionary(partners.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Layout(context: context, title: t(.ptnTitle), section: .partners).document(
            .group(
                .h1(.text(t(.ptnTitle))),
                .p(.text(t(.ptnIntro))),
                Forms.errors(errors.values.flatMap { $0 }, heading: t(.formErrorsHeading)),
                .form(
                    .method(.get), .action(Site.partners), .class("inline-form"),
                    Forms.field(t(.ptnYear), name: "tahun", value: String(year), inputMode: "numeric", maxLength: 4),
                    .button(.type(.submit), .class("button secondary"), .text(t(.ldgShowMonth)))),
                .h2(.text(t(.ptnByKabkota, String(year)))),
                .if(totals.byKabkota.isEmpty, .p(.class("muted"), .text(t(.ptnNoCommitments)))),
                .if(
                    !totals.byKabkota.isEmpty,
                    .group(
                        totalsTable(
                            totals.byKabkota.sorted { $0.key < $1.key }.map { (names[$0.key] ?? $0.key.rawValue, $0.value) },
                            first: t(.prgFieldKabkota)),
                        .p(.a(.href(Site.partners + "?tahun=\(year)&format=csv&bagian=kabkota"), .text(t(.ldgCsv)))))),
                .h2(.text(t(.ptnByPartner, String(year)))),
                .if(
                    !totals.byPartner.isEmpty,
                    .group(
                        totalsTable(totals.byPartner.map { (partnerNames[$0.key] ?? "—", $0.value) }.sorted { $0.0 < $1.0 }, first: t(.ptnName)),
                        .p(.a(.href(Site.partners + "?tahun=\(year)&format=csv&bagian=mitra"), .text(t(.ldgCsv)))))),
                .h2(.text(t(.ptnAll))),
                .if(partners.isEmpty, .p(.class("empty"), .text(t(.ptnNone)))),
                .ul(
                    .forEach(partners) { p in
                        .li(
                            .a(.href(Site.partner(p.id)), .text(p.name)),
                            .text(" · \(p.kind.label(lang)) · \(p.regions.map { names[$0] ?? $0.rawValue }.joined(separator: ", "))"))
                    }),
                .if(
                    canWrite,
                    .form(
                        .method(.post), .action(Site.partners), .class("inline-form"), Forms.csrf(context),
                        .h2(.text(t(.ptnNew))),
                        Forms.field(
                            t(.ptnName), name: "name", value: values["name"] ?? "", required: true, maxLength: 120, error: errorsOf(errors, "name")),
                        Forms.select(
                            t(.ptnKind), name: "kind", options: Partner.Kind.allCases.map { ($0.rawValue, $0.label(lang)) }, selected: values["kind"]),
                        Forms.field(t(.ptnContact), name: "contact_name", value: values["contact_name"] ?? "", maxLength: 120),
                        Forms.field(
                            t(.ptnPhone), name: "contact_phone", type: .tel, value: values["contact_phone"] ?? "", inputMode: "tel", maxLength: 20,
                            error: errorsOf(errors, "contact_phone")),
                        Forms.field(
                            t(.ptnEmail), name: "email", type: .email, value: values["email"] ?? "", maxLength: 120, error: errorsOf(errors, "email")),
                        .fieldset(
                            .class(errors["regions"] == nil ? "choices many" : "choices many invalid"), .legend(.text(t(.ptnRegions))),
                            .unwrap(errorsOf(errors, "regions")) { .p(.class("field-error"), .text($0)) },
                            .forEach(coverable) { region in
                                .label(
                                    .class("choice"),
                                    .input(
                                        .type(.checkbox), .name("regions[]"), .value(region.code.rawValue),
                                        .checked(chosen.contains(region.code.rawValue) || coverable.count == 1)),
                                    .text(" " + region.name))
                            }),
                        Forms.submit(t(.ptnCreate))))
            ))
    }

    static func detail(
        _ partner: Partner, commitments: [CommitmentStatus], writable: [RegionCode], groups: [KUBEGroup], groupNames: [UUID: String],
        programmes: [Programme], mitraUsers: [User], regions: [RegionCode: Region], canWrite: Bool, canLink: Bool, notice: String?,
        errors: [String: [String]], values: [String: String], context: PageContext
    ) -> HTML {
        let t = context.t
        let lang = t.lang
        let chosenGroups = Set((values["groups"] ?? "").split(separator: ";").map(String.init))
        let committed = Rupiah(commitments.reduce(0) { $0 + $1.commitment.value.amount })
        let realised = Rupiah(commitments.reduce(0) { $0 + $1.realised.amount })
        return Layout(context: context, title: partner.name, section: .partners).document(
            .group(
                .nav(.class("breadcrumbs"), .ol(.li(.a(.href(Site.partners), .text(t(.ptnTitle)))), .li(.span(.text(partner.name))))),
                .h1(.text(partner.name)),
                Forms.notice(notice),
                Forms.errors(errors.values.flatMap { $0 }, heading: t(.formErrorsHeading)),
                .dl(
                    .class("facts"),
                    .dt(.text(t(.ptnKind))), .dd(.text(partner.kind.label(lang))),
                    .dt(.text(t(.ptnRegions))), .dd(.text(partner.regions.map { GroupPages.place($0, regions) }.joined(separator: ", "))),
                    .dt(.text(t(.ptnContact))),
                    .dd(
                        .text(
                            [partner.contactName, partner.contactPhone, partner.email].filter { !$0.isEmpty }.joined(separator: " · ").ifEmpty("—"))),
                    .dt(.text(t(.ptnCommitted))), .dd(.text(committed.formatted)),
                    .dt(.text(t(.ptnRealised))), .dd(.text(realised.formatted))),
                .h2(.text(t(.ptnCommitments))),
                .if(commitments.isEmpty, .p(.class("muted"), .text(t(.ptnNoCommitments)))),
                .forEach(commitments) { status in
                    let c = status.commitment
                    return .section(
                        .class("box"),
                        .h3(.text("\(c.type.label(lang)): \(c.description)" + (c.quantityText.map { " (\($0))" } ?? ""))),
                        .p(
                            .text(
                                "\(GroupPages.place(c.kabupatenKota, regions)) · \(c.startsOn.long(lang)) – \(c.endsOn.long(lang)) · \(t(.ptnCommitted)) \(c.value.formatted) · \(t(.ptnRealised)) \(status.realised.formatted)"
                            )),
                        .if(
                            !c.groups.isEmpty,
                            .p(.class("muted"), .text(t(.ptnGroups) + ": " + c.groups.map { groupNames[$0] ?? "—" }.joined(separator: ", ")))),
                        .ul(.forEach(status.realisations) { r in .li(.text("\(r.date.long(lang)) · \(r.value.formatted) · \(r.note)")) }),
                        .if(
                            canWrite && writable.contains(c.kabupatenKota) && status.outstanding.amount > 0,
                            .form(
                                .method(.post), .action(Site.partnerRealisation(partner.id, c.id)), .class("inline-form"), Forms.csrf(context),
                                Forms.field(t(.ptnRealisationDate), name: "date", type: .date, value: "", required: true),
                                Forms.field(
                                    t(.ptnRealisationValue), name: "value", value: "", hint: t(.ptnOutstanding, status.outstanding.formatted),
                                    required: true, inputMode: "numeric", maxLength: 20),
                                Forms.field(t(.ptnNote), name: "note", value: "", maxLength: 300),
                                Forms.submit(t(.ptnRecordRealisation)))))
                },
                .if(
                    canWrite && !writable.isEmpty,
                    .form(
                        .method(.post), .action(Site.partnerCommitments(partner.id)), .class("inline-form"), Forms.csrf(context),
                        .h2(.text(t(.ptnNewCommitment))),
                        Forms.select(
                            t(.ptnType), name: "type", options: Commitment.SupportType.allCases.map { ($0.rawValue, $0.label(lang)) },
                            selected: values["type"]),
                        Forms.field(
                            t(.ptnDescription), name: "description", value: values["description"] ?? "", required: true, maxLength: 300,
                            error: errorsOf(errors, "description")),
                        Forms.field(
                            t(.ptnValue), name: "value", value: values["value"] ?? "", hint: t(.grpFieldAmountHint), required: true,
                            inputMode: "numeric",
                            maxLength: 20, error: errorsOf(errors, "value")),
                        .div(
                            .class("line"),
                            Forms.field(
                                t(.ptnQuantity), name: "quantity", value: values["quantity"] ?? "", inputMode: "numeric", maxLength: 10,
                                error: errorsOf(errors, "quantity")),
                            Forms.field(t(.ldgUnit), name: "unit", value: values["unit"] ?? "", maxLength: 30)),
                        Forms.field(
                            t(.prgFieldStarts), name: "starts", type: .date, value: values["starts"] ?? "", required: true,
                            error: errorsOf(errors, "date")),
                        Forms.field(t(.prgFieldEnds), name: "ends", type: .date, value: values["ends"] ?? "", required: true),
                        Forms.select(
                            t(.prgFieldKabkota), name: "kabkota", options: writable.map { ($0.rawValue, GroupPages.place($0, regions)) },
                            selected: values["kabkota"]),
                        Forms.select(
                            t(.ptnProgramme), name: "programme", options: [("", "—")] + programmes.map { ($0.id.uuidString, $0.name) },
                            selected: values["programme"]),
                        .fieldset(
                            .class(errors["groups"] == nil ? "choices many" : "choices many invalid"), .legend(.text(t(.ptnGroups))),
                            .attribute(named: "data-filter", value: t(.benFormFilter)),
                            .unwrap(errorsOf(errors, "groups")) { .p(.class("field-error"), .text($0)) },
                            .forEach(groups) { group in
                                .label(
                                    .class("choice"),
                                    .input(
                                        .type(.checkbox), .name("groups[]"), .value(group.id.uuidString),
                                        .checked(chosenGroups.contains(group.id.uuidString))),
                                    .text(" \(group.name) · \(GroupPages.place(group.desa, regions))"))
                            }),
                        Forms.submit(t(.ptnRecordCommitment)))),
                .if(
                    canLink,
                    .form(
                        .method(.post), .action(Site.partnerAccounts(partner.id)), .class("inline-form"), Forms.csrf(context),
                        .h2(.text(t(.ptnAccounts))),
                        .p(.class("field-hint"), .text(t(.ptnAccountsHint))),
                        .input(.type(.hidden), .name("version"), .value(String(partner.version))),
                        .ul(.forEach(mitraUsers.filter { partner.accounts.contains($0.id) }) { .li(.text($0.username)) }),
                        Forms.select(
                            t(.ptnAccount), name: "user",
                            options: mitraUsers.filter { !partner.accounts.contains($0.id) }.map {
                                ($0.id.uuidString, "\($0.username) · \($0.displayName)")
                            },
                            selected: nil),
                        .unwrap(errorsOf(errors, "user")) { .p(.class("field-error"), .text($0)) },
                        Forms.submit(t(.ptnLink))))
            ))
    }

    static func mitra(
        _ partners: [Partner], commitments: [CommitmentStatus], groups: [PartnersController.MitraGroupRow], regions: [RegionCode: Region],
        context: PageContext
    ) -> HTML {
        let t = context.t
        let lang = t.lang
        func cell(_ label: String, _ text: String) -> Node { .td(.class("num"), .attribute(named: "data-label", value: label), .text(text)) }
        return Layout(context: context, title: t(.ptnMitraTitle), section: .home).document(
            .group(
                .h1(.text(partners.isEmpty ? t(.ptnMitraTitle) : partners.map(\.name).joined(separator: ", "))),
                .if(partners.isEmpty, .p(.class("empty"), .text(t(.ptnMitraNoPartner)))),
                .p(.class("muted"), .text(t(.ptnMitraPrivacy))),
                .h2(.text(t(.ptnCommitments))),
                .if(commitments.isEmpty && !partners.isEmpty, .p(.class("muted"), .text(t(.ptnNoCommitments)))),
                .ul(
                    .forEach(commitments) { s in
                        .li(
                            .text(
                                "\(s.commitment.type.label(lang)): \(s.commitment.description) · \(GroupPages.place(s.commitment.kabupatenKota, regions)) · \(t(.ptnCommitted)) \(s.commitment.value.formatted) · \(t(.ptnRealised)) \(s.realised.formatted)"
                            ))
                    }),
                .h2(.text(t(.ptnSupportedGroups))),
                .if(
                    !groups.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .class("stack"),
                            .thead(
                                .tr(
                                    .th(.text(t(.grpColName))), .th(.text(t(.grpColStatus))), .th(.class("num"), .text(t(.grpColMembers))),
                                    .th(.class("num"), .text(t(.grpColAttendance))), .th(.class("num"), .text(t(.ptnUnitsMade))),
                                    .th(.class("num"), .text(t(.ldgRevenue))), .th(.class("num"), .text(t(.ldgValueAdded))))),
                            .tbody(
                                .forEach(groups) { row in
                                    .tr(
                                        .td(
                                            .a(.href(Site.mitraGroup(row.group.id)), .text(row.group.name)),
                                            .text(" · \(GroupPages.place(row.group.desa, regions))")),
                                        .td(
                                            .attribute(named: "data-label", value: t(.grpColStatus)),
                                            .text("\(row.group.status.label(lang)) · \(row.group.stage.label(lang))")),
                                        cell(t(.grpColMembers), String(row.members)), cell(t(.grpColAttendance), formatPercent(row.attendance)),
                                        cell(t(.ptnUnitsMade), String(row.totals.unitsMade)), cell(t(.ldgRevenue), row.totals.revenue.formatted),
                                        cell(t(.ldgValueAdded), formatValueAdded(row.totals.valueAdded, lang)))
                                })))),
                .if(!groups.isEmpty, .p(.a(.href(Site.mitra + "?format=csv"), .text(t(.ldgCsv)))))
            ))
    }
}

extension PartnerPages {
    static func mitraGroup(
        _ group: KUBEGroup, attendance: Double?, months: [MonthlyLedger], skill: Skill?, regions: [RegionCode: Region], context: PageContext
    ) -> HTML {
        let t = context.t
        let lang = t.lang
        func cell(_ label: String, _ text: String) -> Node { .td(.class("num"), .attribute(named: "data-label", value: label), .text(text)) }
        return Layout(context: context, title: group.name, section: .home).document(
            .group(
                .nav(.class("breadcrumbs"), .ol(.li(.a(.href(Site.home), .text(t(.ptnMitraTitle)))), .li(.span(.text(group.name))))),
                .h1(.text(group.name)),
                .p(.class("muted"), .text(t(.ptnMitraPrivacy))),
                .dl(
                    .class("facts"),
                    .dt(.text(t(.grpColPlace))),
                    .dd(.text("\(GroupPages.place(group.desa, regions)), \(GroupPages.place(group.kecamatan, regions))")),
                    .dt(.text(t(.grpColSkill))), .dd(.text(skill?.name ?? group.skill)),
                    .dt(.text(t(.grpColStatus))), .dd(.text("\(group.status.label(lang)) · \(group.stage.label(lang))")),
                    .dt(.text(t(.grpColMembers))), .dd(.text(String(group.activeMembers.count))),
                    .dt(.text(t(.grpColAttendance))), .dd(.text(formatPercent(attendance))),
                    .dt(.text(t(.ldgExpected))), .dd(.text(formatValueAdded(skill?.valueAddedRatio, lang)))),
                .h2(.text(t(.ldgHistory))),
                .if(months.isEmpty, .p(.class("muted"), .text(t(.ldgNoHistory)))),
                .if(
                    !months.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .class("stack"),
                            .thead(
                                .tr(
                                    .th(.text(t(.ldgMonth))), .th(.class("num"), .text(t(.ptnUnitsMade))), .th(.class("num"), .text(t(.ldgRevenue))),
                                    .th(.class("num"), .text(t(.ldgProfit))), .th(.class("num"), .text(t(.ldgValueAdded))))),
                            .tbody(
                                .forEach(months.reversed()) { l in
                                    .tr(
                                        .td(.text(l.month.label(lang))), cell(t(.ptnUnitsMade), String(l.unitsMade)),
                                        cell(t(.ldgRevenue), l.revenue.formatted),
                                        cell(t(.ldgProfit), l.profit.formatted), cell(t(.ldgValueAdded), formatValueAdded(l.valueAdded, lang)))
                                }))))
            ))
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
