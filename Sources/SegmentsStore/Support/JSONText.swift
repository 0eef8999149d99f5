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

extension JSONText {
    /// Compact JSON text of a tree, keys sorted, written by hand: Foundation's
    /// encoder costs tens of microseconds per call, which dominates seeding
    /// 100k samples. Non-finite numbers (which JSON cannot hold) are written as null.
    static func compact(_ value: JSONValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private static func write(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += number.isFinite ? "\(number)" : "null"
        case .string(let text): writeString(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                write(item, to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                write(object[key] ?? .null, to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
