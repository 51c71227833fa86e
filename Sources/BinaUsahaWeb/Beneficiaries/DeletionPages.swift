import BinaUsahaDomain
import Foundation

/// Deleting a person (a confirmation page with the reason) and the "Dihapus" list of the last
/// 30 days, from which an operator restores.
enum DeletionPages {
    /// `GET /beneficiaries/{id}/delete`: what will happen, the reason, and a way back.
    struct Confirm {
        let person: PersonSummary
        let version: Int
        var reason = ""
        var reasonError: String?
        var errors: [String] = []
        /// The KUBE the person belongs to (id, name, why that stops the deletion), if any.
        var group: (id: UUID, name: String, why: String)?
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.benDeleteConfirmTitle, person.name), section: .beneficiaries).document(
                .group(
                    .h1(.text(t(.benDeleteConfirmTitle, person.name))),
                    .p(.text("NIK "), .code(.text(person.nik)), .text(" · \(person.desa)")),
                    Forms.errors(errors, heading: t(.formErrorsHeading)),
                    .unwrap(group) { group in
                        .div(
                            .class("errors"), .attribute(named: "role", value: "alert"), .p(.text(group.why)),
                            .p(
                                .a(.class("button"), .href(Site.group(group.id)), .text(t(.benOpenGroup))), .text(" "),
                                .a(.class("button secondary"), .href(Site.beneficiary(person.id)), .text(t(.benCancel)))))
                    },
                    .if(group == nil, .p(.text(t(.benDeleteExplain)))),
                    .if(group == nil, form)
                ))
        }

        private var form: Node {
            .form(
                .method(.post), .action(Site.beneficiaryDelete(person.id)), .class("danger-zone"),
                Forms.csrf(context), .input(.type(.hidden), .name("version"), .value(String(version))),
                .div(
                    .class(reasonError == nil ? "field" : "field invalid"),
                    .label(.for("reason"), .text(t(.benDeleteReason))),
                    .textarea(
                        .name("reason"), .id("reason"), .required(true), .attribute(named: "minlength", value: "5"),
                        .attribute(named: "maxlength", value: "500"), .attribute(named: "rows", value: "3"),
                        .attribute(named: "aria-invalid", value: reasonError == nil ? nil : "true"),
                        .attribute(named: "aria-describedby", value: reasonError == nil ? "reason-hint" : "reason-error reason-hint"),
                        .text(reason)),
                    .unwrap(reasonError) { .p(.class("field-error"), .id("reason-error"), .text($0)) },
                    .p(.class("field-hint"), .id("reason-hint"), .text(t(.benDeleteReasonHint)))),
                .p(
                    .class("actions"),
                    .button(.type(.submit), .class("button danger"), .text(t(.benDeleteConfirm))), .text(" "),
                    .a(.class("button secondary"), .href(Site.beneficiary(person.id)), .text(t(.benCancel)))))
        }
    }

    struct Row {
        let person: PersonSummary
        let reason: String
        let deleted: String
        let until: String
    }

    /// `GET /beneficiaries/deleted`
    struct List {
        let rows: [Row]
        var notice: String?
        var errors: [String] = []
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.benDeletedTitle), section: .beneficiaries).document(
                .group(
                    .h1(.text(t(.benDeletedTitle))),
                    .p(.text(t(.benDeletedIntro))),
                    Forms.notice(notice),
                    Forms.errors(errors, heading: t(.formErrorsHeading)),
                    .if(rows.isEmpty, .p(.text(t(.benDeletedEmpty)))),
                    .if(
                        !rows.isEmpty,
                        .div(
                            .class("table-wrap"),
                            .table(
                                .class("stack"),
                                .thead(
                                    .tr(
                                        .th(.text(t(.benColName))), .th(.text(t(.benColNIK))), .th(.text(t(.benColDesa))),
                                        .th(.text(t(.benDeletedColWhen))), .th(.text(t(.benDeletedColReason))),
                                        .th(.text(t(.benDeletedColUntil))), .th())),
                                .tbody(
                                    .forEach(rows) { row in
                                        .tr(
                                            .td(.strong(.text(row.person.name))),
                                            .td(.attribute(named: "data-label", value: t(.benColNIK)), .code(.text(row.person.nik))),
                                            .td(.attribute(named: "data-label", value: t(.benColDesa)), .text(row.person.desa)),
                                            .td(.attribute(named: "data-label", value: t(.benDeletedColWhen)), .text(row.deleted)),
                                            .td(.attribute(named: "data-label", value: t(.benDeletedColReason)), .text(row.reason)),
                                            .td(.attribute(named: "data-label", value: t(.benDeletedColUntil)), .text(row.until)),
                                            .td(
                                                .form(
                                                    .method(.post), .action(Site.beneficiaryRestore(row.person.id)), Forms.csrf(context),
                                                    .button(.type(.submit), .class("button"), .text(t(.benRestore))))))
                                    })))),
                    .p(.a(.href(Site.beneficiaries), .text(t(.benTitle))))
                ))
        }
    }
}
