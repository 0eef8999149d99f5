import Foundation

/// Decoding of API payloads with errors a person can act on: which field of which
/// model was missing or of the wrong type, instead of Foundation's raw dump.
public enum ModelDecoding {
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, context: String? = nil) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw SegmentsError.validation(describe(error, model: String(describing: T.self), context: context))
        }
    }

    public static func describe(_ error: DecodingError, model: String, context: String? = nil) -> String {
        let prefix = context.map { "\($0): " } ?? ""
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            let location = path(context.codingPath)
            return "\(prefix)\(model) is missing the required field `\(key.stringValue)`"
                + (location.isEmpty ? "" : " at \(location)")
        case .valueNotFound(_, let context):
            return "\(prefix)\(model) has null for the required field `\(path(context.codingPath))`"
        case .typeMismatch(let expected, let context):
            return "\(prefix)\(model) field `\(path(context.codingPath))` is not a valid \(expected)"
        case .dataCorrupted(let context):
            let location = path(context.codingPath)
            return "\(prefix)\(model) could not be read"
                + (location.isEmpty ? "" : " at `\(location)`") + ": \(context.debugDescription)"
        @unknown default:
            return "\(prefix)\(model) could not be read: \(error)"
        }
    }
}
