import Foundation

/// An endpoint's path as the SDK writes it, e.g. `/datasets/{owner}/{name}/samples/`:
/// literal segments and `{parameter}` segments. Whether it ends in a slash is the SDK's
/// form, which the client sends; the server answers both forms.
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    public let text: String
    public let segments: [Segment]

    public init(_ text: String) {
        self.text = text
        segments = text.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    public init(stringLiteral text: String) { self.init(text) }

    public var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    public var hasTrailingSlash: Bool { text.hasSuffix("/") && text.count > 1 }

    public var description: String { text }

    /// The request path: `values` fill the parameters in order, each escaped as one segment
    /// (`PathEncoding.segment`); a nil value leaves its segment out.
    public func path(_ values: [String?]) -> String {
        var remaining = values[...]
        var path = ""
        for segment in segments {
            switch segment {
            case .literal(let literal):
                path += "/" + literal
            case .parameter:
                if let value = remaining.popFirst() ?? nil { path += "/" + PathEncoding.segment(value) }
            }
        }
        return path + (hasTrailingSlash ? "/" : "")
    }
}

/// Percent-encoding of what goes into request targets, for the client (which builds
/// them) and the server (which writes a decoded path back in one canonical form).
public enum PathEncoding {
    /// RFC 3986 `pchar` minus `%`: what may stand unescaped inside one path
    /// segment. Everything else (space, `/`, `?`, `#`, `%`, non-ASCII) is escaped
    /// so a name can never change which route is hit.
    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return set
    }()

    /// The SDK leaves `:` `,` `/` and friends raw in query values (reference 3.4);
    /// the server splits `filters` and `label_status` on them. Only what would otherwise
    /// end or corrupt the value (`&`, `=`, `+`, `#`, `%`, space, non-ASCII) is escaped,
    /// so values the SDK cannot express survive too.
    private static let queryValueAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~!$'()*,;:@/?")
        return set
    }()

    public static func segment(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? raw
    }

    public static func queryValue(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? raw
    }

    /// `name=value&…` in the given order, values escaped.
    public static func query(_ items: [(name: String, value: String)]) -> String {
        items.map { "\($0.name)=\(queryValue($0.value))" }.joined(separator: "&")
    }

    /// Strict percent-decoding: `+` stays `+` (it is not form encoding), a malformed
    /// escape or text that is not UTF-8 is nil.
    public static func decode(_ text: some StringProtocol) -> String? {
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
