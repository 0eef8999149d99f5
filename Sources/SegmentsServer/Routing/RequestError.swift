import Foundation

/// Problems with the request itself, answered before the store is asked.
struct RequestError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// 400 with DRF field errors: field → message.
        case invalidFields([String: String])
        /// 400 `{"detail": …}`.
        case badRequest(String)
        case tooLarge
        case unsupportedMediaType
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// Maps a decoding failure to the field that caused it. Field names come from our
    /// CodingKeys, never from user data, so they are safe to put in the body.
    init(decoding error: DecodingError) {
        func field(_ path: [any CodingKey], appending key: (any CodingKey)? = nil) -> String {
            let keys = (path + (key.map { [$0] } ?? [])).filter { $0.intValue == nil }.map(\.stringValue)
            return keys.last ?? "non_field_errors"
        }
        switch error {
        case .keyNotFound(let key, let context):
            kind = .invalidFields([field(context.codingPath, appending: key): "This field is required."])
        case .valueNotFound(_, let context):
            kind = .invalidFields([field(context.codingPath): "This field may not be null."])
        case .typeMismatch(_, let context):
            kind = .invalidFields([field(context.codingPath): "Invalid value."])
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                kind = .badRequest("JSON parse error.")
            } else {
                kind = .invalidFields([field(context.codingPath): "Invalid value."])
            }
        @unknown default:
            kind = .badRequest("Invalid request body.")
        }
    }

    static func invalidChoice(_ field: String) -> RequestError {
        RequestError(.invalidFields([field: "Not a valid choice."]))
    }
}
