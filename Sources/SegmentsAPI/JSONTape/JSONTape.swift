import Foundation

/// A JSON document read once into a flat list of tokens (a tape) over its bytes, which
/// SegmentsClient's `TapeDecoder` turns into models and the store turns into the `JSONValue`s
/// of the JSON it keeps (`JSONValue.parsing`). Nothing is allocated per value while reading: strings
/// become Strings and numbers become numbers only when a model asks for them, and keys
/// are compared as bytes.
///
/// The tape answers as Foundation's JSONDecoder does (a key given twice: the first
/// value; numbers read as `JSONValue` reads them: a whole number below 2^53 is an
/// integer however it is written, `120.0` and `1e2` included) and gives up
/// (`TapeDecoding.Unsure`) wherever its answer could differ: bad syntax, invalid UTF-8
/// or lone surrogates, negative zero, integers of 19 digits and more, whole numbers from
/// 2^53 to 10^19 written as floats, one key twice in an object, nesting past 512 levels.
/// The caller then decodes with JSONDecoder itself, which gives the answer or the error.
package final class JSONTape {
    package enum Kind: UInt8 { case null, `true`, `false`, number, string, array, object }

    package struct Token {
        package var kind: Kind
        /// A string with escapes (`\n`, `\u…`), which need decoding before use.
        var escaped = false
        /// Strings: the first byte after the quote; numbers: the first byte.
        var start: UInt32 = 0
        /// Strings: the closing quote; numbers: the byte after; containers: the token after
        /// the last one inside (so a value is skipped in one step).
        var end: UInt32 = 0
        /// Keys: their String in `keyTexts` (each distinct key is made a String once).
        /// Objects: their number among the document's objects (for `cursors`).
        var key: Int32 = -1
    }

    /// The document, borrowed from `read(_:_:)`'s caller for as long as the tape is used.
    let bytes: UnsafeRawBufferPointer
    package let tokens: [Token]
    let keyTexts: [String]
    /// Per object: where the next key lookup starts. Models read their fields in the
    /// order the server writes them, so a lookup usually matches at once. (A buffer rather
    /// than an array property: no exclusivity bookkeeping on every lookup.)
    private let cursors: UnsafeMutableBufferPointer<UInt32>

    /// Reads `data` and gives the tape to `body`, which must not keep it: the tape points
    /// into `data`'s bytes.
    package static func read<T>(_ data: Data, _ body: (JSONTape) throws -> T) throws -> T {
        try data.withUnsafeBytes { bytes in try read(bytes, body) }
    }

    /// Reads the document in `bytes` and gives the tape to `body`, which must not keep it.
    package static func read<T>(_ bytes: UnsafeRawBufferPointer, _ body: (JSONTape) throws -> T) throws -> T {
        var reader = JSONTapeReader(bytes)
        let (tokens, keyTexts, objects) = try reader.read()
        return try body(JSONTape(bytes: bytes, tokens: tokens, keyTexts: keyTexts, objects: objects))
    }

    private init(bytes: UnsafeRawBufferPointer, tokens: [Token], keyTexts: [String], objects: Int) {
        self.bytes = bytes
        self.tokens = tokens
        self.keyTexts = keyTexts
        cursors = UnsafeMutableBufferPointer.allocate(capacity: max(1, objects))
        cursors.initialize(repeating: 0)
    }

    deinit { cursors.deallocate() }

    /// The token after the value at `index`.
    package func skip(_ index: Int) -> Int {
        let token = tokens[index]
        return token.kind == .array || token.kind == .object ? Int(token.end) : index + 1
    }

    func raw(_ token: Token) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }

    // MARK: Objects

    /// The value of `name` in the object at `index` (keys are unique: the reader declines
    /// objects that repeat one), looked for from where the last lookup matched.
    package func value(of name: String, inObject index: Int) -> Int? {
        var name = name
        return name.withUTF8 { wanted in
            let first = index + 1
            let end = Int(tokens[index].end)
            let object = Int(tokens[index].key)
            var start = Int(cursors[object])
            if start <= index || start >= end { start = first }
            var key = start
            while key < end {
                if matches(key, wanted) {
                    cursors[object] = UInt32(skip(key + 1))
                    return key + 1
                }
                key = skip(key + 1)
            }
            key = first
            while key < start {
                if matches(key, wanted) {
                    cursors[object] = UInt32(skip(key + 1))
                    return key + 1
                }
                key = skip(key + 1)
            }
            return nil
        }
    }

    /// Whether the key token at `index` (never escaped: the reader declines those) is `wanted`.
    private func matches(_ index: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let token = tokens[index]
        let count = Int(token.end - token.start)
        guard count == wanted.count else { return false }
        guard count > 0, let base = bytes.baseAddress, let other = wanted.baseAddress else { return true }
        return memcmp(base + Int(token.start), other, count) == 0
    }

    /// The object's keys in document order, each a String once per document.
    package func keys(ofObject index: Int) -> [String] {
        var keys: [String] = []
        keys.reserveCapacity(memberCount(ofObject: index))
        var key = index + 1
        let end = Int(tokens[index].end)
        while key < end {
            keys.append(keyString(at: key))
            key = skip(key + 1)
        }
        return keys
    }

    package func memberCount(ofObject index: Int) -> Int {
        var count = 0
        var key = index + 1
        let end = Int(tokens[index].end)
        while key < end {
            count += 1
            key = skip(key + 1)
        }
        return count
    }

    /// The elements of the array at `index`.
    package func elements(ofArray index: Int) -> [Int] {
        var elements: [Int] = []
        var element = index + 1
        let end = Int(tokens[index].end)
        while element < end {
            elements.append(element)
            element = skip(element)
        }
        return elements
    }

    // MARK: Values

    package func string(at index: Int) throws -> String {
        let token = tokens[index]
        guard token.kind == .string else { throw TapeDecoding.Unsure() }
        if !token.escaped { return String(decoding: raw(token), as: UTF8.self) }
        return try JSONTapeReader.unescape(raw(token))
    }

    private func keyString(at index: Int) -> String { keyTexts[Int(tokens[index].key)] }

    package enum Number {
        case int(Int64)
        case double(Double)
    }

    /// The number at `index` as `JSONValue` reads it: `.int` for every whole number that
    /// JSONDecoder reads as an Int64, `.double` for the rest.
    package func number(at index: Int) throws -> Number {
        let token = tokens[index]
        guard token.kind == .number else { throw TapeDecoding.Unsure() }
        let text = raw(token)
        let negative = text[0] == UInt8(ascii: "-")
        var isInteger = true
        var digits = 0
        var mantissaNonZero = false
        var inExponent = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "."): isInteger = false
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                isInteger = false
                inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !inExponent {
                    digits += 1
                    if byte != UInt8(ascii: "0") { mantissaNonZero = true }
                }
            default: break
            }
        }
        if isInteger {
            guard digits <= 18 else { throw TapeDecoding.Unsure() }
            var value: Int64 = 0
            for byte in text where byte != UInt8(ascii: "-") { value = value * 10 + Int64(byte - UInt8(ascii: "0")) }
            // -0 reads as the Int 0 but as the Double -0.0: leave it to JSONDecoder.
            guard !(negative && value == 0) else { throw TapeDecoding.Unsure() }
            return .int(negative ? -value : value)
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
            throw TapeDecoding.Unsure()
        }
        if value == 0 {
            // -0.0 is the Int 0 but the Double -0.0; 1e-400 is not quite 0: JSONDecoder decides.
            guard !negative, !mantissaNonZero else { throw TapeDecoding.Unsure() }
            return .int(0)
        }
        guard value.rounded() == value else { return .double(value) }
        // Too large for any Int64: JSONValue reads a Double. Between 2^53 and that, the exact
        // decimal decides, as JSONDecoder reads it.
        if abs(value) >= 1e19 { return .double(value) }
        guard abs(value) < 9_007_199_254_740_992 else { throw TapeDecoding.Unsure() }
        return .int(Int64(value))
    }

    /// The `JSONValue` JSONDecoder would have made of the value at `index`.
    package func jsonValue(at index: Int) throws -> JSONValue {
        switch tokens[index].kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number:
            switch try number(at: index) {
            case .int(let value): return .int(value)
            case .double(let value): return .double(value)
            }
        case .string: return .string(try string(at: index))
        case .array: return .array(try elements(ofArray: index).map { try jsonValue(at: $0) })
        case .object: return .object(try jsonObject(at: index))
        }
    }

    package func jsonObject(at index: Int) throws -> JSONObject {
        guard tokens[index].kind == .object else { throw TapeDecoding.Unsure() }
        var object = JSONObject(minimumCapacity: memberCount(ofObject: index))
        var key = index + 1
        let end = Int(tokens[index].end)
        while key < end {
            object[keyString(at: key)] = try jsonValue(at: key + 1)
            key = skip(key + 1)
        }
        return object
    }
}

package enum TapeDecoding {
    /// The fast path is not sure to agree with JSONDecoder here; decode with JSONDecoder.
    package struct Unsure: Error {
        package init() {}
    }
}

extension JSONValue {
    /// The value JSONDecoder makes of `utf8`, read through a `JSONTape` (several times faster,
    /// and without Codable's generic dictionary machinery); JSONDecoder itself wherever the
    /// tape is not sure to agree. Throws what JSONDecoder throws for text that is not JSON.
    package static func parsing(_ utf8: UnsafeRawBufferPointer) throws -> JSONValue {
        if let value = try? JSONTape.read(utf8, { try $0.jsonValue(at: 0) }) { return value }
        return try JSONDecoder().decode(JSONValue.self, from: Data(utf8))
    }

    package static func parsing(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parsing(UnsafeRawBufferPointer($0)) }
    }
}
