/// A grid of cells that views draw into. A value: views are functions from state to Screen,
/// and backends only ever show a finished Screen.
///
/// Every drawing call clips to the screen and to an optional `clip` rectangle, and keeps
/// wide glyphs whole: one that would straddle the clip edge is replaced by padding.
public struct Screen: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Rectangles a view keeps for a picture that is drawn over the frame, outside ncurses
    /// (see `ImageSlot`).
    public internal(set) var imageSlots: [ImageSlot] = []

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: Size) {
        self.init(width: size.width, height: size.height)
    }

    public var size: Size { Size(width: width, height: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The cells of one row.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * width)..<(y * width + width)]
    }

    /// Replaces row `y` with `row` (a row of a screen as wide as this one).
    mutating func replaceRow(_ y: Int, with row: ArraySlice<Cell>) {
        guard y >= 0, y < height, row.count == width else { return }
        cells.replaceSubrange((y * width)..<(y * width + width), with: row)
    }

    // MARK: text

    /// Draws `text` from `point` on one row, clipped to `clip` (default: the whole screen).
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: DisplayText, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard !area.isEmpty, point.y >= area.y, point.y < area.maxY else { return point.x }
        var x = point.x
        let rowStart = point.y * width
        for glyph in text.glyphs {
            let glyphWidth = Int(glyph.width)
            if x >= area.maxX { break }
            if x < area.x {
                // Left of the clip: a wide glyph cut by the edge leaves a blank in its visible half.
                if glyphWidth == 2 && x + 1 == area.x { writeCell(Cell(style: style), at: rowStart, x: x + 1) }
                x += glyphWidth
                continue
            }
            let cellStyle = glyph.isEscaped ? Style(.escaped, style.attributes) : style
            if glyphWidth == 2 {
                if x + 1 >= area.maxX {
                    writeCell(Cell(style: style), at: rowStart, x: x)
                    x += 1
                    break
                }
                writeCell(Cell(base: glyph.base, marks: glyph.marks, width: 2, style: cellStyle), at: rowStart, x: x)
                writeCell(Cell(base: " ", width: 0, style: cellStyle), at: rowStart, x: x + 1)
            } else {
                writeCell(Cell(base: glyph.base, marks: glyph.marks, width: 1, style: cellStyle), at: rowStart, x: x)
            }
            x += glyphWidth
        }
        return min(x, area.maxX)
    }

    /// Draws `text` in a one-row rectangle: truncated with "…" if too long, padded with
    /// `style` if short, aligned as asked. The whole row of `rect` is written, unless
    /// `padding` is false (the caller filled the background already).
    public mutating func put(
        _ text: DisplayText, in rect: Rect, style: Style = .plain, alignment: Alignment = .leading, padding: Bool = true
    ) {
        guard rect.width > 0, rect.height > 0 else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        // Only text that overflows is copied; the common case draws the glyphs in place.
        let shown = text.width > rect.width ? text.truncated(to: rect.width) : text
        let gap = rect.width - shown.width
        let start =
            switch alignment {
            case .leading: rect.x
            case .trailing: rect.x + gap
            case .center: rect.x + gap / 2
            }
        if padding && start > rect.x { fill(Rect(x: rect.x, y: rect.y, width: start - rect.x, height: 1), style: style) }
        let end = put(shown, at: Point(x: start, y: rect.y), style: style, clip: row)
        if padding && end < row.maxX { fill(Rect(x: end, y: rect.y, width: row.maxX - end, height: 1), style: style) }
    }

    /// Writes a cell and repairs any wide glyph it cuts in half.
    @inline(__always)
    private mutating func writeCell(_ cell: Cell, at rowStart: Int, x: Int) {
        let index = rowStart + x
        let old = cells[index]
        if old.width == 2 && cell.width != 2 && x + 1 < width {
            cells[index + 1] = Cell(style: cells[index + 1].style)
        } else if old.width == 0 && x > 0 && cell.width != 0 {
            cells[index - 1] = Cell(style: cells[index - 1].style)
        }
        cells[index] = cell
    }

    // MARK: areas

    /// Fills `rect` with `character` in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with character: Unicode.Scalar = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(base: character, width: 1, style: style)
        for y in area.y..<area.maxY {
            let rowStart = y * width
            for x in area.x..<area.maxX { writeCell(cell, at: rowStart, x: x) }
        }
    }

    /// Changes the style of every cell in `rect`, keeping the text (e.g. a selection bar).
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x].style = style }
        }
    }

    /// Draws a border around `rect`, with an optional title in the top edge.
    public mutating func drawBox(
        _ rect: Rect, style: Style = Style(.border), glyphs: BoxGlyphs = .single, title: DisplayText? = nil,
        titleStyle: Style = Style(.title), clip: Rect? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let area = (clip ?? bounds).intersection(rect)
        func set(_ x: Int, _ y: Int, _ scalar: Unicode.Scalar) {
            guard area.contains(Point(x: x, y: y)) else { return }
            writeCell(Cell(base: scalar, width: 1, style: style), at: y * width, x: x)
        }
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            set(x, rect.y, glyphs.horizontal)
            set(x, rect.maxY - 1, glyphs.horizontal)
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            set(rect.x, y, glyphs.vertical)
            set(rect.maxX - 1, y, glyphs.vertical)
        }
        set(rect.x, rect.y, glyphs.topLeft)
        set(rect.maxX - 1, rect.y, glyphs.topRight)
        set(rect.x, rect.maxY - 1, glyphs.bottomLeft)
        set(rect.maxX - 1, rect.maxY - 1, glyphs.bottomRight)
        if let title, rect.width > 4 {
            let titleArea = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: 1).intersection(area)
            let text = (" " + title + " ").truncated(to: titleArea.width)
            put(text, at: titleArea.origin, style: titleStyle, clip: titleArea)
        }
    }

    /// Draws a horizontal line across `rect`'s first row.
    public mutating func drawHorizontalLine(_ rect: Rect, style: Style = Style(.border), glyphs: BoxGlyphs = .single) {
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: min(rect.height, 1)), style: style, with: glyphs.horizontal)
    }
}

/// The characters of a border. `.ascii` is for terminals without UTF-8.
public struct BoxGlyphs: Hashable, Sendable {
    public var horizontal: Unicode.Scalar
    public var vertical: Unicode.Scalar
    public var topLeft: Unicode.Scalar
    public var topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar
    public var bottomRight: Unicode.Scalar

    public static let single = BoxGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let rounded = BoxGlyphs(
        horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    public static let ascii = BoxGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}
