import BinaUsahaDomain
import Vapor

enum PasswordPage {
    struct View {
        var errors: [String] = []
        var notice: String?
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            Layout(context: context, title: t(.passwordTitle), section: nil).document(
                .div(
                    .class("narrow"),
                    .h1(.text(t(.passwordTitle))),
                    Forms.notice(notice),
                    Forms.errors(errors, heading: t(.formErrorsHeading)),
                    .form(
                        .method(.post), .action(Site.password),
                        Forms.csrf(context),
                        Forms.field(
                            t(.passwordCurrent), name: "current", type: .password, required: true,
                            autocomplete: "current-password"),
                        Forms.field(
                            t(.passwordNew), name: "new", type: .password,
                            hint: t(.passwordHint, String(UserRules.minimumPasswordLength)), required: true,
                            autocomplete: "new-password"),
                        Forms.field(
                            t(.passwordConfirm), name: "confirm", type: .password, required: true,
                            autocomplete: "new-password"),
                        Forms.submit(t(.passwordSubmit))
                    )
                )
            )
        }
    }
}

struct PasswordController {
    struct Form: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    func show(req: Request) async throws -> Response {
        PasswordPage.View(context: req.page()).document().response()
    }

    func change(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(Form.self)
        do {
            try await req.services.changePassword(req)(
                principal, current: form.current ?? "", new: form.new ?? "",
                confirmation: form.confirm ?? "", keepingSignIn: req.signInHash)
        } catch let error as UserRuleError {
            return PasswordPage.View(errors: [error.message(req.lang)], context: req.page()).document()
                .response(status: .unprocessableEntity)
        }
        return PasswordPage.View(notice: req.t(.passwordChanged), context: req.page()).document().response()
    }
}
