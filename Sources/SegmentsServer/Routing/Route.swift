import Foundation
import SegmentsAPI

/// The HTTP methods the API uses.
enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
}

/// One endpoint: method, path pattern, who may call it, and the handler.
struct Route: Sendable {
    enum Access: Sendable {
        /// Needs `Authorization: APIKey <key>`; counted by the rate limiter.
        case apiKey
        /// Fetched by absolute URL without headers (assets, release files, the upload target, the document).
        case open
    }

    let method: HTTPMethod
    let pattern: RoutePattern
    let operationID: String
    let access: Access
    let handler: @Sendable (RouteRequest) async throws -> APIResponse

    init(
        _ method: HTTPMethod, _ pattern: String, _ operationID: String, access: Access = .apiKey,
        handler: @escaping @Sendable (RouteRequest) async throws -> APIResponse
    ) {
        self.method = method
        self.pattern = RoutePattern(pattern)
        self.operationID = operationID
        self.access = access
        self.handler = handler
    }
}

/// What the router found for a path.
enum RouteLookup {
    case found(Route, parameters: [String: String])
    /// The path exists but not with this method.
    case methodNotAllowed(allowed: [HTTPMethod])
    case notFound
}

/// All routes, matched by segment count and literals, so `/datasets/a/b/` (a
/// dataset) and `/datasets/a/b/samples/` (its samples) never compete.
struct RouteTable: Sendable {
    let routes: [Route]

    func lookup(method: String, path: [String]) -> RouteLookup {
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let parameters = route.pattern.match(path) else { continue }
            if route.method.rawValue == method { return .found(route, parameters: parameters) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
