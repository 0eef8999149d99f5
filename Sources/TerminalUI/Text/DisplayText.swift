/// Text that is safe to draw: the one choke point between data and cells.
///
/// Every initialiser sanitises (string literals and interpolations included), and widgets
/// take `DisplayText`, never `String`, so the compiler makes sure no raw data is drawn.
public struct DisplayText: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public let glyphs: [Glyph]
    /// Columns the text occupies.
    public let width: Int
    /// True when control or invisible characters were replaced by placeholders: the UI can
    /// flag such names ("hidden characters") to a reviewer.
    public let containsEscapes: Bool

    public init(_ raw: String) {
        let result = Sanitizer.sanitize(raw)
        self.init(glyphs: result.glyphs, width: result.width, containsEscapes: result.containsEscapes)
    }

    /// Decodes bytes as UTF-8; invalid sequences become U+FFFD.
    public init(bytes: some Sequence<UInt8>) {
        self.init(String(decoding: Array(bytes), as: UTF8.self))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    private init(glyphs: [Glyph], width: Int, containsEscapes: Bool) {
        self.glyphs = glyphs
        self.width = width
        self.containsEscapes = containsEscapes
    }

    public static let empty = DisplayText("")

    /// Glyphs that came out of the sanitiser already (slices of another DisplayText).
    static func fromGlyphs(_ glyphs: some Sequence<Glyph>) -> DisplayText {
        var kept = Array(glyphs)
        if let first = kept.indices.first { kept[first].startsGrapheme = true }
        return DisplayText(
            glyphs: kept, width: kept.reduce(0) { $0 + Int($1.width) }, containsEscapes: kept.contains { $0.isEscaped })
    }

    /// Splits multi-line text into lines first (any of \n, \r\n, \r, U+2028/2029), then sanitises each.
    public static func lines(_ raw: String) -> [DisplayText] {
        var lines: [DisplayText] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in raw.unicodeScalars {
            let isBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isBreak {
                if !(scalar == "\n" && previousWasCR) {
                    lines.append(DisplayText(String(current)))
                    current = String.UnicodeScalarView()
                }
            } else {
                current.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        lines.append(DisplayText(String(current)))
        return lines
    }

    public var isEmpty: Bool { glyphs.isEmpty }

    /// The sanitised text as a string (placeholders included).
    public var string: String {
        var scalars = String.UnicodeScalarView()
        for glyph in glyphs {
            scalars.append(glyph.base)
            scalars.append(contentsOf: glyph.marks.scalars)
        }
        return String(scalars)
    }

    /// Index ranges of the grapheme clusters in `glyphs`.
    public var graphemeRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in glyphs.indices.dropFirst() where glyphs[index].startsGrapheme {
            ranges.append(start..<index)
            start = index
        }
        if !glyphs.isEmpty { ranges.append(start..<glyphs.count) }
        return ranges
    }

    /// The longest prefix of whole grapheme clusters that fits in `maxWidth` columns.
    public func prefix(width maxWidth: Int) -> DisplayText {
        guard width > maxWidth else { return self }
        var used = 0
        var end = 0
        for range in graphemeRanges {
            let clusterWidth = glyphs[range].reduce(0) { $0 + Int($1.width) }
            if used + clusterWidth > maxWidth { break }
            used += clusterWidth
            end = range.upperBound
        }
        let kept = Array(glyphs[..<end])
        return DisplayText(glyphs: kept, width: used, containsEscapes: kept.contains { $0.isEscaped })
    }

    /// Fits the text in `maxWidth` columns, ending with "…" when something was cut.
    public func truncated(to maxWidth: Int) -> DisplayText {
        guard width > maxWidth else { return self }
        guard maxWidth > 0 else { return .empty }
        let kept = prefix(width: maxWidth - 1)
        return kept + DisplayText.ellipsis
    }

    public static let ellipsis = DisplayText("\u{2026}")

    public static func + (lhs: DisplayText, rhs: DisplayText) -> DisplayText {
        DisplayText(
            glyphs: lhs.glyphs + rhs.glyphs, width: lhs.width + rhs.width,
            containsEscapes: lhs.containsEscapes || rhs.containsEscapes)
    }

    /// Pads with spaces (or truncates) to exactly `width` columns.
    public func fitted(to targetWidth: Int, alignment: Alignment = .leading) -> DisplayText {
        let cut = truncated(to: targetWidth)
        let gap = max(0, targetWidth - cut.width)
        guard gap > 0 else { return cut }
        let spaces = DisplayText(String(repeating: " ", count: gap))
        switch alignment {
        case .leading: return cut + spaces
        case .trailing: return spaces + cut
        case .center:
            let left = gap / 2
            return DisplayText(String(repeating: " ", count: left)) + cut
                + DisplayText(String(repeating: " ", count: gap - left))
        }
    }
}

public enum Alignment: Hashable, Sendable {
    case leading, center, trailing
}

extension DisplayText: CustomStringConvertible {
    public var description: String { string }
}
