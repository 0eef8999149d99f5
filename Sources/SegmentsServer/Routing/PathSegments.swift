import SegmentsAPI

/// The request path as the API reads it: percent-decoded segments.
///
/// The SDK inserts names verbatim and `requests` escapes only unsafe bytes, so
/// every segment is decoded here, once, then written back in one canonical encoding for
/// Hummingbird's router (`APIRouter`). One trailing slash is dropped: each route answers
/// with and without it (never by redirect). Empty segments in the middle (`//`), segments
/// that fail to decode and NUL bytes make the path match nothing.
enum PathSegments {
    static func split(_ rawPath: String) -> [String]? {
        var path = Substring(rawPath)
        guard path.hasPrefix("/") else { return nil }
        path = path.dropFirst()
        if path.hasSuffix("/") { path = path.dropLast() }
        if path.isEmpty { return [] }
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false) {
            // A NUL would end the name in SQLite (`d%00zzz` would find `d`): such a path names nothing.
            guard !raw.isEmpty, let decoded = PathEncoding.decode(raw), !decoded.unicodeScalars.contains("\0") else {
                return nil
            }
            segments.append(decoded)
        }
        return segments
    }
}
