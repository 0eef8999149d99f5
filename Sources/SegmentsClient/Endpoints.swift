import Foundation
import SegmentsAPI

/// One request on the wire, built from an `API` endpoint: method, the exact path the SDK
/// uses (trailing slashes included, reference section 2), the query in the SDK's order,
/// and an optional JSON body.
struct APIRequest: Sendable {
    var method: HTTPMethod
    /// Already percent-encoded, starting with `/`.
    var path: String
    var query: [(name: String, value: String)] = []
    var body: Data?

    /// Path plus query string, as it goes on the wire.
    var target: String { query.isEmpty ? path : path + "?" + PathEncoding.query(query) }

    /// "GET /datasets/jane/flowers/" — used in error messages (no host, no key).
    var summary: String { "\(method.rawValue) \(path)" }
}

extension SegmentsClient {
    /// Calls `endpoint` with a JSON body and decodes its answer. `dataset` and `path` fill
    /// the path template's parameters (see `Endpoint.path`).
    func call<Body: Encodable, Response: Decodable>(
        _ endpoint: Endpoint<Body, Response>, dataset: String? = nil, _ path: String?..., body: Body
    ) async throws -> Response {
        let request = APIRequest(
            method: endpoint.method, path: endpoint.path(dataset: dataset, path), body: try Self.json(body))
        return try ResponseDecoding.decode(Response.self, from: try await send(request), endpoint: request.summary)
    }

    /// Calls `endpoint`, which takes no body, and decodes its answer.
    func call<Response: Decodable>(
        _ endpoint: Endpoint<NoBody, Response>, dataset: String? = nil, _ path: String?...,
        query: [(name: String, value: String)] = []
    ) async throws -> Response {
        let request = APIRequest(method: endpoint.method, path: endpoint.path(dataset: dataset, path), query: query)
        return try ResponseDecoding.decode(Response.self, from: try await send(request), endpoint: request.summary)
    }

    /// Calls `endpoint`, which answers without a body; an answer's body is checked (as the SDK does) but not used.
    func call(_ endpoint: Endpoint<NoBody, NoContent>, dataset: String? = nil, _ path: String?...) async throws {
        _ = try await send(APIRequest(method: endpoint.method, path: endpoint.path(dataset: dataset, path)))
    }

    private func send(_ request: APIRequest) async throws -> Data {
        let result = try await transport.send(request)
        try ResponseDecoding.check(result, endpoint: request.summary)
        return result.body
    }

    /// JSON for a request body; the request types' `Codable` output is the SDK's wire format.
    static func json(_ value: some Encodable) throws -> Data {
        do {
            return try JSONEncoder().encode(value)
        } catch {
            throw SegmentsError.validation("Could not encode the request body: \(error)")
        }
    }
}
