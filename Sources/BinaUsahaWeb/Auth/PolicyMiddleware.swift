import BinaUsahaDomain
import Vapor

/// Enforces a route's declared `AccessPolicy`: the API answers 401/403 in JSON; pages send a
/// visitor who is not signed in to the log-in page and show 403 to a user who may not.
struct PolicyMiddleware: AsyncMiddleware {
    let policy: any AccessPolicy

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch policy.decide(for: request.principal) {
        case .allow:
            return try await next.respond(to: request)
        case .unauthenticated:
            if request.wantsJSON { throw APIError(status: .unauthorized, code: "unauthorized", message: request.t(.apiUnauthorized)) }
            let next = request.method == .GET ? request.url.path + (request.url.query.map { "?\($0)" } ?? "") : "/"
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "?"])) ?? "/"
            return request.redirect(to: Site.login + "?next=\(encoded)", redirectType: .normal)
        case .forbidden:
            if request.wantsJSON { throw APIError(status: .forbidden, code: "forbidden", message: request.t(.apiForbidden)) }
            throw Abort(.forbidden, reason: request.t(.errorForbiddenBody))
        }
    }
}

/// The route table's vocabulary: every route is registered with its policy, which is kept in
/// `route.userInfo` so that tests can check that no route lacks one.
extension RoutesBuilder {
    static var policyKey: String { "policy" }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., policy: any AccessPolicy, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        register(.GET, path, policy: policy, handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., policy: any AccessPolicy, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        register(.POST, path, policy: policy, handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., policy: any AccessPolicy, maxBodySize: ByteCount,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        register(.POST, path, policy: policy, body: .collect(maxSize: maxBodySize), handler)
    }

    @discardableResult
    func put<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., policy: any AccessPolicy, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        register(.PUT, path, policy: policy, handler)
    }

    @discardableResult
    func delete<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., policy: any AccessPolicy, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        register(.DELETE, path, policy: policy, handler)
    }

    private func register<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: [PathComponent], policy: any AccessPolicy, body: HTTPBodyStreamStrategy = .collect,
        _ handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        var maxBodySize: ByteCount?
        if case let .collect(limit) = body { maxBodySize = limit }
        let route = grouped(PolicyMiddleware(policy: policy), CSRFCheck(maxBodySize: maxBodySize)).on(method, path, body: body, use: handler)
        route.userInfo[Self.policyKey] = policy.name
        return route
    }
}
