import SegmentsAPI

/// Query parameters read the way the SDK writes them (reference 3.4): values
/// are raw (`filters=k:v,k2:v2`, `sort=-name`), only percent-escapes are
/// decoded, and `+` is kept as `+` rather than turned into a space.
enum QueryParameters {
    /// The first occurrence of each name wins; undecodable values are kept raw.
    static func parse(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let name: Substring
            let value: Substring
            if let equals = pair.firstIndex(of: "=") {
                name = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                name = pair
                value = ""
            }
            let decodedName = PathEncoding.decode(name) ?? String(name)
            if parameters[decodedName] == nil {
                parameters[decodedName] = PathEncoding.decode(value) ?? String(value)
            }
        }
        return parameters
    }
}
