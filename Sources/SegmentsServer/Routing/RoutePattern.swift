/// A route's path as written in the spec, e.g. `/datasets/{owner}/{name}/samples/`.
/// Literal segments must match exactly; `{name}` segments capture one decoded segment.
/// Whether the pattern ends in a slash records the SDK's form (for the OpenAPI
/// document); matching ignores it because both twins are served.
struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    let text: String
    let segments: [Segment]

    init(_ text: String) {
        self.text = text
        let trimmed = text.split(separator: "/").map(String.init)
        segments = trimmed.map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(part)
        }
    }

    var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// The captured parameters when `path` fits this pattern.
    func match(_ path: [String]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, value) in zip(segments, path) {
            switch segment {
            case .literal(let literal): guard literal == value else { return nil }
            case .parameter(let name): parameters[name] = value
            }
        }
        return parameters
    }

    var description: String { text }
}
