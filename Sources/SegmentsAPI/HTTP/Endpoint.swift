/// One operation of the HTTP API, as data: what the client sends, what the server
/// routes and answers, what `/openapi.json` documents. `API` lists them all.
public struct APIOperation: Sendable, Hashable {
    public enum Access: Sendable, Hashable {
        /// Needs `Authorization: APIKey <key>`; counted by the server's rate limiter.
        case apiKey
        /// Fetched by absolute URL without headers (assets, release files, the upload target, the document).
        case open
    }

    /// What a body holds, by the name of its schema in the OpenAPI document.
    public enum Payload: Sendable, Hashable {
        /// JSON of a component schema; `"NewSample[]"` is an array of them.
        case json(String)
        /// A `multipart/form-data` form described by a component schema.
        case multipart(String)
        /// Bytes of any type (stored files).
        case binary
    }

    /// The OpenAPI `operationId`; unique.
    public let id: String
    public let method: HTTPMethod
    public let path: PathTemplate
    /// Query parameters, in the order the SDK sends them.
    public let query: [String]
    public let body: Payload?
    /// The success status.
    public let status: Int
    /// The success body; nil for none (204).
    public let response: Payload?
    public let access: Access
    /// What the call does on its dataset in the permission table's terms (docs/permissions.md);
    /// nil where the dataset is not the question (users, lists, creating datasets, files).
    /// The store enforces it; the document states it.
    public let permission: DatasetAction?
    public let summary: String
    /// Error answers beyond the ones every operation of its kind has (status → when).
    public let otherErrors: [Int: String]
}

/// An operation with the Swift types of its request body and its answer, so the client
/// sends and decodes, and the server decodes and answers, the same types.
/// `NoBody` and `NoContent` stand for no body; `AssetContent` for bytes; `JSONValue` for free JSON.
public struct Endpoint<Body: Sendable, Response: Sendable>: Sendable {
    public let operation: APIOperation

    init(
        _ id: String, _ method: HTTPMethod, _ path: PathTemplate, query: [String] = [], body: APIOperation.Payload? = nil,
        status: Int = 200, response: APIOperation.Payload?, access: APIOperation.Access = .apiKey,
        permission: DatasetAction? = nil, summary: String, otherErrors: [Int: String] = [:]
    ) {
        operation = APIOperation(
            id: id, method: method, path: path, query: query, body: body, status: status, response: response,
            access: access, permission: permission, summary: summary, otherErrors: otherErrors)
    }

    public var method: HTTPMethod { operation.method }

    /// The request path: `values` fill the template's parameters in order. With `dataset`,
    /// the identifier `owner/name` fills the first two (a further `/` belongs to the name and
    /// is escaped); an identifier without `/` is sent as one segment, which the API answers
    /// with 404, as the SDK's own tests expect.
    public func path(dataset identifier: String? = nil, _ values: [String?] = []) -> String {
        guard let identifier else { return operation.path.path(values) }
        guard let slash = identifier.firstIndex(of: "/") else { return operation.path.path([identifier, nil] + values) }
        let owner = String(identifier[..<slash])
        let name = String(identifier[identifier.index(after: slash)...])
        return operation.path.path([owner, name] + values)
    }
}

/// A request without a body.
public struct NoBody: Sendable {}

/// An answer without a body (204).
public struct NoContent: Sendable {}

/// The JSON object `{}`.
public struct EmptyObject: Codable, Sendable, Equatable {
    public init() {}
}

/// A `multipart/form-data` upload, read by the server part by part.
public struct MultipartUpload: Sendable {}
