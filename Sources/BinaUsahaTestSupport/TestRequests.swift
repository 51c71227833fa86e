import Foundation
import VaporTesting

extension TestingApplicationTester {
    /// Sends a request and returns the response, for tests that assert on several parts.
    public func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await sendRequest(.GET, path, headers: headers)
    }
}

extension TestingHTTPResponse {
    public var text: String { body.string }

    /// Decodes a JSON body into untyped objects, for checks on the exact wire shape.
    public func jsonObject() throws -> [String: Any] {
        let data = Data(buffer: body)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestSupportError("body is not a JSON object: \(body.string.prefix(200))")
        }
        return object
    }
}

public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
