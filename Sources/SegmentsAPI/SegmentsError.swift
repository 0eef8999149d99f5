import Foundation

/// Everything that can go wrong talking to Segments.ai, one case per exception
/// class of the official SDK, each carrying the server's (or our) message.
public enum SegmentsError: Error, Hashable, Sendable {
    /// No or a wrong API key.
    case authentication(String)
    /// Authenticated, but not allowed to do this.
    case authorization(String)
    case notFound(String)
    case alreadyExists(String)
    /// A collaborator could not be added (already one, or not allowed).
    case collaborator(String)
    /// Input or a response that does not fit the model.
    case validation(String)
    /// Rate-limited; `retryAfter` in seconds when the server said.
    case apiLimit(String, retryAfter: Double? = nil)
    /// Transport failures and any other error answer.
    case network(String)
    case timeout(String)
    case subscription(String)

    public var message: String {
        switch self {
        case .authentication(let message), .authorization(let message), .notFound(let message),
            .alreadyExists(let message), .collaborator(let message), .validation(let message),
            .apiLimit(let message, _), .network(let message), .timeout(let message), .subscription(let message):
            return message
        }
    }

    /// Which kind of failure, without its message: callers ask `category == .notFound`
    /// (or `isNotFound`) by value instead of comparing texts.
    public enum Category: String, CaseIterable, Hashable, Sendable {
        case authentication = "AuthenticationError"
        case authorization = "AuthorizationError"
        case notFound = "NotFoundError"
        case alreadyExists = "AlreadyExistsError"
        case collaborator = "CollaboratorError"
        case validation = "ValidationError"
        case apiLimit = "APILimitError"
        case network = "NetworkError"
        case timeout = "TimeoutError"
        case subscription = "SubscriptionError"

        /// The SDK's exception class name.
        public var sdkName: String { rawValue }
    }

    public var category: Category {
        switch self {
        case .authentication: .authentication
        case .authorization: .authorization
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .collaborator: .collaborator
        case .validation: .validation
        case .apiLimit: .apiLimit
        case .network: .network
        case .timeout: .timeout
        case .subscription: .subscription
        }
    }

    public var isNotFound: Bool { category == .notFound }

    /// The SDK's exception class name, for messages and tests.
    public var kind: String { category.sdkName }

    /// Maps an error answer (status ≥ 400) the way the SDK does (reference 7.2):
    /// substrings of the lowercased body, first hit wins. Unlike the SDK, a 429
    /// becomes `apiLimit` so callers can back off; the SDK calls it a NetworkError.
    public static func fromHTTPResponse(status: Int, body: String, retryAfter: Double? = nil) -> SegmentsError {
        let text = body.lowercased()
        let message = Self.readableMessage(from: body)
        func has(_ needles: String...) -> Bool { needles.contains { text.contains($0) } }
        if has("not found", "does not exist") { return .notFound(message) }
        if has("already exists", "already have") { return .alreadyExists(message) }
        if has("cannot be added as collaborator", "is already a collaborator") { return .collaborator(message) }
        if has("authentication credentials were not provided") { return .authentication(message) }
        if has("cannot leave the organization", "need to be an administrator", "do not have permission") {
            return .authorization(message)
        }
        if has("free trial ended", "exceeded user limit") { return .subscription(message) }
        if has("time-out") { return .timeout(message) }
        if has("invalid page") { return .notFound(message) }
        if status == 429 || has("throttled") { return .apiLimit(message, retryAfter: retryAfter) }
        if status == 401 { return .authentication(message) }
        return .network("HTTP \(status): \(message)")
    }

    /// `{"detail": "…"}` → the detail; a field-error object → "field: problem"; else the body.
    static func readableMessage(from body: String) -> String {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = trimmed.data(using: .utf8),
            let json = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return trimmed }
        switch json {
        case .object(let object):
            if let detail = object["detail"]?.stringValue { return detail }
            let parts = object.keys.sorted().map { key -> String in
                let value = object[key] ?? .null
                let text = value.arrayValue?.map(\.displayString).joined(separator: " ") ?? value.displayString
                return "\(key): \(text)"
            }
            return parts.isEmpty ? trimmed : parts.joined(separator: "; ")
        case .array(let items):
            return items.map(\.displayString).joined(separator: " ")
        default:
            return json.displayString
        }
    }
}

extension SegmentsError: LocalizedError {
    public var errorDescription: String? { "\(kind): \(message)" }
}

extension SegmentsError: CustomStringConvertible {
    public var description: String { "\(kind): \(message)" }
}
