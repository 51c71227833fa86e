import BinaUsahaDomain
import Foundation

/// A group's month of production and sales (one phone screen, one submit) and the summary per
/// kab/kota with the closing of a month.
enum LedgerPages {
    struct MonthModel {
        var group: KUBEGroup
        var month: YearMonth
        var months: [YearMonth]
        var ledger: MonthlyLedger?
        var history: [MonthlyLedger]
        var adjustments: [LedgerAdjustment]
        var closure: LedgerClosure?
        var skill: Skill?
        var names: [UUID: String]
        var canRecord: Bool
        var canCorrect: Bool
        var values: [String: String]
        var errors: [String: [String]]
        var notice: String?
    }

    static func month(_ m: MonthModel, context: PageContext) -> HTML {
        let t = context.t
        let lang = t.lang
        let group = m.group
        let editable = m.group.status == .aktif && (m.closure == nil ? m.canRecord : m.canCorrect)
        let products = (m.skill?.products.map(\.name) ?? []) + m.history.flatMap { $0.production.map(\.product) }
        let units = (m.skill?.products.map(\.unit) ?? []) + ["buah", "lembar", "kg", "paket", "pasang"]
        let all = m.errors.values.flatMap { $0 }
        func sectionErrors(_ key: String) -> Node {
            .forEach(m.errors[key] ?? []) { .p(.class("field-error"), .text($0)) }
        }
        let value = { (key: String) in m.values[key] ?? "" }
        let title = t(.ldgGroupTitle, group.name)
        let productionRows = LedgerFormInput.rows("prod", in: m.values, blank: 2)
        let saleRows = LedgerFormInput.rows("sale", in: m.values, blank: 3)
        let form: Node = .form(
            .method(.post), .action(Site.groupLedger(group.id)), .class("ledger"), Forms.csrf(context),
            .input(.type(.hidden), .name("bulan"), .value(m.month.text)),
            .input(.type(.hidden), .name("version"), .value(String(m.ledger?.version ?? 0))),
            .fieldset(
                .id("produksi"), .class(m.errors["produksi"] == nil ? "lines" : "lines invalid"),
                .legend(.text(t(.ldgProduction))), .p(.class("field-hint"), .text(t(.ldgProductionHint))), sectionErrors("produksi"),
                .forEach(0..<productionRows) { i in
                    .div(
                        .class("line"),
                        lineField(t(.ldgProduct), "prod_\(i)_product", value, list: "ldg-products", maxLength: 80),
                        lineField(t(.ldgUnit), "prod_\(i)_unit", value, list: "ldg-units", maxLength: 20),
                        lineField(t(.ldgQuantity), "prod_\(i)_qty", value, inputMode: "numeric"),
                        lineField(t(.ldgMaterialCost) + " (Rp)", "prod_\(i)_cost", value, inputMode: "numeric"))
                }),
            .fieldset(
                .id("penjualan"), .class(m.errors["penjualan"] == nil ? "lines" : "lines invalid"),
                .legend(.text(t(.ldgSales))), .p(.class("field-hint"), .text(t(.ldgSalesHint))), sectionErrors("penjualan"),
                .forEach(0..<saleRows) { i in
                    .div(
                        .class("line"),
                        lineField(t(.ldgProduct), "sale_\(i)_product", value, list: "ldg-products", maxLength: 80),
                        .div(
                            .class("field"), .label(.for("sale_\(i)_channel"), .text(t(.ldgChannel))),
                            .select(
                                .name("sale_\(i)_channel"), .id("sale_\(i)_channel"),
                                options: SalesChannel.allCases.map { ($0.rawValue, $0.label(lang)) }, selected: m.values["sale_\(i)_channel"])),
                        lineField(t(.ldgQuantity), "sale_\(i)_qty", value, inputMode: "numeric"),
                        lineField(t(.ldgUnitPrice), "sale_\(i)_price", value, inputMode: "numeric"))
                }),
            .fieldset(
                .id("biaya"), .class(m.errors["biaya"] == nil ? "lines" : "lines invalid"),
                .legend(.text(t(.ldgOtherCosts) + " (Rp)")), sectionErrors("biaya"),
                .div(
                    .class("line"),
                    .forEach(CostKind.allCases) { kind in lineField(kind.label(lang), "cost_\(kind.rawValue)", value, inputMode: "numeric") })),
            .fieldset(
                .id("alokasi"), .class(m.errors["alokasi"] == nil ? "lines" : "lines invalid"),
                .legend(.text(t(.ldgAllocation))), .p(.class("field-hint"), .text(t(.ldgAllocationHint))), sectionErrors("alokasi"),
                .div(
                    .class("line"), lineField(t(.ldgModal), "modal", value, inputMode: "numeric"),
                    lineField(t(.ldgIKS), "iks", value, inputMode: "numeric"))),
            .details(
                .id("pendapatan"), .flag("open", m.errors["pendapatan"] != nil),
                .summary(.text(t(.ldgIncomes))), .p(.class("field-hint"), .text(t(.ldgIncomesHint))), sectionErrors("pendapatan"),
                .forEach(group.activeMembers) { member in
                    let now = m.ledger?.memberIncomes[member.beneficiary].map { t(.ldgIncomeNow, $0.formatted) }
                    return Forms.field(
                        m.names[member.beneficiary] ?? "—", name: "inc_\(member.beneficiary.uuidString)",
                        value: value("inc_\(member.beneficiary.uuidString)"), hint: now, inputMode: "numeric", maxLength: 20)
                }),
            .if(
                m.closure != nil,
                Forms.field(
                    t(.ldgReason), name: "alasan", value: value("alasan"), hint: t(.ldgReasonHint), required: true, maxLength: 500,
                    error: m.errors["alasan"]?.first)),
            Forms.submit(m.closure == nil ? t(.ldgSave) : t(.ldgSaveCorrection)))
        return Layout(context: context, title: title, section: .ledger).document(
            .group(
                .nav(
                    .class("breadcrumbs"),
                    .ol(
                        .li(.a(.href(Site.groups), .text(t(.grpTitle)))), .li(.a(.href(Site.group(group.id)), .text(group.name))),
                        .li(.span(.text(t(.ldgTab)))))),
                .h1(.text(title)),
                Forms.notice(m.notice),
                Forms.errors(all, heading: t(.formErrorsHeading)),
                .form(
                    .method(.get), .action(Site.groupLedger(group.id)), .class("inline-form"),
                    .div(
                        .class("field"), .label(.for("bulan"), .text(t(.ldgMonth))),
                        .select(.name("bulan"), .id("bulan"), options: m.months.reversed().map { ($0.text, $0.label(lang)) }, selected: m.month.text),
                        sectionErrors("bulan")),
                    .button(.type(.submit), .class("button secondary"), .text(t(.ldgShowMonth)))),
                .p(
                    .strong(
                        .text(
                            m.closure.map { t(.ldgClosed, IndonesianCalendar.longDate($0.closedAt, lang), $0.closedBy) } ?? t(.ldgOpen)))),
                .if(m.group.status != .aktif, .div(.class("alert warn"), .p(.text(LedgerProblem.groupNotActive.message(lang))))),
                .if(!editable && m.group.status == .aktif, .p(.class("muted"), .text(m.closure == nil ? t(.ldgReadOnly) : t(.ldgClosedReadOnly)))),
                .unwrap(m.ledger) { summary($0, skill: m.skill, t: t) },
                .if(editable, form),
                .datalist(.id("ldg-products"), .forEach(Array(Set(products)).sorted()) { .option(.value($0)) }),
                .datalist(.id("ldg-units"), .forEach(Array(Set(units)).sorted()) { .option(.value($0)) }),
                .if(
                    !m.adjustments.isEmpty,
                    .section(
                        .h2(.text(t(.ldgAdjustments))),
                        .ul(
                            .forEach(m.adjustments) { a in
                                .li(
                                    .text(
                                        t(
                                            .ldgAdjustmentRow, IndonesianCalendar.longDateTime(a.at, lang), a.by, a.reason, a.revenueBefore.formatted,
                                            a.revenueAfter.formatted, a.profitBefore.formatted, a.profitAfter.formatted)))
                            }))),
                .h2(.text(t(.ldgHistory))),
                .if(m.history.isEmpty, .p(.class("muted"), .text(t(.ldgNoHistory)))),
                .if(
                    !m.history.isEmpty,
                    .group(
                        historyTable(m.history.reversed(), group: group.id, t: t),
                        .p(.a(.href(Site.groupLedger(group.id) + "?format=csv"), .text(t(.ldgCsv))))))
            ))
    }

    static func lineField(
        _ label: String, _ name: String, _ value: (String) -> String, list: String? = nil, inputMode: String? = nil, maxLength: Int = 20
    ) -> Node {
        .div(
            .class("field"), .label(.for(name), .text(label)),
            .input(
                .type(.text), .name(name), .id(name), .value(value(name)), .attribute(named: "list", value: list),
                .attribute(named: "inputmode", value: inputMode), .attribute(named: "maxlength", value: String(maxLength))))
    }

    /// The month's figures: revenue, costs, profit, allocation and value added beside the catalogue's.
    static func summary(_ l: MonthlyLedger, skill: Skill?, t: Messages) -> Node {
        let lang = t.lang
        let perMember = l.memberIncomes.isEmpty ? nil : Rupiah(l.allocation.kesejahteraan.amount / Int64(l.memberIncomes.count))
        let expected = skill?.valueAddedRatio
        let byProduct = l.valueAddedByProduct
        return .section(
            .class("box"), .h2(.text(t(.ldgSummary, l.month.label(lang)))),
            .dl(
                .class("facts"),
                .dt(.text(t(.ldgRevenue))), .dd(.text(l.revenue.formatted)),
                .dt(.text(t(.ldgMaterialCost))), .dd(.text(l.materialCost.formatted)),
                .dt(.text(t(.ldgOtherCosts))), .dd(.text(l.otherCost.formatted)),
                .dt(.text(t(.ldgProfit))), .dd(.strong(.text(l.profit.formatted))),
                .dt(.text(t(.ldgAllocation))),
                .dd(
                    .text(
                        "\(t(.ldgModal)) \(l.allocation.modal.formatted) · \(t(.ldgWelfare)) \(l.allocation.kesejahteraan.formatted) · IKS \(l.allocation.iks.formatted)"
                    )),
                .dt(.text(t(.ldgIncomePerMember))), .dd(.text(perMember?.formatted ?? "—")),
                .dt(.text(t(.ldgValueAdded))),
                .dd(.text("\(formatValueAdded(l.valueAdded, lang)) · \(t(.ldgExpected)) \(formatValueAdded(expected, lang))"))),
            .if(
                !byProduct.isEmpty,
                .ul(
                    .class("muted"),
                    .forEach(byProduct.sorted { $0.key < $1.key }) { product, ratio in
                        let catalogue = skill?.products.first { MonthlyLedger.productKey($0.name) == MonthlyLedger.productKey(product) }?
                            .valueAddedRatio
                        return .li(
                            .text("\(product): \(t(.ldgValueAdded).lowercased()) \(formatValueAdded(ratio, lang))"),
                            .unwrap(catalogue) { .text(" · \(t(.ldgExpected).lowercased()) \(formatValueAdded($0, lang))") })
                    })))
    }

    static func historyTable(_ months: [MonthlyLedger], group: UUID, t: Messages) -> Node {
        .div(
            .class("table-wrap"),
            .table(
                .class("stack"),
                .thead(
                    .tr(
                        .th(.text(t(.ldgMonth))), .th(.class("num"), .text(t(.ldgRevenue))), .th(.class("num"), .text(t(.ldgProfit))),
                        .th(.class("num"), .text(t(.ldgValueAdded))))),
                .tbody(
                    .forEach(months) { l in
                        .tr(
                            .td(.a(.href(Site.groupLedger(group) + "?bulan=\(l.month.text)"), .text(l.month.label(t.lang)))),
                            .td(.class("num"), .attribute(named: "data-label", value: t(.ldgRevenue)), .text(l.revenue.formatted)),
                            .td(.class("num"), .attribute(named: "data-label", value: t(.ldgProfit)), .text(l.profit.formatted)),
                            .td(
                                .class("num"), .attribute(named: "data-label", value: t(.ldgValueAdded)),
                                .text(formatValueAdded(l.valueAdded, t.lang))))
                    })))
    }
}
