/// Reads `Authorization: APIKey <key>` (reference 1.2). Other schemes are treated
/// as no credentials, as Django REST Framework's TokenAuthentication does.
enum APIKeyHeader {
    enum Credential: Sendable, Equatable {
        case missing
        case key(String)
        /// The right scheme with an empty, spaced or multi-part key.
        case malformed
    }

    static func parse(_ header: String?) -> Credential {
        guard let header else { return .missing }
        let parts = header.split(separator: " ", omittingEmptySubsequences: true)
        guard let scheme = parts.first, scheme.lowercased() == "apikey" else { return .missing }
        guard parts.count == 2 else { return .malformed }
        return .key(String(parts[1]))
    }
}
