import Foundation
import SegmentsAPI

/// Decodes models from a `JSONTree` through their own `init(from:)`, the same calls
/// JSONDecoder would answer, with the same successes and values:
/// - a primitive decodes from the JSON type JSONDecoder accepts for it (integers from
///   whole numbers that fit, Doubles from any number, no coercion between strings,
///   numbers and booleans);
/// - `JSONValue`, `JSONObject`, `SampleAttributes` and `LabelAttributes` (free-form
///   JSON, the bulk of a sample page) are built from the tree directly, without the
///   throw-and-retry that `JSONValue.init(from:)` costs through the Decoder protocol.
///
/// Every failure is `TreeDecoding.Unsure`: the caller decodes again with JSONDecoder,
/// whose answer (a model, or the error naming the field) is the one that counts.
/// Coding paths are not tracked for the same reason.
enum TreeDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try value(T.self, from: JSONTree.parse(data))
    }

    static func value<T: Decodable>(_ type: T.Type, from tree: JSONTree) throws -> T {
        if T.self == String.self, case .string(let text) = tree { return try cast(text) }
        if T.self == JSONValue.self { return try cast(tree.jsonValue()) }
        if T.self == JSONObject.self {
            guard case .object(let keys, let values) = tree else { throw TreeDecoding.Unsure() }
            return try cast(JSONTree.jsonObject(keys: keys, values: values))
        }
        if T.self == SampleAttributes.self { return try cast(SampleAttributes(json: tree.jsonValue())) }
        if T.self == LabelAttributes.self { return try cast(LabelAttributes(json: tree.jsonValue())) }
        // Types JSONDecoder reads its own way rather than through their init(from:).
        if T.self == Data.self || T.self == Date.self || T.self == URL.self || T.self == Decimal.self {
            throw TreeDecoding.Unsure()
        }
        return try T(from: TreeValueDecoder(tree: tree))
    }

    private static func cast<T, Value>(_ value: Value) throws -> T {
        guard let typed = value as? T else { throw TreeDecoding.Unsure() }
        return typed
    }

    // MARK: Primitives, as JSONDecoder converts them

    static func bool(_ tree: JSONTree) throws -> Bool {
        guard case .bool(let value) = tree else { throw TreeDecoding.Unsure() }
        return value
    }

    static func string(_ tree: JSONTree) throws -> String {
        guard case .string(let value) = tree else { throw TreeDecoding.Unsure() }
        return value
    }

    static func double(_ tree: JSONTree) throws -> Double {
        switch tree {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: throw TreeDecoding.Unsure()
        }
    }

    /// Whole numbers only (the parser made every whole number below 2^53 an `.int`).
    static func integer<T: FixedWidthInteger>(_ tree: JSONTree, as type: T.Type) throws -> T {
        guard case .int(let value) = tree, let exact = T(exactly: value) else { throw TreeDecoding.Unsure() }
        return exact
    }
}

private struct TreeValueDecoder: Decoder {
    let tree: JSONTree
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let keys, let values) = tree else { throw TreeDecoding.Unsure() }
        return KeyedDecodingContainer(TreeKeyedContainer<Key>(keys: keys, values: values))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = tree else { throw TreeDecoding.Unsure() }
        return TreeUnkeyedContainer(items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { TreeSingleValueContainer(tree: tree) }
}

private struct TreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let keys: [String]
    let values: [JSONTree]
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] { keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { position(of: key) != nil }

    private func position(of key: Key) -> Int? {
        let name = key.stringValue
        return keys.firstIndex(of: name)
    }

    private func tree(_ key: Key) throws -> JSONTree {
        guard let index = position(of: key) else { throw TreeDecoding.Unsure() }
        return values[index]
    }

    /// The value, or nil when the key is missing or null (`decodeIfPresent`).
    private func present(_ key: Key) -> JSONTree? {
        guard let index = position(of: key) else { return nil }
        if case .null = values[index] { return nil }
        return values[index]
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try tree(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try TreeDecoder.bool(tree(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try TreeDecoder.string(tree(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try TreeDecoder.double(tree(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw TreeDecoding.Unsure() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try TreeDecoder.integer(tree(key), as: Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try TreeDecoder.integer(tree(key), as: Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try TreeDecoder.integer(tree(key), as: Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try TreeDecoder.integer(tree(key), as: Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try TreeDecoder.integer(tree(key), as: Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try TreeDecoder.integer(tree(key), as: UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try TreeDecoder.integer(tree(key), as: UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try TreeDecoder.integer(tree(key), as: UInt16.self)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try TreeDecoder.integer(tree(key), as: UInt32.self)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try TreeDecoder.integer(tree(key), as: UInt64.self)
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try TreeDecoder.value(T.self, from: tree(key)) }

    // One lookup per optional field instead of the default contains + decodeNil + decode.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map(TreeDecoder.bool) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map(TreeDecoder.string)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map(TreeDecoder.double)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try TreeDecoder.integer($0, as: Int.self) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try TreeDecoder.value(T.self, from: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TreeValueDecoder(tree: tree(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeValueDecoder(tree: tree(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw TreeDecoding.Unsure() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw TreeDecoding.Unsure() }
}

private struct TreeUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONTree]
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [JSONTree]) { self.items = items }

    private mutating func next() throws -> JSONTree {
        guard currentIndex < items.count else { throw TreeDecoding.Unsure() }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count else { throw TreeDecoding.Unsure() }
        if case .null = items[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try TreeDecoder.bool(next()) }
    mutating func decode(_ type: String.Type) throws -> String { try TreeDecoder.string(next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try TreeDecoder.double(next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { throw TreeDecoding.Unsure() }
    mutating func decode(_ type: Int.Type) throws -> Int { try TreeDecoder.integer(next(), as: Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try TreeDecoder.integer(next(), as: Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try TreeDecoder.integer(next(), as: Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try TreeDecoder.integer(next(), as: Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try TreeDecoder.integer(next(), as: Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try TreeDecoder.integer(next(), as: UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try TreeDecoder.integer(next(), as: UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try TreeDecoder.integer(next(), as: UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try TreeDecoder.integer(next(), as: UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try TreeDecoder.integer(next(), as: UInt64.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try TreeDecoder.value(T.self, from: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TreeValueDecoder(tree: next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TreeValueDecoder(tree: next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw TreeDecoding.Unsure() }
}

private struct TreeSingleValueContainer: SingleValueDecodingContainer {
    let tree: JSONTree
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        if case .null = tree { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try TreeDecoder.bool(tree) }
    func decode(_ type: String.Type) throws -> String { try TreeDecoder.string(tree) }
    func decode(_ type: Double.Type) throws -> Double { try TreeDecoder.double(tree) }
    func decode(_ type: Float.Type) throws -> Float { throw TreeDecoding.Unsure() }
    func decode(_ type: Int.Type) throws -> Int { try TreeDecoder.integer(tree, as: Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try TreeDecoder.integer(tree, as: Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try TreeDecoder.integer(tree, as: Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try TreeDecoder.integer(tree, as: Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try TreeDecoder.integer(tree, as: Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try TreeDecoder.integer(tree, as: UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try TreeDecoder.integer(tree, as: UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try TreeDecoder.integer(tree, as: UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try TreeDecoder.integer(tree, as: UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try TreeDecoder.integer(tree, as: UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try TreeDecoder.value(T.self, from: tree) }
}
