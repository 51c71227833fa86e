import BinaUsahaDomain

/// The user administration pages (admin_provinsi only).
enum UserPages {
    struct Row {
        var id: String
        var username: String
        var displayName: String
        var role: String
        var region: String
        var active: Bool
    }

    struct Form {
        var username = ""
        var displayName = ""
        var role = Role.operatorKabkota.rawValue
        var region = ""
        var isActive = true
    }

    struct ListView {
        let rows: [Row]
        var notice: String?
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.usersTitle), section: .users).document(
                .group(
                    .h1(.text(t(.usersTitle))),
                    .p(.text(t(.usersIntro))),
                    Forms.notice(notice),
                    .p(.a(.class("button"), .href(Site.newUser), .text(t(.usersNew)))),
                    .div(
                        .class("table-wrap"),
                        .table(
                            .thead(
                                .tr(
                                    .th(.text(t(.usersColumnUsername))), .th(.class("hide-narrow"), .text(t(.usersColumnName))),
                                    .th(.text(t(.usersColumnRole))), .th(.text(t(.usersColumnRegion))), .th(.text(t(.usersColumnStatus)))
                                )),
                            .tbody(
                                .forEach(rows) { row in
                                    .tr(
                                        .td(.a(.href(Site.user(row.id)), .text(row.username))),
                                        .td(.class("hide-narrow"), .text(row.displayName)),
                                        .td(.text(row.role)),
                                        .td(.text(row.region)),
                                        .td(
                                            .span(
                                                .class(row.active ? "badge ok" : "badge off"),
                                                .text(row.active ? t(.usersActive) : t(.usersInactive))))
                                    )
                                })
                        ))
                )
            )
        }
    }

    /// Create (no `id`) or edit form.
    struct FormView {
        let id: String?
        let form: Form
        var errors: [String] = []
        /// The province, each kab/kota and its kecamatan (`UsersController.regionOptions`).
        var regionOptions: [(value: String, label: String)] = []
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            let title = id == nil ? t(.usersNew) : t(.usersEditTitle, form.username)
            let roles = Role.allCases.map { (value: $0.rawValue, label: $0.label(t.lang)) }
            return Layout(context: context, title: title, section: .users).document(
                .div(
                    .class("narrow"),
                    .h1(.text(title)),
                    Forms.errors(errors, heading: t(.formErrorsHeading)),
                    .form(
                        .method(.post), .action(id.map { Site.user($0) } ?? Site.users),
                        Forms.csrf(context),
                        .if(
                            id == nil,
                            Forms.field(
                                t(.loginUsername), name: "username", value: form.username, required: true,
                                autocomplete: "off")),
                        Forms.field(t(.usersDisplayName), name: "display_name", value: form.displayName),
                        Forms.select(t(.usersColumnRole), name: "role", options: roles, selected: form.role),
                        Forms.select(
                            t(.usersColumnRegion), name: "region",
                            options: regionOptions
                                + (regionOptions.contains { $0.value == form.region } ? [] : [(value: form.region, label: form.region)]),
                            selected: form.region),
                        .p(.class("field-hint"), .text(t(.usersRegionHint))),
                        .if(
                            id == nil,
                            Forms.field(
                                t(.usersPassword), name: "password", type: .password,
                                hint: t(.passwordHint, String(UserRules.minimumPasswordLength)),
                                required: true, autocomplete: "new-password")),
                        .if(id != nil, Forms.checkbox(t(.usersIsActive), name: "is_active", checked: form.isActive)),
                        Forms.submit(t(.usersSave))
                    )
                )
            )
        }
    }
}
