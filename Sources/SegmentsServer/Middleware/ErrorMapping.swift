import SegmentsAPI

/// Turns any error a handler throws into the answer the SDK maps to the right
/// exception (reference 7.2/7.3). Pure, so tests can check every case.
enum ErrorMapping {
    static let notFound = "Not found."
    static let notProvided = "Authentication credentials were not provided."
    static let invalidKey = "Invalid API key."
    static let noPermission = "You do not have permission to perform this action."
    static let serverError = "A server error occurred."

    static func response(for error: any Error) -> APIResponse {
        switch error {
        case let error as SegmentsError: return response(for: error)
        case let error as RequestError: return response(for: error)
        default: return .detail(serverError, status: 500)
        }
    }

    static func response(for error: SegmentsError) -> APIResponse {
        switch error {
        case .authentication(let message):
            // Whatever the store said, keep the two texts the SDK knows.
            let text = message.lowercased().contains("not provided") ? notProvided : invalidKey
            return .detail(text, status: 401)
        case .authorization:
            return .detail(noPermission, status: 403)
        case .notFound(let message):
            // "Invalid page." and "Not found." are the only 404 texts; both map to NotFoundError.
            return .detail(message.lowercased().contains("invalid page") ? "Invalid page." : notFound, status: 404)
        case .alreadyExists(let message):
            return .detail(isFixedAlreadyExists(message) ? message : "An object with this name already exists.", status: 400)
        case .collaborator(let message):
            let text =
                message.lowercased().contains("is already a collaborator")
                ? "User is already a collaborator." : "This user cannot be added as collaborator."
            return .detail(text, status: 400)
        case .validation(let message):
            return .detail(safe(message, fallback: "Invalid input."), status: 400)
        case .apiLimit(_, let retryAfter):
            let seconds = max(1, Int((retryAfter ?? 1).rounded(.up)))
            return throttled(retryAfter: seconds)
        case .subscription:
            return .detail("You have exceeded user limit.", status: 402)
        case .timeout:
            return .detail("Gateway time-out.", status: 504)
        case .network:
            return .detail(serverError, status: 500)
        }
    }

    static func response(for error: RequestError) -> APIResponse {
        switch error.kind {
        case .invalidFields(let fields): return .fieldErrors(fields)
        case .badRequest(let message): return .detail(message, status: 400)
        case .tooLarge: return .detail("Request body is too large.", status: 413).with(header: "Connection", "close")
        case .unsupportedMediaType: return .detail("Unsupported media type in request.", status: 415)
        }
    }

    /// DRF's throttling text: "throttled" is what the SDK looks for.
    static func throttled(retryAfter seconds: Int) -> APIResponse {
        APIResponse.detail("Request was throttled. Expected available in \(seconds) seconds.", status: 429)
            .with(header: "Retry-After", String(seconds))
    }

    static func methodNotAllowed(_ method: String, allowed: [HTTPMethod]) -> APIResponse {
        let known = HTTPMethod(rawValue: method) != nil
        return APIResponse.detail(known ? "Method \"\(method)\" not allowed." : "Method not allowed.", status: 405)
            .with(header: "Allow", allowed.map(\.rawValue).joined(separator: ", "))
    }

    /// "A dataset with this name already exists." and the like: fixed texts that name no user data.
    static func isFixedAlreadyExists(_ message: String) -> Bool {
        guard message.hasPrefix("A"), message.hasSuffix(" with this name already exists.") else { return false }
        let noun = message.dropFirst().dropLast(" with this name already exists.".count)
        return noun.allSatisfy { $0 == " " || ("a"..."z").contains($0) } && noun.count < 30
    }

    /// The SDK picks its exception by substrings of the body (7.2), checked in order.
    /// A message that echoes user input could contain one of them and flip the
    /// class, so such messages are replaced by a fixed text.
    static func safe(_ message: String, fallback: String) -> String {
        let text = message.lowercased()
        let triggers = [
            "not found", "does not exist", "already exists", "already have", "cannot be added as collaborator",
            "is already a collaborator", "authentication credentials were not provided", "cannot leave the organization",
            "need to be an administrator", "do not have permission", "free trial ended", "exceeded user limit",
            "time-out", "invalid page", "throttled",
        ]
        return triggers.contains(where: text.contains) ? fallback : message
    }
}
