import BinaUsahaDomain

enum ImportPages {
    struct UploadView {
        var error: String?
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.impTitle), section: .beneficiaries).document(
                .div(
                    .class("narrow"),
                    .h1(.text(t(.impTitle))),
                    .p(.text(t(.impIntro, BeneficiaryRowValidator.columns.joined(separator: ",")))),
                    .unwrap(error) { .div(.class("alert error"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
                    .form(
                        .method(.post), .action(Site.beneficiaryImport), .enctype("multipart/form-data"),
                        Forms.csrf(context),
                        .div(
                            .class("field"), .label(.for("file"), .text(t(.impFile))),
                            .input(.type(.file), .name("file"), .id("file"), .attribute(named: "accept", value: ".csv,text/csv"), .required(true))),
                        Forms.checkbox(t(.impDryRun), name: "dry_run", checked: true),
                        Forms.submit(t(.impSubmit)))
                ))
        }
    }

    struct JobView {
        let job: ImportJob
        /// The process running it died (a restart, a crash); the worker resumes it.
        var stalled = false
        let context: PageContext
        static let shownMessages = 500
        private var t: Messages { context.t }

        func document() -> HTML {
            let r = job.report
            let running = job.status == .running || job.status == .queued
            let problems = job.messages.prefix(Self.shownMessages)
            return HTML(
                .attribute(named: "lang", value: t.lang.rawValue),
                .head(
                    .meta(.attribute(named: "charset", value: "utf-8")), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                    .title("\(t(.impJobTitle, job.fileName)) · \(t(.appName))"), .stylesheet(Site.stylesheet),
                    // Progress without JavaScript: the page reloads itself while the import runs.
                    .if(running, .meta(.attribute(named: "http-equiv", value: "refresh"), .content("2")))),
                .body(
                    Layout(context: context, title: "", section: .beneficiaries).bodyNodes(
                        .group(
                            .h1(.text(t(.impJobTitle, job.fileName))),
                            .if(
                                running,
                                .div(
                                    .class("alert ok"), .p(.text(t(.impRunning))),
                                    .p(.text(t(.impProgress, r.processed.formattedID, max(r.expectedRows, r.processed).formattedID))),
                                    .progress(
                                        .attribute(named: "max", value: String(max(r.expectedRows, 1))),
                                        .attribute(named: "value", value: String(r.processed))))),
                            .if(stalled, .div(.class("alert warn"), .p(.text(t(.impStalled, job.committedLine.formattedID))))),
                            .if(job.status == .queued, .div(.class("alert ok"), .p(.text(t(.impQueued))))),
                            .if(job.status == .done, .div(.class("alert ok"), .p(.text(job.dryRun ? t(.impDryDone) : t(.impDone))))),
                            .unwrap(job.error) { .div(.class("alert error"), .p(.text(t(.impFailed, $0)))) },
                            .ul(
                                .class("stats"),
                                stat(r.processed, t(.impRows)), stat(r.inserted, t(.impInserted)), stat(r.updated, t(.impUpdated)),
                                stat(r.unchanged, t(.impUnchanged)), stat(r.rejectedRows, t(.impRejected)), stat(r.warnedRows, t(.impWarned))),
                            .if(
                                job.status == .done && job.dryRun,
                                .form(
                                    .method(.post), .action(Site.importCommit(job.id)),
                                    Forms.csrf(context), Forms.submit(t(.impCommit)))),
                            .if(
                                !job.messages.isEmpty,
                                .group(
                                    .h2(.text(t(.impProblems))),
                                    .p(.a(.href(Site.importProblems(job.id)), .text(t(.impDownload)))),
                                    .div(
                                        .class("table-wrap"),
                                        .table(
                                            .thead(
                                                .tr(
                                                    .th(.text(t(.impColLine))), .th(.text(t(.impColColumn))), .th(.text(t(.impColValue))),
                                                    .th(.text(t(.impColReason))))),
                                            .tbody(
                                                .forEach(problems) { message in
                                                    .tr(
                                                        .class(message.isWarning ? "warning" : "problem"),
                                                        .td(.text(String(message.line))), .td(.text(message.column ?? "")),
                                                        .td(.code(.text(message.value ?? ""))),
                                                        .td(
                                                            .if(message.isWarning, .span(.class("badge off"), .text(t(.impWarningTag) + " "))),
                                                            .text(message.text(t.lang))))
                                                }))),
                                    .if(
                                        job.messages.count > Self.shownMessages,
                                        .p(.text(t(.impMoreProblems, (job.messages.count - Self.shownMessages).formattedID))))))
                        )))
            )
        }

        private func stat(_ value: Int, _ label: String) -> Node {
            .li(.strong(.text(value.formattedID)), .span(.text(label)))
        }
    }
}
