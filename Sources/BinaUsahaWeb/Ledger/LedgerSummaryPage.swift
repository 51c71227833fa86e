import BinaUsahaDomain
import Foundation
import Vapor

/// `/ledger`: one month's production and sales per kab/kota, per skill and (for a kab/kota's
/// staff) per group, with the closing of the month.
enum LedgerSummaryPage {
    static func render(
        _ d: LedgerController.SummaryData, months: [YearMonth], closable: [Region], notice: String?, errors: [String], context: PageContext
    ) -> HTML {
        let t = context.t
        let lang = t.lang
        let month = d.month
        let closedHere = Dictionary(d.closures.filter { $0.month == month }.map { ($0.kabupatenKota, $0) }, uniquingKeysWith: { a, _ in a })
        var total = LedgerTotals(key: "")
        for row in d.byKabkota { total.add(row) }
        func csv(_ part: String) -> String { Site.ledger + "?bulan=\(month.text)&format=csv&bagian=\(part)" }
        func cell(_ label: String, _ text: String) -> Node { .td(.class("num"), .attribute(named: "data-label", value: label), .text(text)) }
        func totalsCells(_ r: LedgerTotals) -> Node {
            .group(
                cell(t(.ldgGroupsReporting), String(r.groupMonths)), cell(t(.ldgRevenue), r.revenue.formatted),
                cell(t(.ldgMaterialCost), r.materialCost.formatted), cell(t(.ldgProfit), r.profit.formatted),
                cell(t(.ldgWelfare), r.kesejahteraan.formatted), cell(t(.ldgValueAdded), formatValueAdded(r.valueAdded, lang)),
                cell(t(.ldgIncomePerMember), r.incomePerMemberMonth?.formatted ?? "—"))
        }
        let head: Node = .group(
            .th(.class("num"), .text(t(.ldgGroupsReporting))), .th(.class("num"), .text(t(.ldgRevenue))),
            .th(.class("num"), .text(t(.ldgMaterialCost))), .th(.class("num"), .text(t(.ldgProfit))),
            .th(.class("num"), .text(t(.ldgWelfare))), .th(.class("num"), .text(t(.ldgValueAdded))),
            .th(.class("num"), .text(t(.ldgIncomePerMember))))
        return Layout(context: context, title: t(.ldgTitle), section: .ledger).document(
            .group(
                .h1(.text(t(.ldgTitle))),
                .p(.text(t(.ldgIntro))),
                Forms.notice(notice),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .form(
                    .method(.get), .action(Site.ledger), .class("inline-form"),
                    .div(
                        .class("field"), .label(.for("bulan"), .text(t(.ldgMonth))),
                        .select(.name("bulan"), .id("bulan"), options: months.reversed().map { ($0.text, $0.label(lang)) }, selected: month.text)),
                    .button(.type(.submit), .class("button secondary"), .text(t(.ldgShowMonth)))),
                .h2(.text(t(.ldgByKabkota, month.label(lang)))),
                .if(d.byKabkota.isEmpty, .p(.class("empty"), .text(t(.ldgNoData)))),
                .if(
                    !d.byKabkota.isEmpty,
                    .group(
                        .div(
                            .class("table-wrap"),
                            .table(
                                .class("stack"),
                                .thead(.tr(.th(.text(t(.prgFieldKabkota))), head, .th(.text(t(.ldgStatus))))),
                                .tbody(
                                    .forEach(d.byKabkota) { row in
                                        let code = RegionCode(trusted: row.key)
                                        return .tr(
                                            .td(.text(d.regions[code].map(Recommender.placeName) ?? row.key)), totalsCells(row),
                                            .td(
                                                .attribute(named: "data-label", value: t(.ldgStatus)),
                                                .text(closedHere[code] == nil ? t(.ldgOpen) : t(.ldgClosedShort))))
                                    },
                                    .if(d.byKabkota.count > 1, .tr(.class("total"), .th(.text(t(.ldgTotal))), totalsCells(total), .td()))))),
                        .p(.a(.href(csv("kabkota")), .text(t(.ldgCsv)))))),
                .if(
                    !closable.isEmpty,
                    .form(
                        .method(.post), .action(Site.ledgerClose), .class("inline-form box"), Forms.csrf(context),
                        .h2(.text(t(.ldgCloseMonth, month.label(lang)))), .p(.class("field-hint"), .text(t(.ldgCloseHint))),
                        .input(.type(.hidden), .name("bulan"), .value(month.text)),
                        Forms.select(t(.prgFieldKabkota), name: "kabkota", options: closable.map { ($0.code.rawValue, $0.name) }, selected: nil),
                        Forms.submit(t(.ldgCloseMonth, month.label(lang))))),
                .if(!d.groups.isEmpty, groupsTable(d, t: t)),
                .h2(.text(t(.ldgBySkill))),
                .if(d.bySkill.isEmpty, .p(.class("muted"), .text(t(.ldgNoData)))),
                .if(
                    !d.bySkill.isEmpty,
                    .group(
                        .div(
                            .class("table-wrap"),
                            .table(
                                .class("stack"),
                                .thead(
                                    .tr(
                                        .th(.text(t(.grpColSkill))), .th(.class("num"), .text(t(.ldgGroupsReporting))),
                                        .th(.class("num"), .text(t(.ldgRevenue))), .th(.class("num"), .text(t(.ldgValueAdded))),
                                        .th(.class("num"), .text(t(.ldgExpected))))),
                                .tbody(
                                    .forEach(d.bySkill) { row in
                                        .tr(
                                            .td(.text(d.skills[row.key]?.name ?? row.key)), cell(t(.ldgGroupsReporting), String(row.groupMonths)),
                                            cell(t(.ldgRevenue), row.revenue.formatted),
                                            cell(t(.ldgValueAdded), formatValueAdded(row.valueAdded, lang)),
                                            cell(t(.ldgExpected), formatValueAdded(d.skills[row.key]?.valueAddedRatio, lang)))
                                    }))),
                        .p(.a(.href(csv("keterampilan")), .text(t(.ldgCsv))))))
            ))
    }

    static func groupsTable(_ d: LedgerController.SummaryData, t: Messages) -> Node {
        let lang = t.lang
        let missing = d.groups.filter { d.entries[$0.id] == nil }.count
        return .section(
            .h2(.text(t(.ldgByGroup))),
            .if(missing > 0, .p(.class("alert warn"), .text(t(.ldgMissing, String(missing))))),
            .div(
                .class("table-wrap"),
                .table(
                    .class("stack"),
                    .thead(
                        .tr(
                            .th(.text(t(.grpColName))), .th(.text(t(.grpColPlace))), .th(.class("num"), .text(t(.ldgRevenue))),
                            .th(.class("num"), .text(t(.ldgProfit))), .th(.class("num"), .text(t(.ldgValueAdded))))),
                    .tbody(
                        .forEach(d.groups) { group in
                            let entry = d.entries[group.id]
                            return .tr(
                                .td(.a(.href(Site.groupLedger(group.id) + "?bulan=\(d.month.text)"), .text(group.name))),
                                .td(.attribute(named: "data-label", value: t(.grpColPlace)), .text(GroupPages.place(group.desa, d.regions))),
                                .td(
                                    .class("num"), .attribute(named: "data-label", value: t(.ldgRevenue)),
                                    .text(entry?.revenue.formatted ?? t(.ldgNotRecorded))),
                                .td(.class("num"), .attribute(named: "data-label", value: t(.ldgProfit)), .text(entry?.profit.formatted ?? "—")),
                                .td(
                                    .class("num"), .attribute(named: "data-label", value: t(.ldgValueAdded)),
                                    .text(formatValueAdded(entry?.valueAdded, lang))))
                        }))),
            .p(.a(.href(Site.ledger + "?bulan=\(d.month.text)&format=csv&bagian=kelompok"), .text(t(.ldgCsv)))))
    }
}

/// The summary tables as CSV, with the month chosen.
enum LedgerCSV {
    static func response(_ d: LedgerController.SummaryData, part: String?, lang: Lang) -> Response {
        func figures(_ r: LedgerTotals) -> [String] {
            [
                String(r.groupMonths), String(r.revenue.amount), String(r.materialCost.amount), String(r.otherCost.amount), String(r.profit.amount),
                String(r.modal.amount), String(r.kesejahteraan.amount), String(r.iks.amount), r.valueAdded.map { String(format: "%.2f", $0) } ?? "",
                r.incomePerMemberMonth.map { String($0.amount) } ?? "",
            ]
        }
        let figureColumns = [
            "kube_melapor", "omzet", "biaya_bahan", "biaya_lain", "laba", "modal_usaha", "kesejahteraan_anggota", "iks", "nilai_tambah",
            "pendapatan_per_anggota",
        ]
        switch part {
        case "keterampilan":
            return CSVDownload.response(
                name: "usaha-keterampilan-\(d.month.text).csv",
                header: ["bulan", "kode_keterampilan", "keterampilan"] + figureColumns + ["nilai_tambah_katalog"],
                rows: d.bySkill.map { row in
                    let skill = d.skills[row.key]
                    return [d.month.text, row.key, skill?.name ?? ""] + figures(row) + [
                        skill?.valueAddedRatio.map { String(format: "%.2f", $0) } ?? ""
                    ]
                })
        case "kelompok":
            return CSVDownload.response(
                name: "usaha-kelompok-\(d.month.text).csv", header: ["bulan", "kelompok", "kode_desa"] + figureColumns,
                rows: d.groups.map { group in
                    [d.month.text, group.name, group.desa.rawValue]
                        + (d.entries[group.id].map { figures(LedgerTotals($0, key: group.id.uuidString)) } ?? figureColumns.map { _ in "" })
                })
        default:
            return CSVDownload.response(
                name: "usaha-kabkota-\(d.month.text).csv", header: ["bulan", "kode_kabkota", "kabkota"] + figureColumns,
                rows: d.byKabkota.map { row in [d.month.text, row.key, d.regions[RegionCode(trusted: row.key)]?.name ?? ""] + figures(row) })
        }
    }
}
