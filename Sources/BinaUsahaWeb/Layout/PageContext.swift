import BinaUsahaDomain
import Vapor

/// What every page needs from the request: language, who is signed in, the form token and
/// the page's own path (for the language switch).
struct PageContext {
    let t: Messages
    let principal: Principal?
    let csrf: String
    let path: String
}

extension Request {
    func page(path: String? = nil) -> PageContext {
        PageContext(t: t, principal: principal, csrf: csrfToken, path: path ?? url.path)
    }
}
