enum LoginPage {
    struct Model {
        var username = ""
        var next = "/"
        var error: String?
    }

    struct View {
        let model: Model
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.loginTitle), section: nil).document(
                .div(
                    .class("narrow"),
                    .h1(.text(t(.loginTitle))),
                    .p(.text(t(.loginIntro))),
                    .unwrap(model.error) { .div(.class("alert error"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
                    .form(
                        .method(.post), .action(Site.login),
                        Forms.csrf(context),
                        .input(.type(.hidden), .name("next"), .value(model.next)),
                        Forms.field(
                            t(.loginUsername), name: "username", value: model.username, required: true,
                            autocomplete: "username"),
                        Forms.field(
                            t(.loginPassword), name: "password", type: .password, required: true,
                            autocomplete: "current-password"),
                        Forms.submit(t(.loginSubmit))
                    )
                )
            )
        }
    }
}
