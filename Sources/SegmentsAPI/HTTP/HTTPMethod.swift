/// The HTTP methods the API uses: the client sends them, the server routes them,
/// the OpenAPI document lists them.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"

    /// Safe to send twice: the reference (1.6) requires PUT and DELETE to be
    /// idempotent on the server, so only POST and PATCH are withheld from retries.
    public var isIdempotent: Bool { self == .get || self == .put || self == .delete }
}
