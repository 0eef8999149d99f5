import Foundation

/// JSON read the way Python's `json` module reads it, which is how the SDK sees our
/// answers: an integer token is an exact integer, a token with a fraction or an exponent
/// is a float, objects are unordered. Two answers that read equal here are the same to
/// the SDK, whatever their key order, spacing or escapes.
indirect enum PythonJSON: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    /// The digits, without a sign on zero (`-0` is `0` in Python).
    case int(String)
    case float(Double)
    case string(String)
    case array([PythonJSON])
    case object([String: PythonJSON])

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let digits): digits
        case .float(let value): "float(\(value))"
        case .string(let text): text.debugDescription
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let object):
            "{" + object.keys.sorted().map { "\($0.debugDescription): \(object[$0]?.description ?? "")" }
                .joined(separator: ", ") + "}"
        }
    }

    struct Invalid: Error { let offset: Int }

    static func parse(_ data: some Collection<UInt8>) throws -> PythonJSON {
        var reader = Reader(bytes: Array(data))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw Invalid(offset: reader.index) }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> PythonJSON {
            skipSpace()
            guard index < bytes.count else { throw Invalid(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var object: [String: PythonJSON] = [:]
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw Invalid(offset: index) }
                    skipSpace()
                    guard bytes[index] == UInt8(ascii: ":") else { throw Invalid(offset: index) }
                    index += 1
                    object[key] = try value()
                    skipSpace()
                    index += 1
                    if bytes[index - 1] == UInt8(ascii: "}") { return .object(object) }
                    guard bytes[index - 1] == UInt8(ascii: ",") else { throw Invalid(offset: index) }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [PythonJSON] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    index += 1
                    if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
                    guard bytes[index - 1] == UInt8(ascii: ",") else { throw Invalid(offset: index) }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): index += 4; return .bool(true)
            case UInt8(ascii: "f"): index += 5; return .bool(false)
            case UInt8(ascii: "n"): index += 4; return .null
            default:
                let start = index
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                let token = String(decoding: bytes[start..<index], as: UTF8.self)
                if token.contains(where: { ".eE".contains($0) }) {
                    guard let value = Double(token) else { throw Invalid(offset: start) }
                    return .float(value)
                }
                var digits = token.hasPrefix("-") ? String(token.dropFirst()) : token
                while digits.count > 1, digits.hasPrefix("0") { digits.removeFirst() }
                return .int(token.hasPrefix("-") && digits != "0" ? "-" + digits : digits)
            }
        }

        mutating func string() throws -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var utf8: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
                utf8.removeAll()
            }
            while bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") {
                    flush()
                    let escape = bytes[index + 1]
                    index += 2
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "u"):
                        var code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) ?? 0
                        index += 4
                        if (0xD800..<0xDC00).contains(code), bytes[index] == UInt8(ascii: "\\") {
                            let low = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16) ?? 0
                            index += 6
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw Invalid(offset: index) }
                        scalars.append(scalar)
                    default: scalars.append(Unicode.Scalar(escape))
                    }
                } else {
                    utf8.append(bytes[index])
                    index += 1
                }
            }
            flush()
            index += 1
            return String(scalars)
        }
    }
}
