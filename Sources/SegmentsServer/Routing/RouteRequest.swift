import Foundation
import SegmentsAPI
import SegmentsStore

/// Everything a handler gets: decoded path parameters, the raw query, the
/// (already gunzipped) body, and the store acting as the caller.
struct RouteRequest: Sendable {
    let parameters: [String: String]
    let query: [String: String]
    let body: Data
    let contentType: String?
    /// Origin for URLs the server hands out (assets, uploads, release files).
    let baseURL: String
    /// The authenticated username; nil on open routes.
    let username: String?
    let workspace: Workspace

    /// The store acting as the caller; only on authenticated routes.
    func service() throws -> any SegmentsService { try store() }

    /// The store itself, for the answers it can write as JSON directly.
    func store() throws -> SegmentsStore {
        guard let username else { throw SegmentsError.authentication("Authentication credentials were not provided.") }
        return workspace.store(actingAs: username, baseURL: baseURL)
    }

    func parameter(_ name: String) throws -> String {
        // A route's pattern names its parameters, so a miss is a programming error; answer 404 rather than crash.
        guard let value = parameters[name] else { throw SegmentsError.notFound("Not found.") }
        return value
    }

    /// `owner/name` from the two dataset segments.
    var dataset: String {
        get throws { "\(try parameter("owner"))/\(try parameter("name"))" }
    }

    /// A UUID path segment; anything that is not a UUID is "Not found." (the SDK expects 404, not 400).
    func uuid(_ name: String) throws -> String {
        let text = try parameter(name)
        guard UUID(uuidString: text) != nil else { throw SegmentsError.notFound("Not found.") }
        return text.lowercased()
    }

    /// The JSON body as a request type. An empty body reads as `{}` (DRF does the same),
    /// so missing required fields get field errors rather than a parse error.
    /// Deep nesting and NUL characters are refused first (`JSONBodyCheck`).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try Self.decode(type, from: body)
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        let data = body.isEmpty ? Data("{}".utf8) : body
        if let finding = JSONBodyCheck.inspect(data) { throw finding.requestError }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RequestError(decoding: error)
        }
    }
}
