/// A coding key for any string, used to read and write the fields of an object
/// that a model does not declare.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { return nil }
}

/// A decoder that can name the keys of the object it reads without a keyed container.
/// Every model asks for its unknown fields, and through `KeyedDecodingContainer.allKeys`
/// that costs a container and a dynamic cast per key; a decoder that knows its keys
/// (SegmentsClient's tape decoder) lets a model without unknown fields skip all of it.
public protocol ObjectKeysDecoder: Decoder {
    /// The keys of the current value if it is an object, nil otherwise.
    var objectKeys: [String]? { get }
}

extension Decoder {
    /// Every key of the current JSON object that is not in `known`, with its value,
    /// so a model can hand it back unchanged when it is encoded again.
    func unknownFields(known: Set<String>) throws -> JSONObject {
        if let listing = self as? any ObjectKeysDecoder, let keys = listing.objectKeys,
            keys.allSatisfy({ known.contains($0) })
        {
            return [:]
        }
        let container = try self.container(keyedBy: AnyCodingKey.self)
        var result: JSONObject = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return result
    }
}

extension Encoder {
    func encodeUnknownFields(_ fields: JSONObject) throws {
        guard !fields.isEmpty else { return }
        var container = self.container(keyedBy: AnyCodingKey.self)
        for (key, value) in fields {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}
