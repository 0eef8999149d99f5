/// One terminal cell. A wide glyph occupies its cell (width 2) and the cell to its right,
/// which holds a continuation (width 0) so that neither half can be overwritten alone.
public struct Cell: Hashable, Sendable {
    public var base: Unicode.Scalar
    public var marks: CombiningMarks
    /// 1 for a normal cell, 2 for the left half of a wide glyph, 0 for the right half.
    public var width: UInt8
    public var style: Style

    public init(base: Unicode.Scalar = " ", marks: CombiningMarks = .none, width: UInt8 = 1, style: Style = .plain) {
        self.base = base
        self.marks = marks
        self.width = width
        self.style = style
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }

    /// The cell's text: base plus marks, or "" for a continuation.
    public var text: String {
        guard !isContinuation else { return "" }
        var scalars = String.UnicodeScalarView()
        scalars.append(base)
        scalars.append(contentsOf: marks.scalars)
        return String(scalars)
    }
}
