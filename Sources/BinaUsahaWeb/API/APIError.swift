import Vapor

/// The one shape of every JSON error: `{"error":{"code":"…","message":"…"}}`.
struct APIErrorBody: Content {
    struct Detail: Content {
        var code: String
        var message: String
    }
    var error: Detail
}

/// An error a handler raises on purpose, with a stable machine code and a message for people.
struct APIError: AbortError {
    var status: HTTPResponseStatus
    var code: String
    var message: String

    var reason: String { message }

    static func notFound(_ message: String) -> APIError { .init(status: .notFound, code: "not_found", message: message) }
    static func badRequest(_ message: String, code: String = "bad_request") -> APIError {
        .init(status: .badRequest, code: code, message: message)
    }
}
