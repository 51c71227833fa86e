import Foundation
import Vapor

/// Serves the OpenAPI 3.1 description of `/api/v1`, shipped as a package resource.
struct OpenAPIController {
    static let document: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("openapi.json missing from the package resources") }
        return data
    }()

    func json(req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: Self.document))
    }
}
