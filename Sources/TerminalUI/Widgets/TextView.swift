/// Scrollable read-only text (descriptions, comments, JSON), optionally wrapped.
public struct TextView: Hashable, Sendable {
    public var lines: [DisplayText]
    public var wraps: Bool

    public init(lines: [DisplayText], wraps: Bool = true) {
        self.lines = lines
        self.wraps = wraps
    }

    /// Multi-line text from data: split at line breaks, each line sanitised.
    public init(text: String, wraps: Bool = true) {
        self.init(lines: DisplayText.lines(text), wraps: wraps)
    }

    /// The lines as displayed in `width` columns.
    public func displayLines(width: Int) -> [DisplayText] {
        wraps ? lines.flatMap { Self.wrap($0, width: width) } : lines
    }

    /// Wraps at spaces where possible, else between grapheme clusters; never splits a cluster.
    public static func wrap(_ text: DisplayText, width: Int) -> [DisplayText] {
        guard width > 0, text.width > width else { return [text] }
        var result: [DisplayText] = []
        var rest = text
        while rest.width > width {
            let fitting = rest.prefix(width: width)
            var cut = fitting.glyphs.count
            if let space = fitting.glyphs.lastIndex(where: { $0.base == " " }), space > 0,
                cut < rest.glyphs.count, rest.glyphs[cut].base != " "
            {
                cut = space + 1
            }
            if cut == 0 { cut = 1 }  // a glyph wider than the view: emit it alone
            result.append(Self.slice(rest, 0..<cut))
            rest = Self.slice(rest, cut..<rest.glyphs.count)
        }
        result.append(rest)
        return result
    }

    private static func slice(_ text: DisplayText, _ range: Range<Int>) -> DisplayText {
        DisplayText.fromGlyphs(text.glyphs[range])
    }

    /// Scroll offset kept within the text.
    public static func clampedOffset(_ offset: Int, lineCount: Int, visibleRows: Int) -> Int {
        min(max(0, offset), max(0, lineCount - visibleRows))
    }

    public func render(into screen: inout Screen, area: Rect, offset: Int, style: Style = .plain) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: style)
        let shown = displayLines(width: area.width)
        let start = Self.clampedOffset(offset, lineCount: shown.count, visibleRows: area.height)
        for (row, line) in shown.dropFirst(start).prefix(area.height).enumerated() {
            screen.put(line, in: area.row(row), style: style)
        }
    }
}
