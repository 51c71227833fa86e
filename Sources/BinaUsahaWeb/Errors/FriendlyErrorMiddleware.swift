import BinaUsahaDomain
import Vapor

/// Turns every error into something a person can act on: a JSON error body under `/api` and
/// `/health`, an Indonesian error page everywhere else. Internal details go to the log only.
struct FriendlyErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return response(for: error, request: request)
        }
    }

    func response(for error: any Error, request: Request) -> Response {
        // A path that exists with other methods: 405 and the methods it has, not 404. That is
        // also so when the path was taken for a parameter (`PUT …/beneficiaries/lookup` reaching
        // `PUT …/beneficiaries/:id`) but names a route of its own.
        if (error as? any AbortError)?.status == .notFound {
            let allowed = Self.methods(for: request.url.path, in: request.application.routes, constantsOnly: request.route != nil)
            if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
                let response = self.response(
                    for: APIError(
                        status: .methodNotAllowed, code: "method_not_allowed",
                        message: request.t(.apiMethodNotAllowed, allowed.joined(separator: ", "))),
                    request: request)
                response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
                return response
            }
        }
        let status: HTTPResponseStatus
        var code: String
        var message: String
        let t = request.t
        switch error {
        case let apiError as APIError:
            status = apiError.status
            code = apiError.code
            message = apiError.message
        case let failure where !(failure is WriteConflict) && request.services.databaseConflict(failure) != nil:
            // The database stayed busy (a lock, a full pool): nothing was written; try again.
            let conflict = request.services.databaseConflict(failure) ?? .busy
            status = .conflict
            code = "write_conflict"
            message = conflict.message(request.lang)
        case let conflict as WriteConflict:
            // A lost race: nothing was written, and trying again is the answer.
            status = .conflict
            code = "write_conflict"
            message = conflict.message(request.lang)
        case let broken as GroupRuleError:
            status = .unprocessableEntity
            code = "group_rule"
            message = broken.message(request.lang)
        case let broken as PlanEditError:
            status = .unprocessableEntity
            code = "plan_rule"
            message = broken.message(request.lang)
        case let problem as PlanRequestProblem:
            status = problem.status
            code = problem.code
            message = problem.message(request.lang)
        case let failure as GroupWriteError:
            switch failure {
            case .notFound:
                status = .notFound
                code = "not_found"
                message = t(.apiNotFound)
            case .stale:
                status = .conflict
                code = "stale_version"
                message = t(.grpStale)
            case .forbidden:
                status = .forbidden
                code = "forbidden"
                message = t(.apiForbidden)
            }
        case let refusal as BeneficiaryError:
            let api = BeneficiariesAPIController.apiError(refusal, request.lang)
            status = api.status
            code = api.code
            message = api.message
        case let abort as any AbortError:
            status = abort.status
            code = Self.code(for: abort.status)
            message = abort.status == .notFound ? t(.apiRouteNotFound) : abort.reason
        default:
            status = .internalServerError
            code = "internal"
            message = t(.apiInternal)
        }
        if let broken = error as? StoredValueError {
            // Logged for the admin and shown as what it is, never replaced by a made-up value.
            request.logger.report(error: broken)
            let message = t(.errorStoredValue, "\(broken.table).\(broken.column)", broken.id)
            if request.wantsJSON {
                let response = Response(status: .internalServerError)
                try? response.content.encode(APIErrorBody(error: .init(code: "stored_value", message: message)))
                return response
            }
            return ErrorPage.View(model: .init(status: .internalServerError, message: message), context: request.page(path: "/"))
                .response(status: .internalServerError)
        }
        if status.code >= 500 {
            // Never the request body or query: they may carry personal data.
            request.logger.report(error: error)
            code = "internal"
            message = t(.apiInternal)
        }
        if request.wantsJSON {
            let response = Response(status: status)
            try? response.content.encode(APIErrorBody(error: .init(code: code, message: message)))
            return response
        }
        let page = ErrorPage.Model(status: status, message: status == .notFound || status.code >= 500 ? nil : message)
        return ErrorPage.View(model: page, context: request.page(path: "/")).response(status: status)
    }

    /// The methods registered for `path` (parameters match any segment).
    /// With `constantsOnly`, only routes that name every segment of the path as written.
    static func methods(for path: String, in routes: Routes, constantsOnly: Bool = false) -> [String] {
        let segments = path.split(separator: "/").map(String.init)
        let matching = routes.all.filter { route in
            guard route.path.count == segments.count || route.path.last == .catchall else { return false }
            for (component, segment) in zip(route.path, segments) {
                switch component {
                case let .constant(text) where text != segment: return false
                case .constant: continue
                default: if constantsOnly { return false }
                }
            }
            return true
        }
        return Array(Set(matching.map(\.method.rawValue))).sorted()
    }

    static func code(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "not_found"
        case .badRequest: "bad_request"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .conflict: "conflict"
        case .unprocessableEntity: "unprocessable"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .methodNotAllowed: "method_not_allowed"
        default: status.code >= 500 ? "internal" : "error"
        }
    }
}

extension Request {
    /// API and health requests are answered in JSON.
    var wantsJSON: Bool {
        url.path.hasPrefix("/api/") || url.path == "/api" || url.path == "/health"
    }
}

extension PlanRequestProblem {
    var status: HTTPResponseStatus {
        switch self {
        case .outsideRegion: .forbidden
        case .unknownRegion, .badTargetSize: .unprocessableEntity
        }
    }

    var code: String {
        switch self {
        case .outsideRegion: "outside_region"
        case .unknownRegion: "bad_region"
        case .badTargetSize: "bad_target_size"
        }
    }
}
