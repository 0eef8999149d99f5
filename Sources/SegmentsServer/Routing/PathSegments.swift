/// The request path as the router sees it: percent-decoded segments.
///
/// The SDK inserts names verbatim and `requests` escapes only unsafe bytes, so
/// every segment is decoded here, once. One trailing slash is dropped: each
/// route answers with and without it (never by redirect). Empty segments in the
/// middle (`//`), segments that fail to decode and NUL bytes make the path match nothing.
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
            guard !raw.isEmpty, let decoded = percentDecode(raw), !decoded.unicodeScalars.contains("\0") else {
                return nil
            }
            segments.append(decoded)
        }
        return segments
    }

    /// Strict percent-decoding: `+` stays `+` (it is not form encoding), a malformed escape fails.
    static func percentDecode(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
