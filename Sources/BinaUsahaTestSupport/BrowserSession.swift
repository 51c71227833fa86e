import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A browser, as far as a test of the real server needs one: it keeps cookies, does not
/// follow redirects (so that their `Location` can be read), signs in through the form and
/// posts forms with the page's CSRF token.
public final class BrowserSession: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    public let base: String
    private var cookies: [String: String] = [:]
    private let lock = NSLock()
    private lazy var session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
    /// The signed-in session's form token.
    public private(set) var csrf = ""

    public init(base: String) { self.base = base }

    public func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    public struct Response: Sendable {
        public var status: Int
        public var location: String?
        public var text: String
    }

    public func get(_ path: String) async throws -> Response {
        try await send(URLRequest(url: URL(string: base + path)!))
    }

    /// Posts `fields` as a form, adding the CSRF token.
    public func submit(_ path: String, _ fields: [String: String]) async throws -> Response {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var all = fields
        all["_csrf"] = csrf
        request.httpBody = Data(all.map { key, value in "\(Self.escape(key))=\(Self.escape(value))" }.joined(separator: "&").utf8)
        return try await send(request)
    }

    /// Uploads a file through a multipart form, with the CSRF token, as a browser does.
    public func upload(_ path: String, file name: String, contents: Data, fields: [String: String] = [:]) async throws -> Response {
        let boundary = "----binausaha\(UUID().uuidString)"
        var body = Data()
        for (key, value) in fields.merging(["_csrf": csrf], uniquingKeysWith: { a, _ in a }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += contents
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try await send(request)
    }

    /// Signs in through the log-in form and keeps the session's CSRF token.
    public func signIn(_ username: String, password: String) async throws {
        _ = try await get("/login")
        csrf = lock.withLock { cookies["bu_csrf"] } ?? ""
        let response = try await submit("/login", ["username": username, "password": password])
        guard response.status == 303 || response.status == 302 else { throw TestSupportError("sign-in failed with \(response.status)") }
        let page = try await get("/account/password")
        guard let token = page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1 else { throw TestSupportError("no CSRF token") }
        csrf = String(token)
    }

    private func send(_ request: URLRequest) async throws -> Response {
        var request = request
        let cookie = lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookie.isEmpty { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestSupportError("not an HTTP response") }
        for (key, value) in http.allHeaderFields {
            guard String(describing: key).lowercased() == "set-cookie", let text = value as? String else { continue }
            for part in text.components(separatedBy: ", ") {
                let pair = part.split(separator: ";").first.map(String.init) ?? ""
                let bits = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if bits.count == 2 { lock.withLock { cookies[bits[0].trimmingCharacters(in: .whitespaces)] = bits[1] } }
            }
        }
        return Response(status: http.statusCode, location: http.value(forHTTPHeaderField: "Location"), text: String(decoding: data, as: UTF8.self))
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
