import CNcurses

/// The size of one character cell in pixels, which pixel protocols need to size a picture
/// and which sets the cells' aspect ratio. Terminals that report their pixel size through
/// `TIOCGWINSZ` (kitty, WezTerm, foot, iTerm2, xterm) give it; others report 0, and then
/// what the terminal answered to `CSI 16 t` (`TerminalQuery`) or else the common 10×20 is used.
public enum CellMetrics {
    public static let assumed = Size(width: 10, height: 20)

    /// The measured cell size on the controlling terminal, or nil when it is not reported.
    public static func measured() -> Size? {
        var rows: Int32 = 0, columns: Int32 = 0, width: Int32 = 0, height: Int32 = 0
        for fd: Int32 in [1, 0] {
            guard tui_terminal_size(fd, &rows, &columns) == 0, tui_terminal_pixels(fd, &width, &height) == 0,
                rows > 0, columns > 0, width > 0, height > 0
            else { continue }
            return Size(width: Int(width / columns), height: Int(height / rows))
        }
        return nil
    }

    /// The cell size to draw with: measured now (it follows font changes and resizes), else
    /// what the terminal `reported` to the query at start, else `assumed`.
    public static func current(reported: Size?) -> Size {
        measured() ?? reported ?? assumed
    }

    /// How many times taller than wide a cell is.
    public static func aspect(of cell: Size) -> Double {
        cell.width > 0 && cell.height > 0 ? Double(cell.height) / Double(cell.width) : 2
    }
}
