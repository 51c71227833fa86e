import Vapor

/// The friendly page shown for 404, 500 and other errors.
enum ErrorPage {
    struct Model {
        var status: HTTPResponseStatus
        /// A specific explanation to show (for 4xx other than 404).
        var message: String?
    }

    struct View {
        let model: Model
        let context: PageContext
        private var t: Messages { context.t }

        var title: String {
            switch model.status {
            case .notFound: t(.errorNotFoundTitle)
            case .forbidden: t(.errorForbiddenTitle)
            case .tooManyRequests: t(.errorTooManyTitle)
            case .badRequest, .unprocessableEntity: t(.errorBadRequestTitle)
            default: model.status.code >= 500 ? t(.errorServerTitle) : t(.errorGenericTitle)
            }
        }

        var body: String {
            if let message = model.message { return message }
            return model.status == .notFound ? t(.errorNotFoundBody) : t(.errorServerBody)
        }

        func response(status: HTTPResponseStatus) -> Response {
            Layout(context: context, title: title, section: nil).document(
                .div(
                    .class("error-page"),
                    .p(.class("error-code"), .text(String(model.status.code))),
                    .h1(.text(title)),
                    .p(.text(body)),
                    .p(.a(.class("button"), .href("/"), .text(t(.errorBackHome))))
                )
            ).response(status: status)
        }
    }
}
