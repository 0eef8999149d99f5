import CNcurses

/// How ncurses draws a cell: its attributes and colour pair, and the background the
/// terminal shows under it.
struct CellLook: Hashable {
    var attributes: attr_t
    var pair: Int16
    var background: TerminalColor
    /// Reverse or underline: a blank cell shows more than its background.
    var marksBlanks: Bool

    /// A blank on the terminal's own colours, as ncurses keeps an erased or scrolled-in cell.
    static let terminalBlank = CellLook(attributes: 0, pair: 0, background: .default, marksBlanks: false)
}

/// Chooses how the blank cells of a row are drawn, so that ncurses sends as little as it can.
///
/// A blank (a space without reverse or underline) shows only its background, so its colour
/// and attributes are free to pick; ncurses, which compares cells with their attributes,
/// sends every cell whose attributes changed and a colour change for every change of look
/// along what it sends. So a run of blanks on the terminal's background
/// - between two cells of the same look a few columns apart (the space in "8d ago", in
///   "labeling in progress") takes that look: no colour change around it;
/// - otherwise takes, as a whole, the look of the cell before it (no colour change after
///   that cell) or the terminal's blank (what a scroll or an erase leaves), whichever leaves
///   fewer of its cells different from what ncurses holds there;
/// and a blank on a coloured background (a selection bar's padding) takes the look of the
/// cell before it when that has the same background.
enum BlankLooks {
    /// The longest run of blanks that always continues the look before it.
    static let bridgeWidth = 4

    /// `own`: each cell's own look (nil for the right half of a wide glyph, never written);
    /// `isBlank`: the cell is a space without marks, reverse or underline; `onScreen(x)`: the
    /// look of the blank ncurses holds at column x, nil when it holds something else there.
    /// Returns the look to write for each cell (nil where `own` is nil).
    /// `blank`: how the terminal's blank is drawn (the look ncurses' erased cells are equal to).
    static func choose(
        own: [CellLook?], isBlank: [Bool], blank: CellLook = .terminalBlank, onScreen: (Int) -> CellLook?
    ) -> [CellLook?] {
        var looks = own
        let columns = own.count
        // Blanks on a coloured background continue the look before them.
        for x in 1..<max(1, columns) where isBlank[x] {
            guard let look = looks[x], look.background != .default, let before = looks[x - 1], !before.marksBlanks,
                before.background == look.background
            else { continue }
            looks[x] = before
        }
        var x = 0
        while x < columns {
            guard isBlank[x], looks[x]?.background == .default else {
                x += 1
                continue
            }
            var end = x
            while end < columns && isBlank[end] && looks[end]?.background == .default { end += 1 }
            let before = x > 0 ? looks[x - 1] : nil
            let continues = before.flatMap { $0.background == .default && !$0.marksBlanks ? $0 : nil }
            let chosen: CellLook
            if let continues, end - x <= bridgeWidth {
                chosen = continues
            } else if let continues {
                let held = (x..<end).map(onScreen)
                let changedIfContinued = held.filter { $0 != continues }.count
                let changedIfBlank = held.filter { $0 != blank }.count
                chosen = changedIfContinued < changedIfBlank ? continues : blank
            } else {
                chosen = blank
            }
            for column in x..<end { looks[column] = chosen }
            x = end
        }
        return looks
    }
}
