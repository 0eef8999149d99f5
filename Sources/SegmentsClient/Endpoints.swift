import Foundation

/// One API call: method, the exact path the SDK uses (trailing slashes included,
/// reference section 2), the query in the SDK's order, and an optional JSON body.
struct Endpoint: Sendable {
    enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"

        /// Safe to send twice: the reference (1.6) requires PUT and DELETE to be
        /// idempotent on the server, so only POST and PATCH are withheld from retries.
        var isIdempotent: Bool { self == .get || self == .put || self == .delete }
    }

    var method: Method
    /// Already percent-encoded, starting with `/`.
    var path: String
    var query: [(name: String, value: String)] = []
    var body: Data?

    init(_ method: Method, _ path: String, query: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// Path plus query string, as it goes on the wire.
    var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\($0.name)=\(PathBuilder.encodeQueryValue($0.value))" }.joined(separator: "&")
    }

    /// "GET /datasets/jane/flowers/" — used in error messages (no host, no key).
    var summary: String { "\(method.rawValue) \(path)" }
}

/// Builds request paths from user-supplied identifiers.
enum PathBuilder {
    /// RFC 3986 `pchar` minus `%`: what may stand unescaped inside one path
    /// segment. Everything else (space, `/`, `?`, `#`, `%`, non-ASCII) is escaped
    /// so a name can never change which route is hit.
    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return set
    }()

    /// The SDK leaves `:` `,` `/` and friends raw in query values (reference 3.4);
    /// the server splits `filters` and `label_status` on them. We escape only what
    /// would otherwise end or corrupt the value (`&`, `=`, `+`, `#`, `%`, space,
    /// non-ASCII), so values the SDK cannot express survive too.
    private static let queryValueAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~!$'()*,;:@/?")
        return set
    }()

    static func segment(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? raw
    }

    static func encodeQueryValue(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? raw
    }

    /// `owner/name` becomes two segments. A further `/` belongs to the name and is
    /// escaped, so `a/b/issues` cannot reach the issues route of dataset `a/b`. An
    /// identifier without `/` is sent as one segment, which the API answers with 404,
    /// as the SDK's own tests expect.
    static func dataset(_ identifier: String) -> String {
        guard let slash = identifier.firstIndex(of: "/") else { return "/datasets/" + segment(identifier) }
        let owner = identifier[..<slash]
        let name = identifier[identifier.index(after: slash)...]
        return "/datasets/" + segment(String(owner)) + "/" + segment(String(name))
    }

    /// Joins segments under a prefix: `path("/samples", uuid, "issues")` → `/samples/<uuid>/issues`.
    static func path(_ prefix: String, _ segments: String...) -> String {
        segments.reduce(prefix) { $0 + "/" + segment($1) }
    }
}
