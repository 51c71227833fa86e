import BinaUsahaDomain
import Foundation

/// The list of beneficiaries with filters (GET, nothing personal in the address) and a
/// name/NIK search (POST, so names and NIKs never reach URLs or logs).
enum BeneficiaryList {
    struct Filters: Codable, Sendable {
        var region: String?
        var ppks: Int?
        var desil: Int?
        var status: String?
        var minat: String?
        var page: Int?
    }

    /// A NIK as typed in the search (whole or its first digits; spaces allowed, so the input
    /// takes up to 24 characters: a NIK written in groups of four), and why it cannot be searched.
    struct NIKSearch {
        var typed: String
        var error: String?
    }

    struct Model {
        var filters: Filters
        var searchedName: String?
        var searchedNIK: NIKSearch?
        var rows: [PersonSummary]
        var total: Int
        var page: Int
        var pageCount: Int
        var interests: [String]
        var notice: String?
        var canWrite: Bool
        /// The region filter's choices (`RegionChoices`).
        var regionOptions: [(value: String, label: String)] = []
    }

    struct View {
        let model: Model
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.benTitle), section: .beneficiaries).document(
                .group(
                    .h1(.text(t(.benTitle))),
                    .p(.text(t(.benIntro))),
                    Forms.notice(model.notice),
                    .if(
                        model.canWrite,
                        .p(
                            .class("actions"),
                            .a(.class("button"), .href(Site.newBeneficiary), .text(t(.benNew))), .text(" "),
                            .a(.class("button secondary"), .href(Site.beneficiaryImport), .text(t(.benImport))))),
                    .form(
                        .method(.post), .action(Site.beneficiarySearch), .class("filters"),
                        Forms.csrf(context),
                        Forms.field(t(.benSearchName), name: "name", value: model.searchedName ?? "", autocomplete: "off"),
                        Forms.field(
                            t(.benSearchNIK), name: "nik", value: model.searchedNIK?.typed ?? "", hint: t(.benSearchNIKHint),
                            autocomplete: "off", inputMode: "numeric", maxLength: 24, error: model.searchedNIK?.error),
                        Forms.submit(t(.benSearchSubmit)),
                        .p(.class("field-hint"), .text(t(.benSearchHint)))),
                    filterForm,
                    .p(
                        .class("muted"), .text(t(.benTotal, model.total.formattedID)), .text(" · "),
                        .a(.href(Site.beneficiaryExport + "?\(query(page: nil))"), .text(t(.benExport))), .text(" · "),
                        .a(.href(Site.duplicates), .text(t(.benDuplicates))),
                        .if(model.canWrite, .group(.text(" · "), .a(.href(Site.beneficiariesDeleted), .text(t(.benDeletedLink)))))),
                    .if(model.rows.isEmpty, .p(.text(t(.benEmpty)))),
                    .if(!model.rows.isEmpty, table),
                    pager
                ))
        }

        private var filterForm: Node {
            let ppks = [(value: "", label: t(.benFilterAll))] + PPKS.all.map { (value: String($0.number), label: "\($0.number). \($0.name)") }
            let statuses = [(value: "", label: t(.benFilterAll))] + BeneficiaryStatus.allCases.map { (value: $0.rawValue, label: $0.label(t.lang)) }
            let deciles = [(value: "", label: t(.benFilterAll))] + (1...10).map { (value: String($0), label: String($0)) }
            let interests = [(value: "", label: t(.benFilterAll))] + model.interests.map { (value: $0, label: $0) }
            return .form(
                .method(.get), .action(Site.beneficiaries), .class("filters"),
                Forms.select(t(.benFilterRegion), name: "region", options: model.regionOptions, selected: model.filters.region ?? ""),
                Forms.select(t(.benFilterPPKS), name: "ppks", options: ppks, selected: model.filters.ppks.map(String.init) ?? ""),
                Forms.select(t(.benFilterDecile), name: "desil", options: deciles, selected: model.filters.desil.map(String.init) ?? ""),
                Forms.select(t(.benFilterStatus), name: "status", options: statuses, selected: model.filters.status ?? ""),
                Forms.select(t(.benFilterInterest), name: "minat", options: interests, selected: model.filters.minat ?? ""),
                Forms.submit(t(.benFilterSubmit)))
        }

        private var table: Node {
            // Below 600 px each row is a card with its labels (`table.stack`).
            let labels = (nik: t(.benColNIK), desa: t(.benColDesa), ppks: t(.benColPPKS), decile: t(.benColDecile), status: t(.benColStatus))
            return .div(
                .class("table-wrap"),
                .table(
                    .class("stack"),
                    .thead(
                        .tr(
                            .th(.text(t(.benColName))), .th(.text(labels.nik)), .th(.text(labels.desa)), .th(.text(labels.ppks)),
                            .th(.class("num"), .text(labels.decile)), .th(.text(labels.status)))),
                    .tbody(
                        .forEach(model.rows) { row in
                            .tr(
                                .td(.a(.href(Site.beneficiary(row.id)), .text(row.name))),
                                .td(.attribute(named: "data-label", value: labels.nik), .code(.text(row.nik))),
                                .td(.attribute(named: "data-label", value: labels.desa), .text(row.desa)),
                                .td(.attribute(named: "data-label", value: labels.ppks), .text(row.ppks.joined(separator: ", "))),
                                .td(.class("num"), .attribute(named: "data-label", value: labels.decile), .text(row.decile)),
                                .td(.attribute(named: "data-label", value: labels.status), .text(row.status)))
                        })
                ))
        }

        private var pager: Node {
            .if(
                model.pageCount > 1,
                .nav(
                    .class("pager"),
                    .if(model.page > 1, .a(.href(Site.beneficiaries + "?\(query(page: model.page - 1))"), .text(t(.auditPrev)))),
                    .span(.text(t(.pagerPage, String(model.page), String(model.pageCount)))),
                    .if(model.page < model.pageCount, .a(.href(Site.beneficiaries + "?\(query(page: model.page + 1))"), .text(t(.auditNext))))))
        }

        func query(page: Int?) -> String {
            let f = model.filters
            let pairs: [(String, String?)] = [
                ("region", f.region), ("ppks", f.ppks.map(String.init)), ("desil", f.desil.map(String.init)),
                ("status", f.status), ("minat", f.minat), ("page", page.map(String.init)),
            ]
            return pairs.compactMap { key, value in
                guard let value, !value.isEmpty else { return nil }
                return "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&")
        }
    }
}
