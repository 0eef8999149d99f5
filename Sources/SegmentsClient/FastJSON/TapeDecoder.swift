import Foundation
import SegmentsAPI

/// Decodes models from a `JSONTape` through their own `init(from:)`, the same calls
/// JSONDecoder would answer, with the same successes and values:
/// - a primitive decodes from the JSON type JSONDecoder accepts for it (integers from
///   whole numbers that fit, Doubles from any number, no coercion between strings,
///   numbers and booleans);
/// - `JSONValue`, `JSONObject`, `SampleAttributes` and `LabelAttributes` (free-form
///   JSON, the bulk of a sample page) are built from the tape directly, without the
///   throw-and-retry that `JSONValue.init(from:)` costs through the Decoder protocol;
/// - models learn that they have no unknown fields without a container (`ObjectKeysDecoder`).
///
/// Every failure is `TapeDecoding.Unsure`: the caller decodes again with JSONDecoder,
/// whose answer (a model, or the error naming the field) is the one that counts.
/// Coding paths are not tracked for the same reason.
enum TapeDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONTape.read(data) { tape in try value(T.self, tape, 0) }
    }

    static func value<T: Decodable>(_ type: T.Type, _ tape: JSONTape, _ index: Int) throws -> T {
        if T.self == String.self { return try cast(tape.string(at: index)) }
        if T.self == JSONValue.self { return try cast(tape.jsonValue(at: index)) }
        if T.self == JSONObject.self { return try cast(tape.jsonObject(at: index)) }
        if T.self == SampleAttributes.self { return try cast(SampleAttributes(json: tape.jsonValue(at: index))) }
        if T.self == LabelAttributes.self { return try cast(LabelAttributes(json: tape.jsonValue(at: index))) }
        // Types JSONDecoder reads its own way rather than through their init(from:).
        if T.self == Data.self || T.self == Date.self || T.self == URL.self || T.self == Decimal.self {
            throw TapeDecoding.Unsure()
        }
        return try T(from: TapeValueDecoder(tape: tape, index: index))
    }

    private static func cast<T, Value>(_ value: Value) throws -> T {
        guard let typed = value as? T else { throw TapeDecoding.Unsure() }
        return typed
    }

    // MARK: Primitives, as JSONDecoder converts them

    static func bool(_ tape: JSONTape, _ index: Int) throws -> Bool {
        switch tape.tokens[index].kind {
        case .true: return true
        case .false: return false
        default: throw TapeDecoding.Unsure()
        }
    }

    static func double(_ tape: JSONTape, _ index: Int) throws -> Double {
        switch try tape.number(at: index) {
        case .int(let value): return Double(value)
        case .double(let value): return value
        }
    }

    /// Whole numbers only (`number(at:)` reads every whole number below 2^53 as `.int`).
    static func integer<T: FixedWidthInteger>(_ tape: JSONTape, _ index: Int, as type: T.Type) throws -> T {
        guard case .int(let value) = try tape.number(at: index), let exact = T(exactly: value) else {
            throw TapeDecoding.Unsure()
        }
        return exact
    }

    static func isNull(_ tape: JSONTape, _ index: Int) -> Bool { tape.tokens[index].kind == .null }
}

private struct TapeValueDecoder: ObjectKeysDecoder {
    let tape: JSONTape
    let index: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var objectKeys: [String]? { tape.tokens[index].kind == .object ? tape.keys(ofObject: index) : nil }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.tokens[index].kind == .object else { throw TapeDecoding.Unsure() }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(tape: tape, object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.tokens[index].kind == .array else { throw TapeDecoding.Unsure() }
        return TapeUnkeyedContainer(tape: tape, elements: tape.elements(ofArray: index))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(tape: tape, index: index)
    }
}

private struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let tape: JSONTape
    let object: Int
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        let keys = tape.keys(ofObject: object)
        // Models ask for all keys to keep the unknown ones: the common key type is built directly.
        if Key.self == AnyCodingKey.self, let direct = keys.map(AnyCodingKey.init) as? [Key] { return direct }
        var result: [Key] = []
        result.reserveCapacity(keys.count)
        for name in keys { if let key = Key(stringValue: name) { result.append(key) } }
        return result
    }

    func contains(_ key: Key) -> Bool { tape.value(of: key.stringValue, inObject: object) != nil }

    private func value(_ key: Key) throws -> Int {
        guard let index = tape.value(of: key.stringValue, inObject: object) else { throw TapeDecoding.Unsure() }
        return index
    }

    /// The value, or nil when the key is missing or null (`decodeIfPresent`).
    private func present(_ key: Key) -> Int? {
        guard let index = tape.value(of: key.stringValue, inObject: object), !TapeDecoder.isNull(tape, index) else {
            return nil
        }
        return index
    }

    func decodeNil(forKey key: Key) throws -> Bool { TapeDecoder.isNull(tape, try value(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try TapeDecoder.bool(tape, value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try tape.string(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try TapeDecoder.double(tape, value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw TapeDecoding.Unsure() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try TapeDecoder.integer(tape, value(key), as: Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try TapeDecoder.integer(tape, value(key), as: Int8.self)
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try TapeDecoder.integer(tape, value(key), as: Int16.self)
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try TapeDecoder.integer(tape, value(key), as: Int32.self)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try TapeDecoder.integer(tape, value(key), as: Int64.self)
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try TapeDecoder.integer(tape, value(key), as: UInt.self)
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try TapeDecoder.integer(tape, value(key), as: UInt8.self)
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try TapeDecoder.integer(tape, value(key), as: UInt16.self)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try TapeDecoder.integer(tape, value(key), as: UInt32.self)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try TapeDecoder.integer(tape, value(key), as: UInt64.self)
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try TapeDecoder.value(T.self, tape, value(key))
    }

    // One lookup per optional field instead of the default contains + decodeNil + decode.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let index = present(key) else { return nil }
        return try TapeDecoder.bool(tape, index)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = present(key) else { return nil }
        return try tape.string(at: index)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let index = present(key) else { return nil }
        return try TapeDecoder.double(tape, index)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let index = present(key) else { return nil }
        return try TapeDecoder.integer(tape, index, as: Int.self)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = present(key) else { return nil }
        return try TapeDecoder.value(T.self, tape, index)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TapeValueDecoder(tape: tape, index: value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeValueDecoder(tape: tape, index: value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw TapeDecoding.Unsure() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw TapeDecoding.Unsure() }
}

private struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let tape: JSONTape
    let elements: [Int]
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    init(tape: JSONTape, elements: [Int]) {
        self.tape = tape
        self.elements = elements
    }

    private mutating func next() throws -> Int {
        guard currentIndex < elements.count else { throw TapeDecoding.Unsure() }
        defer { currentIndex += 1 }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elements.count else { throw TapeDecoding.Unsure() }
        if TapeDecoder.isNull(tape, elements[currentIndex]) {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try TapeDecoder.bool(tape, next()) }
    mutating func decode(_ type: String.Type) throws -> String { try tape.string(at: next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try TapeDecoder.double(tape, next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { throw TapeDecoding.Unsure() }
    mutating func decode(_ type: Int.Type) throws -> Int { try TapeDecoder.integer(tape, next(), as: Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try TapeDecoder.integer(tape, next(), as: Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try TapeDecoder.integer(tape, next(), as: Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try TapeDecoder.integer(tape, next(), as: Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try TapeDecoder.integer(tape, next(), as: Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try TapeDecoder.integer(tape, next(), as: UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try TapeDecoder.integer(tape, next(), as: UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try TapeDecoder.integer(tape, next(), as: UInt16.self)
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try TapeDecoder.integer(tape, next(), as: UInt32.self)
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try TapeDecoder.integer(tape, next(), as: UInt64.self)
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try TapeDecoder.value(T.self, tape, next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TapeValueDecoder(tape: tape, index: next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TapeValueDecoder(tape: tape, index: next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw TapeDecoding.Unsure() }
}

private struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let tape: JSONTape
    let index: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { TapeDecoder.isNull(tape, index) }
    func decode(_ type: Bool.Type) throws -> Bool { try TapeDecoder.bool(tape, index) }
    func decode(_ type: String.Type) throws -> String { try tape.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try TapeDecoder.double(tape, index) }
    func decode(_ type: Float.Type) throws -> Float { throw TapeDecoding.Unsure() }
    func decode(_ type: Int.Type) throws -> Int { try TapeDecoder.integer(tape, index, as: Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try TapeDecoder.integer(tape, index, as: Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try TapeDecoder.integer(tape, index, as: Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try TapeDecoder.integer(tape, index, as: Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try TapeDecoder.integer(tape, index, as: Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try TapeDecoder.integer(tape, index, as: UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try TapeDecoder.integer(tape, index, as: UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try TapeDecoder.integer(tape, index, as: UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try TapeDecoder.integer(tape, index, as: UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try TapeDecoder.integer(tape, index, as: UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try TapeDecoder.value(T.self, tape, index) }
}
