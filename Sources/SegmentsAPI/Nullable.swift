/// A value in a PATCH body that may be set to null on purpose. Used as
/// `Nullable<T>?`: `nil` leaves the field alone, `.null` clears it.
public enum Nullable<Wrapped: Hashable & Sendable>: Hashable, Sendable {
    case value(Wrapped)
    case null

    public var wrapped: Wrapped? {
        if case .value(let value) = self { return value }
        return nil
    }
}

extension KeyedEncodingContainer {
    mutating func encodeIfPresent<T: Encodable & Hashable & Sendable>(_ value: Nullable<T>?, forKey key: Key) throws {
        switch value {
        case .none: break
        case .null?: try encodeNil(forKey: key)
        case .value(let wrapped)?: try encode(wrapped, forKey: key)
        }
    }
}

extension KeyedDecodingContainer {
    func decodeNullable<T: Decodable & Hashable & Sendable>(_ type: T.Type, forKey key: Key) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(T.self, forKey: key))
    }
}
