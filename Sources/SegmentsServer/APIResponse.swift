import Foundation
import SegmentsAPI

/// A response before it becomes Hummingbird's: plain values, so handlers and
/// error mapping are pure functions that tests can inspect.
struct APIResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)] = []
    /// nil sends no body at all (204, and deletes).
    var body: Data?
    var contentType: String = "application/json"

    static let noContent = APIResponse(status: 204, body: nil)

    /// A success body. Models encode themselves; they never contain a `detail` key.
    static func json<T: Encodable>(_ value: T, status: Int = 200) throws -> APIResponse {
        APIResponse(status: status, body: try JSONCoding.encoder.encode(value))
    }

    /// An error body `{"detail": "…"}`: the shape and texts the SDK maps to its exceptions.
    static func detail(_ message: String, status: Int) -> APIResponse {
        APIResponse(status: status, body: JSONCoding.object(["detail": .string(message)]))
    }

    /// A Django REST Framework style field-error body, e.g. `{"name": ["This field is required."]}`.
    static func fieldErrors(_ errors: [String: String], status: Int = 400) -> APIResponse {
        let object = errors.mapValues { JSONValue.array([.string($0)]) }
        return APIResponse(status: status, body: JSONCoding.object(object))
    }

    func with(header name: String, _ value: String) -> APIResponse {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }
}

enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    static func object(_ object: [String: JSONValue]) -> Data {
        // Encoding a JSONValue dictionary cannot fail; fall back to a constant rather than crash.
        (try? encoder.encode(object)) ?? Data("{}".utf8)
    }
}
