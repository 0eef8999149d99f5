import Foundation

/// One pass over a JSON body's bytes before it is decoded, for three things the
/// decoder would accept but the workspace must not store:
/// - nesting deeper than `maximumDepth` inside a field (metadata, attributes …):
///   every later read of such a value costs time out of proportion to its size;
/// - NUL characters (`\u0000`) in a field's text (names, descriptions, readme …):
///   SQLite text ends at the first NUL, so `"before\u0000after"` would be stored
///   as `before` and names would alias. Inside JSON values (metadata,
///   attributes) a NUL is kept whole: they are stored as JSON text, escaped;
/// - two keys of one object that are the same text in different Unicode forms
///   (`café` in NFC and NFD): decoded, one would silently replace the other.
/// Each is answered 400 with the field named, as DRF answers field errors.
enum JSONBodyCheck {
    /// Levels of arrays and objects a field's value may nest.
    static let maximumDepth = 64

    enum Finding: Equatable, Sendable {
        case tooDeep(field: String)
        case nulCharacter(field: String)
        case unicodeAliases(field: String)

        var requestError: RequestError {
            switch self {
            case .tooDeep(let field):
                RequestError(.invalidFields([field: "Nesting deeper than \(JSONBodyCheck.maximumDepth) levels is not allowed."]))
            case .nulCharacter(let field):
                RequestError(.invalidFields([field: "Null characters are not allowed."]))
            case .unicodeAliases(let field):
                RequestError(
                    .invalidFields([field: "Two keys are the same text in different Unicode forms (NFC and NFD)."]))
            }
        }
    }

    /// The request fields stored as text columns (names, free text, account names), in any request body.
    static let textFields: Set<String> = [
        "name", "description", "readme", "user", "owner", "filename", "assigned_labeler", "assigned_reviewer",
    ]

    private enum Container { case object, array }

    /// The first problem found, or nil. Malformed JSON is left to the decoder.
    static func inspect(_ data: Data) -> Finding? {
        var stack: [Container] = []
        // Per open container, the keys met so far (arrays keep an empty table, to stay aligned).
        var keys: [[String: String.UnicodeScalarView]] = []
        // The body's fields are the keys of the root object, or of the objects of a root array (bulk add).
        var fieldLevel = 1
        var field = "non_field_errors"
        var expectingKey = false
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            switch byte {
            case UInt8(ascii: "\""):
                let isKey = expectingKey && stack.last == .object
                let start = data.index(after: index)
                guard let (end, hasNUL) = scanString(data, from: start) else { return nil }
                if isKey {
                    expectingKey = false
                    let key = decodeKey(data[start..<end])
                    if let seen = keys[keys.count - 1][key], !seen.elementsEqual(key.unicodeScalars) {
                        return .unicodeAliases(field: stack.count > fieldLevel ? field : "non_field_errors")
                    }
                    keys[keys.count - 1][key] = key.unicodeScalars
                    if stack.count == fieldLevel {
                        field = fieldName(Array(data[start..<end]))
                    }
                }
                // Only these fields' own text goes into text columns; nested values are stored as JSON,
                // escaped, and fields that are none of ours are ignored by the decoder.
                if hasNUL, !isKey, stack.count == fieldLevel, textFields.contains(field) {
                    return .nulCharacter(field: field)
                }
                index = data.index(after: end)
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if stack.isEmpty && byte == UInt8(ascii: "[") { fieldLevel = 2 }
                stack.append(byte == UInt8(ascii: "{") ? .object : .array)
                keys.append([:])
                expectingKey = byte == UInt8(ascii: "{")
                if stack.count - fieldLevel > maximumDepth {
                    return .tooDeep(field: stack.count > fieldLevel ? field : "non_field_errors")
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
                _ = keys.popLast()
                if stack.count < fieldLevel { field = "non_field_errors" }
            case UInt8(ascii: ","):
                expectingKey = stack.last == .object
            default:
                break
            }
            index = data.index(after: index)
        }
        return nil
    }

    /// From just after an opening quote: the index of the closing quote, and whether a `\u0000` escape occurred.
    private static func scanString(_ data: Data, from start: Data.Index) -> (Data.Index, Bool)? {
        var hasNUL = false
        var index = start
        while index < data.endIndex {
            switch data[index] {
            case UInt8(ascii: "\""):
                return (index, hasNUL)
            case UInt8(ascii: "\\"):
                let next = data.index(after: index)
                guard next < data.endIndex else { return nil }
                if data[next] == UInt8(ascii: "u"), data.distance(from: next, to: data.endIndex) > 4,
                    data[data.index(next, offsetBy: 1)..<data.index(next, offsetBy: 5)].allSatisfy({ $0 == UInt8(ascii: "0") })
                {
                    hasNUL = true
                }
                index = data.index(after: next)
            case 0:
                // A raw NUL is not JSON at all; the decoder refuses it.
                hasNUL = true
                index = data.index(after: index)
            default:
                index = data.index(after: index)
            }
        }
        return nil
    }

    /// A key's text: its bytes, or when it holds escapes, what the JSON decoder makes of them.
    private static func decodeKey(_ bytes: Data) -> String {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
        var quoted = Data("\"".utf8)
        quoted.append(bytes)
        quoted.append(contentsOf: "\"".utf8)
        return (try? JSONDecoder().decode(String.self, from: quoted)) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// A key is echoed in the answer only if it looks like one of ours (`snake_case`), never user text.
    private static func fieldName(_ bytes: [UInt8]) -> String {
        let plausible = !bytes.isEmpty && bytes.count <= 64
            && bytes.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") }
        return plausible ? String(decoding: bytes, as: UTF8.self) : "non_field_errors"
    }
}
