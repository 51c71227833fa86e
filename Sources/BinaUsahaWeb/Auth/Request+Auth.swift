import BinaUsahaDomain
import Vapor

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    private struct SignInCSRFKey: StorageKey { typealias Value = String }
    private struct SignInHashKey: StorageKey { typealias Value = String }

    /// The signed-in user, if any (set by `AuthenticationMiddleware`).
    public internal(set) var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The CSRF token of the signed-in session.
    var sessionCSRF: String? {
        get { storage[SignInCSRFKey.self] }
        set { storage[SignInCSRFKey.self] = newValue }
    }

    /// SHA-256 of the session cookie, to end the session at log-out.
    var signInHash: String? {
        get { storage[SignInHashKey.self] }
        set { storage[SignInHashKey.self] = newValue }
    }

    /// The signed-in user, or 401/log-in redirect. For handlers behind a policy that needs one.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized) }
        return principal
    }

    /// True when the client reached us over HTTPS (directly or through a proxy).
    var isSecure: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
            || application.http.server.configuration.tlsConfiguration != nil
    }
}

extension Secrets {
    /// 32 random bytes as URL-safe base64; stored as SHA-256 in hex.
    public static let sha256 = Secrets(
        make: {
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            return Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        },
        hash: { secret in SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined() }
    )
}
