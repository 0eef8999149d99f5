import Foundation
import SegmentsAPI

/// A JSON answer written straight into bytes, for the one answer that is large and
/// frequent: a page of up to 1000 samples. Values come from SQLite as UTF-8 and go out
/// as UTF-8; the JSON the store keeps (metadata, attributes) is copied as text
/// instead of being parsed into `JSONValue` trees and encoded again.
///
/// Every value is written as the value `JSONCoding.encoder` writes for the same model
/// (the wire-format tests compare the two): strings with the escapes JSON needs,
/// numbers as Foundation's encoder prints them. Key order and escapes may differ;
/// no value does.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ buffer: UnsafeRawBufferPointer) { bytes.append(contentsOf: buffer) }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func removeAll(keepingCapacity: Bool) { bytes.removeAll(keepingCapacity: keepingCapacity) }

    // MARK: Strings

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(UnsafeRawBufferPointer($0)) }
    }

    /// A string from its UTF-8 bytes, quoted and escaped: `"` and `\` and the control
    /// characters below U+0020 (the ones JSON forbids raw); everything else as it is.
    mutating func string(_ utf8: UnsafeRawBufferPointer) {
        bytes.append(Byte.quote)
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte == Byte.quote || byte == Byte.backslash || byte < 0x20 else { continue }
            if runStart < index { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<index])) }
            escape(byte)
            runStart = index + 1
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart...])) }
        bytes.append(Byte.quote)
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(Byte.backslash)
        switch byte {
        case Byte.quote: bytes.append(Byte.quote)
        case Byte.backslash: bytes.append(Byte.backslash)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), Byte.zero, Byte.zero, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    // MARK: Numbers

    mutating func number(_ value: Int64) { bytes.append(contentsOf: String(value).utf8) }

    /// A Double as Foundation's JSONEncoder prints it: the shortest text that reads back
    /// as the same Double, without a trailing `.0` (5.0 is `5`, 1e16 is `1e+16`).
    mutating func number(_ value: Double) { bytes.append(contentsOf: JSONNumbers.encoderText(value).utf8) }
}

enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let zero = UInt8(ascii: "0")
    static let minus = UInt8(ascii: "-")
}

/// How Foundation's JSON coders treat numbers, which is what a stored number looks like
/// on the wire after the decode-and-encode that splicing replaces.
enum JSONNumbers {
    static func encoderText(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// A number token of stored JSON as the response encoder writes what `JSONValue`
    /// decodes it to, or nil when the token can be copied as it is.
    ///
    /// `JSONValue` reads every number that is a whole Int64 as `.int`, however it is
    /// written (`120.0`, `1e2`), and the encoder then prints it without a fraction; a
    /// client that tells integers from floats (Python's json) sees the difference.
    /// Integers of up to 18 digits and fractional numbers are the same value either
    /// way (any spelling of a Double reads back as that Double). The rare rest (whole
    /// numbers of 2^53 and more in float notation, integers of 19 digits and more) is
    /// put through the very decoder and encoder, to agree with them exactly.
    static func canonicalToken(_ token: UnsafeRawBufferPointer) -> [UInt8]? {
        var hasFraction = false
        var digits = 0
        for byte in token {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): hasFraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            default: break
            }
        }
        if !hasFraction {
            return digits <= 18 ? nil : throughFoundation(token)
        }
        guard let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite, value.rounded() == value,
            abs(value) < 1e19
        else {
            // Fractional, or too large for an Int64: a Double on the wire too.
            return nil
        }
        if abs(value) < 9_007_199_254_740_992 && (value != 0 || !hasNonZeroDigit(token)) {
            return Array(String(Int64(value)).utf8)
        }
        return throughFoundation(token)
    }

    /// A token like `1e-400` reads as 0 without being zero; JSONDecoder has its own view of those.
    static func hasNonZeroDigit(_ token: UnsafeRawBufferPointer) -> Bool {
        for byte in token {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    private static func throughFoundation(_ token: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(token)),
            let encoded = try? JSONEncoder().encode(value)
        else { return nil }
        return Array(encoded)
    }
}

extension JSONBytes {
    /// Stored JSON text (from `JSONText`), copied as the value the response encoder
    /// would write after decoding it: numbers as `JSONNumbers.canonicalToken` says, and
    /// every `"segments-workspace:` turned into `"<baseURL>/`, exactly as
    /// `WorkspaceURLs.resolve` does on the text before decoding. Everything else is
    /// copied byte for byte.
    mutating func storedJSON(_ text: UnsafeRawBufferPointer, workspaceURL: WorkspaceURLBytes) {
        let count = text.count
        var runStart = 0
        var index = 0
        var inString = false
        func flush(to end: Int) {
            if runStart < end { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[runStart..<end])) }
        }
        while index < count {
            let byte = text[index]
            if inString {
                if byte == Byte.backslash {
                    // `\"segments-workspace:` inside a string: the text replacement matched here too.
                    if index + 1 < count, text[index + 1] == Byte.quote, workspaceURL.marker(in: text, at: index + 2) {
                        flush(to: index + 2)
                        bytes.append(contentsOf: workspaceURL.replacement)
                        index += 2 + workspaceURL.markerCount
                        runStart = index
                        continue
                    }
                    index += 2
                } else {
                    if byte == Byte.quote { inString = false }
                    index += 1
                }
                continue
            }
            switch byte {
            case Byte.quote:
                inString = true
                if workspaceURL.marker(in: text, at: index + 1) {
                    flush(to: index + 1)
                    bytes.append(contentsOf: workspaceURL.replacement)
                    index += 1 + workspaceURL.markerCount
                    runStart = index
                } else {
                    index += 1
                }
            case Byte.minus, UInt8(ascii: "0")...UInt8(ascii: "9"):
                var end = index + 1
                while end < count, Self.isNumberByte(text[end]) { end += 1 }
                if let canonical = JSONNumbers.canonicalToken(UnsafeRawBufferPointer(rebasing: text[index..<end])) {
                    flush(to: index)
                    bytes.append(contentsOf: canonical)
                    runStart = end
                }
                index = end
            default:
                index += 1
            }
        }
        flush(to: count)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
            UInt8(ascii: "+"), UInt8(ascii: "-"):
            true
        default: false
        }
    }
}

/// `WorkspaceURLs`' marker and what replaces it for one base URL, as bytes.
struct WorkspaceURLBytes {
    let markerBytes: [UInt8]
    /// The base URL and `/`, escaped for the inside of a JSON string.
    let replacement: [UInt8]

    init(baseURL: String) {
        markerBytes = Array(WorkspaceURLs.prefix.utf8)
        var escaped = JSONBytes(capacity: baseURL.utf8.count + 8)
        escaped.string(baseURL + "/")
        replacement = Array(escaped.bytes.dropFirst().dropLast())
    }

    var markerCount: Int { markerBytes.count }

    func marker(in text: UnsafeRawBufferPointer, at start: Int) -> Bool {
        guard start + markerBytes.count <= text.count, text[start] == markerBytes[0] else { return false }
        for offset in 1..<markerBytes.count where text[start + offset] != markerBytes[offset] { return false }
        return true
    }
}
