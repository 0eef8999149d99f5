/// A colour of a symbol cell.
public enum SymbolColor: Hashable, Sendable {
    /// 24-bit `0xRRGGBB`.
    case rgb(UInt32)
    /// An index in the xterm 256-colour palette.
    case indexed(UInt8)
    /// Transparent: the terminal's own background.
    case none
}

/// One character cell of an image in symbols mode.
public struct SymbolCell: Hashable, Sendable {
    public var character: Unicode.Scalar
    public var foreground: SymbolColor
    public var background: SymbolColor
    /// The right half of a wide character (a caption in CJK): nothing is written for it.
    public var isContinuation: Bool

    public init(character: Unicode.Scalar, foreground: SymbolColor, background: SymbolColor, isContinuation: Bool = false) {
        self.character = character
        self.foreground = foreground
        self.background = background
        self.isContinuation = isContinuation
    }
}

/// An image converted for the terminal: a grid of coloured symbols, or a pixel protocol's
/// escape sequence. Either way it covers `cells` and is written straight to the tty at a
/// position, after ncurses has drawn the frame around it (ncurses knows nothing of it).
public enum TerminalImage: Hashable, Sendable {
    case symbols(SymbolGrid)
    case pixels(GraphicsProtocol, sequence: [UInt8], cells: Size)

    public var cells: Size {
        switch self {
        case .symbols(let grid): Size(width: grid.width, height: grid.height)
        case .pixels(_, _, let cells): cells
        }
    }

    /// The bytes that draw the image with its top-left corner at `origin` (0-based cell).
    /// The cursor and colours are left as ncurses expects them to be: the cursor is
    /// saved and restored, and attributes reset.
    public func output(at origin: Point) -> [UInt8] {
        var out: [UInt8] = Array("\u{1B}7".utf8)
        switch self {
        case .symbols(let grid):
            out += grid.sequence(at: origin)
        case .pixels(_, let sequence, _):
            out += Array("\u{1B}[\(origin.y + 1);\(origin.x + 1)H".utf8)
            out += sequence
        }
        out += Array("\u{1B}[0m\u{1B}8".utf8)
        return out
    }
}

/// Symbol cells, row by row.
public struct SymbolGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public let cells: [SymbolCell]

    public init(width: Int, height: Int, cells: [SymbolCell]) {
        self.width = width
        self.height = height
        self.cells = cells
    }

    public subscript(x: Int, y: Int) -> SymbolCell { cells[y * width + x] }

    /// Each row placed with a cursor move (no newlines, which would scroll at the bottom),
    /// colours set only when they change. Only SGR colour codes are written by hand here:
    /// chafa's own printer ends rows with newlines, which cannot be positioned in a pane.
    func sequence(at origin: Point) -> [UInt8] {
        var text = ""
        text.reserveCapacity(width * height * 24)
        for y in 0..<height {
            text += "\u{1B}[\(origin.y + y + 1);\(origin.x + 1)H"
            var foreground: SymbolColor?
            var background: SymbolColor?
            for x in 0..<width {
                let cell = self[x, y]
                if cell.isContinuation { continue }
                if cell.foreground != foreground || cell.background != background {
                    text += "\u{1B}[0"
                    text += Self.sgr(cell.foreground, foreground: true)
                    text += Self.sgr(cell.background, foreground: false)
                    text += "m"
                    foreground = cell.foreground
                    background = cell.background
                }
                text.unicodeScalars.append(cell.character)
            }
        }
        return Array(text.utf8)
    }

    private static func sgr(_ color: SymbolColor, foreground: Bool) -> String {
        switch color {
        case .rgb(let packed):
            ";\(foreground ? 38 : 48);2;\((packed >> 16) & 0xFF);\((packed >> 8) & 0xFF);\(packed & 0xFF)"
        case .indexed(let index): ";\(foreground ? 38 : 48);5;\(index)"
        case .none: ""
        }
    }
}
