import Foundation
import SegmentsAPI

/// JSON columns: values are stored as compact text with sorted keys, and read
/// back into `JSONValue` trees or Codable types.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder.segments.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    static func object(from text: String?) -> JSONObject {
        guard let text, let value = try? decode(JSONObject.self, from: text) else { return [:] }
        return value
    }

    static func value(from text: String?) -> JSONValue? {
        guard let text else { return nil }
        return try? decode(JSONValue.self, from: text)
    }
}
