/// A coding key for any string, used to read and write the fields of an object
/// that a model does not declare.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { return nil }
}

extension Decoder {
    /// Every key of the current JSON object that is not in `known`, with its value,
    /// so a model can hand it back unchanged when it is encoded again.
    func unknownFields(known: Set<String>) throws -> JSONObject {
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
