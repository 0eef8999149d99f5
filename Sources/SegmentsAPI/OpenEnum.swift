/// A wire enum that tolerates values the API adds later: a string it does not
/// know decodes to the `unknown` case with the raw string kept, so browsing
/// never breaks; whoever writes data checks `isKnown` and refuses the rest.
public protocol OpenEnum: Codable, Hashable, Sendable, CustomStringConvertible {
    static var knownCases: [Self] { get }
    static func unknown(_ rawValue: String) -> Self
    var rawValue: String { get }
}

extension OpenEnum {
    public init(rawValue: String) {
        self = Self.knownCases.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// Only a known value, for input that must be valid.
    public init?(knownRawValue rawValue: String) {
        guard let value = Self.knownCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = value
    }

    public var isKnown: Bool { Self.knownCases.contains(self) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
