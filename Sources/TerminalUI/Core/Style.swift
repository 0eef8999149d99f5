/// What a piece of text is, not what colour it has: the theme turns roles into colours.
public enum ColorRole: UInt8, CaseIterable, Hashable, Sendable {
    case normal
    case header
    case selection
    case selectionInactive
    case border
    case title
    case statusBar
    case accent
    case muted
    case success
    case warning
    case error
    case tabActive
    case tabInactive
    case modal
    case input
    /// Placeholders that stand for control or invisible characters in data.
    case escaped
}

/// Text attributes that work with or without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// The look of a cell: a colour role plus attributes added on top of the theme's.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var attributes: TextAttributes
    /// The data's own colour over the role's foreground, where the terminal can show it.
    public var tint: TerminalRGB?

    public init(_ role: ColorRole = .normal, _ attributes: TextAttributes = [], tint: TerminalRGB? = nil) {
        self.role = role
        self.attributes = attributes
        self.tint = tint
    }

    public static let plain = Style()

    public func with(_ extra: TextAttributes) -> Style {
        Style(role, attributes.union(extra), tint: tint)
    }
}
