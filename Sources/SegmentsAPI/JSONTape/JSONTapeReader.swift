import Foundation

/// Reads a document into `JSONTape` tokens, checking all of it against JSON's grammar
/// (and what JSONDecoder refuses besides) before any model sees a value: declining late,
/// after a model took part of a document, would be as wrong as declining never.
struct JSONTapeReader {
    typealias Token = JSONTape.Token
    let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var tokens: [Token] = []
    /// Hashes and tokens of the keys of the objects being read, to find a key given twice.
    private var openKeys: [(hash: UInt64, token: Int)] = []
    /// Every distinct key once, as a String, and where to find it by its bytes' hash.
    private var keyTexts: [String] = []
    private var objects = 0
    private var keyTable = [(hash: UInt64, token: Int, text: Int32)?](repeating: nil, count: 1024)
    /// Foundation's JSONDecoder refuses deeper documents.
    static let maximumDepth = 512

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The tokens, the distinct keys, and how many objects there are.
    mutating func read() throws -> (tokens: [Token], keyTexts: [String], objects: Int) {
        tokens.reserveCapacity(bytes.count / 8)
        skipWhitespace()
        try value(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw TapeDecoding.Unsure() }
        return (tokens, keyTexts, objects)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws {
        guard index < bytes.count, depth < Self.maximumDepth else { throw TapeDecoding.Unsure() }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""): _ = try string(isKey: false)
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        default: try number()
        }
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONTape.Kind) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw TapeDecoding.Unsure() }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw TapeDecoding.Unsure() }
        index += count
        tokens.append(Token(kind: kind))
    }

    private mutating func object(depth: Int) throws {
        let token = tokens.count
        guard objects < Int32.max else { throw TapeDecoding.Unsure() }
        tokens.append(Token(kind: .object, key: Int32(objects)))
        objects += 1
        index += 1
        let keysBase = openKeys.count
        defer { openKeys.removeSubrange(keysBase...) }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            tokens[token].end = UInt32(tokens.count)
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw TapeDecoding.Unsure() }
            let keyToken = tokens.count
            let hash = try string(isKey: true)
            // Which of two equal keys JSONDecoder keeps is its business.
            for open in openKeys[keysBase...] where open.hash == hash && sameBytes(open.token, keyToken) {
                throw TapeDecoding.Unsure()
            }
            openKeys.append((hash, keyToken))
            tokens[keyToken].key = keyText(hash: hash, token: keyToken)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw TapeDecoding.Unsure() }
            index += 1
            skipWhitespace()
            try value(depth: depth)
            if try closes(token, at: UInt8(ascii: "}")) { return }
        }
    }

    /// The key's String in `keyTexts`, made on its first appearance: a page repeats the same
    /// few dozen keys thousands of times.
    private mutating func keyText(hash: UInt64, token: Int) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & (keyTable.count - 1)
        for _ in 0..<keyTable.count {
            guard let entry = keyTable[slot] else {
                let text = Int32(keyTexts.count)
                let key = tokens[token]
                keyTexts.append(String(decoding: bytes[Int(key.start)..<Int(key.end)], as: UTF8.self))
                if keyTexts.count < keyTable.count / 2 { keyTable[slot] = (hash, token, text) }
                return text
            }
            if entry.hash == hash && sameBytes(entry.token, token) { return entry.text }
            slot = (slot + 1) & (keyTable.count - 1)
        }
        let key = tokens[token]
        keyTexts.append(String(decoding: bytes[Int(key.start)..<Int(key.end)], as: UTF8.self))
        return Int32(keyTexts.count - 1)
    }

    private func sameBytes(_ first: Int, _ second: Int) -> Bool {
        let (a, b) = (tokens[first], tokens[second])
        let count = Int(a.end - a.start)
        guard count == Int(b.end - b.start) else { return false }
        guard count > 0, let base = bytes.baseAddress else { return true }
        return memcmp(base + Int(a.start), base + Int(b.start), count) == 0
    }

    private mutating func array(depth: Int) throws {
        let token = tokens.count
        tokens.append(Token(kind: .array))
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            tokens[token].end = UInt32(tokens.count)
            return
        }
        while true {
            skipWhitespace()
            try value(depth: depth)
            if try closes(token, at: UInt8(ascii: "]")) { return }
        }
    }

    /// After a member or an element: true at `closing` (the container's token ends there),
    /// false at a comma; anything else is not JSON we read.
    @inline(__always)
    private mutating func closes(_ token: Int, at closing: UInt8) throws -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw TapeDecoding.Unsure() }
        let separator = bytes[index]
        index += 1
        if separator == closing {
            tokens[token].end = UInt32(tokens.count)
            return true
        }
        guard separator == UInt8(ascii: ",") else { throw TapeDecoding.Unsure() }
        return false
    }

    /// A string token, checked: no raw control characters, valid escapes, valid UTF-8.
    /// Returns the FNV-1a hash of a key's bytes (keys with escapes are declined: two
    /// spellings of one key could not be told apart by their bytes).
    private mutating func string(isKey: Bool) throws -> UInt64 {
        index += 1
        let start = index
        var escaped = false
        var ascii = true
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                if escaped {
                    if isKey { throw TapeDecoding.Unsure() }
                    _ = try Self.unescape(text)
                } else if !ascii {
                    guard String(validating: text, as: UTF8.self) != nil else { throw TapeDecoding.Unsure() }
                }
                tokens.append(Token(kind: .string, escaped: escaped, start: UInt32(start), end: UInt32(index)))
                index += 1
                return hash
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            guard byte >= 0x20 else { throw TapeDecoding.Unsure() }
            if byte >= 0x80 { ascii = false }
            if isKey { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            index += 1
        }
        throw TapeDecoding.Unsure()
    }

    /// A number token, checked against JSON's grammar (its value is read when asked for).
    private mutating func number() throws {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw TapeDecoding.Unsure() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw TapeDecoding.Unsure() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw TapeDecoding.Unsure() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        tokens.append(Token(kind: .number, start: UInt32(start), end: UInt32(index)))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: Escapes

    /// The text of a string token with escapes, or `Unsure` for a bad escape or a lone surrogate.
    static func unescape(_ raw: UnsafeRawBufferPointer) throws -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.count else { throw TapeDecoding.Unsure() }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                let first = try hex4(raw, at: index)
                index += 4
                var scalarValue = first
                if (0xD800..<0xDC00).contains(first) {
                    guard index + 1 < raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u")
                    else { throw TapeDecoding.Unsure() }
                    let second = try hex4(raw, at: index + 2)
                    index += 6
                    guard (0xDC00..<0xE000).contains(second) else { throw TapeDecoding.Unsure() }
                    scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { throw TapeDecoding.Unsure() }
                utf8.append(contentsOf: String(scalar).utf8)
            default: throw TapeDecoding.Unsure()
            }
        }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw TapeDecoding.Unsure() }
        return text
    }

    private static func hex4(_ raw: UnsafeRawBufferPointer, at start: Int) throws -> UInt32 {
        guard start + 4 <= raw.count else { throw TapeDecoding.Unsure() }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = raw[start + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw TapeDecoding.Unsure()
            }
            value = value << 4 | digit
        }
        return value
    }
}
