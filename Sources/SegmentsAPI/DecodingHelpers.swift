extension KeyedDecodingContainer {
    /// A key that must be present but may be null (the reference's "req·null").
    func decodeRequiredNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return try decodeIfPresent(type, forKey: key)
    }
}
