import Foundation
import SegmentsAPI

/// A JSON document parsed once into a plain tree, which `TreeDecoder` turns into the
/// models. It reads numbers the way Foundation's JSONDecoder does for `JSONValue` (a
/// whole number below 2^53 is an integer however it is written, `120.0` and `1e2`
/// included) and gives up (`TreeDecoding.Unsure`) wherever its answer could differ
/// from JSONDecoder's: bad syntax, invalid UTF-8 or lone surrogates, negative zero,
/// integers of 19 digits or more, whole numbers of 2^53 and more written as floats,
/// a key twice in one object, nesting past 512 levels. The caller then decodes with
/// JSONDecoder itself, which gives the answer or the error.
enum JSONTree: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONTree])
    case object(keys: [String], values: [JSONTree])

    static func parse(_ data: Data) throws -> JSONTree {
        try data.withUnsafeBytes { buffer in
            var parser = JSONTreeParser(buffer)
            parser.skipWhitespace()
            let tree = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.atEnd else { throw TreeDecoding.Unsure() }
            return tree
        }
    }

    /// The `JSONValue` JSONDecoder would have made of the same text.
    func jsonValue() throws -> JSONValue {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .string(let value): return .string(value)
        case .array(let items): return .array(try items.map { try $0.jsonValue() })
        case .object(let keys, let values): return .object(try Self.jsonObject(keys: keys, values: values))
        }
    }

    static func jsonObject(keys: [String], values: [JSONTree]) throws -> JSONObject {
        var object = JSONObject(minimumCapacity: keys.count)
        for index in keys.indices { object[keys[index]] = try values[index].jsonValue() }
        return object
    }
}

enum TreeDecoding {
    /// The fast path is not sure to agree with JSONDecoder here; decode with JSONDecoder.
    struct Unsure: Error {}
}

/// Recursive descent over UTF-8 bytes. The buffer lives only for the parse.
private struct JSONTreeParser {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    /// Foundation's JSONDecoder refuses deeper documents.
    static let maximumDepth = 512

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws -> JSONTree {
        guard index < bytes.count, depth < Self.maximumDepth else { throw TreeDecoding.Unsure() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw TreeDecoding.Unsure() }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw TreeDecoding.Unsure() }
        index += count
    }

    private mutating func object(depth: Int) throws -> JSONTree {
        index += 1
        var keys: [String] = []
        var values: [JSONTree] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(keys: keys, values: values)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw TreeDecoding.Unsure() }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw TreeDecoding.Unsure() }
            index += 1
            skipWhitespace()
            // Which of two equal keys JSONDecoder keeps is its business.
            if keys.contains(key) { throw TreeDecoding.Unsure() }
            keys.append(key)
            values.append(try value(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw TreeDecoding.Unsure() }
            let separator = bytes[index]
            index += 1
            if separator == UInt8(ascii: "}") { return .object(keys: keys, values: values) }
            guard separator == UInt8(ascii: ",") else { throw TreeDecoding.Unsure() }
        }
    }

    private mutating func array(depth: Int) throws -> JSONTree {
        index += 1
        var items: [JSONTree] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw TreeDecoding.Unsure() }
            let separator = bytes[index]
            index += 1
            if separator == UInt8(ascii: "]") { return .array(items) }
            guard separator == UInt8(ascii: ",") else { throw TreeDecoding.Unsure() }
        }
    }

    /// A string token: plain runs become a String in one step; escapes go through a byte buffer.
    private mutating func string() throws -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try Self.text(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw TreeDecoding.Unsure() }
            index += 1
        }
        throw TreeDecoding.Unsure()
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try utf8.withUnsafeBytes { try Self.text($0) }
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { throw TreeDecoding.Unsure() }
                let escape = bytes[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): try unicodeEscape(into: &utf8)
                default: throw TreeDecoding.Unsure()
                }
            default:
                guard byte >= 0x20 else { throw TreeDecoding.Unsure() }
                utf8.append(byte)
                index += 1
            }
        }
        throw TreeDecoding.Unsure()
    }

    /// `\uXXXX`, with a second one for a surrogate pair; a lone surrogate is not text.
    private mutating func unicodeEscape(into utf8: inout [UInt8]) throws {
        let first = try hex4()
        var scalarValue = first
        if (0xD800..<0xDC00).contains(first) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw TreeDecoding.Unsure() }
            index += 2
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second) else { throw TreeDecoding.Unsure() }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw TreeDecoding.Unsure() }
        utf8.append(contentsOf: String(scalar).utf8)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw TreeDecoding.Unsure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw TreeDecoding.Unsure()
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func text(_ utf8: UnsafeRawBufferPointer) throws -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw TreeDecoding.Unsure() }
        return text
    }

    /// A number token, checked against JSON's grammar, read as `JSONTree.int` or `.double`.
    private mutating func number() throws -> JSONTree {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let integerStart = index
        guard index < bytes.count, isDigit(bytes[index]) else { throw TreeDecoding.Unsure() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let integerDigits = index - integerStart
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw TreeDecoding.Unsure() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw TreeDecoding.Unsure() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isInteger {
            guard integerDigits <= 18 else { throw TreeDecoding.Unsure() }
            var value: Int64 = 0
            for position in integerStart..<index { value = value * 10 + Int64(bytes[position] - UInt8(ascii: "0")) }
            // -0 reads as the Int 0 but as the Double -0.0: leave it to JSONDecoder.
            guard !(negative && value == 0) else { throw TreeDecoding.Unsure() }
            return .int(negative ? -value : value)
        }
        let token = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(token), value.isFinite else { throw TreeDecoding.Unsure() }
        if value == 0 {
            // -0.0 is the Int 0 but the Double -0.0; 1e-400 is not quite 0: JSONDecoder decides.
            let mantissa = bytes[integerStart..<index].prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
            guard !negative, !mantissa.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else {
                throw TreeDecoding.Unsure()
            }
            return .int(0)
        }
        guard value.rounded() == value else { return .double(value) }
        // Too large for any Int64: JSONValue reads a Double. Between 2^53 and that, the exact
        // decimal decides, as JSONDecoder reads it.
        if abs(value) >= 1e19 { return .double(value) }
        guard abs(value) < 9_007_199_254_740_992 else { throw TreeDecoding.Unsure() }
        return .int(Int64(value))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
