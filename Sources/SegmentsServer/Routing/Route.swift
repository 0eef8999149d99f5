import Foundation
import SegmentsAPI

/// An `API` endpoint and the handler that serves it. The typed initialisers decode the
/// endpoint's request type and encode its answer type with the endpoint's status, so a
/// handler cannot answer with anything else.
struct Route: Sendable {
    let operation: APIOperation
    let handler: @Sendable (RouteRequest) async throws -> APIResponse

    var method: HTTPMethod { operation.method }
    var pattern: PathTemplate { operation.path }
    var operationID: String { operation.id }
    var access: APIOperation.Access { operation.access }

    /// A handler that builds the whole answer itself (files, the upload target, the document).
    init<Body, Response>(
        _ endpoint: Endpoint<Body, Response>, raw handler: @escaping @Sendable (RouteRequest) async throws -> APIResponse
    ) {
        operation = endpoint.operation
        self.handler = handler
    }

    /// No request body; a JSON answer.
    init<Response: Encodable>(
        _ endpoint: Endpoint<NoBody, Response>, _ handler: @escaping @Sendable (RouteRequest) async throws -> Response
    ) {
        let status = endpoint.operation.status
        self.init(endpoint, raw: { request in try .json(try await handler(request), status: status) })
    }

    /// A JSON request body, decoded (and checked, `JSONBodyCheck`) before the handler runs; a JSON answer.
    init<Body: Decodable, Response: Encodable>(
        _ endpoint: Endpoint<Body, Response>,
        _ handler: @escaping @Sendable (RouteRequest, Body) async throws -> Response
    ) {
        let status = endpoint.operation.status
        self.init(endpoint, raw: { request in
            let body = try request.decode(Body.self)
            return try .json(try await handler(request, body), status: status)
        })
    }

    /// No request body; an empty answer (204).
    init(_ endpoint: Endpoint<NoBody, NoContent>, _ handler: @escaping @Sendable (RouteRequest) async throws -> Void) {
        self.init(endpoint, raw: { request in
            try await handler(request)
            return .noContent
        })
    }
}
