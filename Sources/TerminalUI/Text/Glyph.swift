/// Up to three zero-width marks (combining accents) carried by one cell. ncurses stores at
/// most four per cell; more than three is "Zalgo" text, and the extra marks are dropped.
public struct CombiningMarks: Hashable, Sendable {
    public private(set) var first: UInt32 = 0
    public private(set) var second: UInt32 = 0
    public private(set) var third: UInt32 = 0

    public static let capacity = 3
    public static let none = CombiningMarks()

    public init() {}

    public var isEmpty: Bool { first == 0 }

    public var count: Int { first == 0 ? 0 : second == 0 ? 1 : third == 0 ? 2 : 3 }

    /// Appends a mark; returns false (and drops it) when full.
    @discardableResult
    public mutating func append(_ scalar: Unicode.Scalar) -> Bool {
        if first == 0 { first = scalar.value } else if second == 0 { second = scalar.value } else if third == 0 {
            third = scalar.value
        } else {
            return false
        }
        return true
    }

    public var scalars: [Unicode.Scalar] {
        [first, second, third].prefix(count).compactMap(Unicode.Scalar.init)
    }
}

/// One spacing character with its marks, as it will occupy one (or, if wide, two) cells.
/// A grapheme cluster is one or more glyphs; `startsGrapheme` marks where clusters begin,
/// so truncation never splits a cluster (a flag is two glyphs of width 1).
public struct Glyph: Hashable, Sendable {
    public var base: Unicode.Scalar
    public var marks: CombiningMarks
    /// 1 or 2 columns.
    public var width: UInt8
    public var startsGrapheme: Bool
    /// True for the visible placeholders that replace control or invisible characters.
    public var isEscaped: Bool

    public init(
        base: Unicode.Scalar, marks: CombiningMarks = .none, width: UInt8 = 1, startsGrapheme: Bool = true,
        isEscaped: Bool = false
    ) {
        self.base = base
        self.marks = marks
        self.width = width
        self.startsGrapheme = startsGrapheme
        self.isEscaped = isEscaped
    }

    public static let space = Glyph(base: " ")
}
