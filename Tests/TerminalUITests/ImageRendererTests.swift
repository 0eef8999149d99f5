import Testing
@testable import TerminalUI

@Suite("Images for the terminal (libchafa)")
struct ImageRendererTests {
    static let red: UInt32 = 0xFF0000
    static let blue: UInt32 = 0x0000FF

    /// 32×32 pixels of blue with a red square at x 8..<24, y `top`..<24. chafa works on 8×8
    /// pixels per cell, so at 4×4 cells nothing is resampled and the square covers exactly
    /// the middle four cells.
    static func redSquareOnBlue(top: Int = 8) -> [UInt8] {
        var pixels: [UInt8] = []
        for y in 0..<32 {
            for x in 0..<32 {
                let isRed = (8..<24).contains(x) && (top..<24).contains(y)
                pixels += isRed ? [255, 0, 0, 255] : [0, 0, 255, 255]
            }
        }
        return pixels
    }

    /// The colours a block cell shows in its top and bottom halves.
    static func halves(_ cell: SymbolCell) -> (top: SymbolColor, bottom: SymbolColor)? {
        switch cell.character {
        case " ": (cell.background, cell.background)
        case "█": (cell.foreground, cell.foreground)
        case "▀": (cell.foreground, cell.background)
        case "▄": (cell.background, cell.foreground)
        default: nil
        }
    }

    @Test("a red square on blue gives red cells in the middle and blue around, in 24-bit colour")
    func redSquare() throws {
        let image = try ImageRenderer(graphics: .symbols, symbolColors: .trueColor)
            .render(rgba: Self.redSquareOnBlue(), width: 32, height: 32, cells: Size(width: 4, height: 4))
        guard case .symbols(let grid) = image else { Issue.record("expected symbols"); return }
        #expect(grid.width == 4 && grid.height == 4)
        for y in 0..<4 {
            for x in 0..<4 {
                let inside = (1...2).contains(x) && (1...2).contains(y)
                let expected = SymbolColor.rgb(inside ? Self.red : Self.blue)
                let shown = try #require(Self.halves(grid[x, y]), "cell \(x),\(y): \(grid[x, y])")
                #expect(shown.top == expected && shown.bottom == expected, "cell \(x),\(y): \(grid[x, y])")
            }
        }
    }

    @Test("an edge through the middle of a cell becomes a half block with both colours")
    func halfBlock() throws {
        // The square starts at y 12: cells of row 1 (y 8..<16) are blue above, red below.
        let image = try ImageRenderer(graphics: .symbols)
            .render(rgba: Self.redSquareOnBlue(top: 12), width: 32, height: 32, cells: Size(width: 4, height: 4))
        guard case .symbols(let grid) = image else { Issue.record("expected symbols"); return }
        let cell = grid[1, 1]
        let shown = try #require(Self.halves(cell), "\(cell)")
        #expect(shown.top == .rgb(Self.blue) && shown.bottom == .rgb(Self.red), "\(cell)")
        #expect(cell.character == "▀" || cell.character == "▄")
    }

    @Test("the 256-colour fallback uses the palette's pure red and blue")
    func palette256() throws {
        let image = try ImageRenderer(graphics: .symbols, symbolColors: .palette256)
            .render(rgba: Self.redSquareOnBlue(), width: 32, height: 32, cells: Size(width: 4, height: 4))
        guard case .symbols(let grid) = image else { Issue.record("expected symbols"); return }
        // xterm palette: 196 is #ff0000 and 21 is #0000ff in the colour cube (9 and 12 in the first 16).
        let middle = try #require(Self.halves(grid[1, 1]))
        let corner = try #require(Self.halves(grid[0, 0]))
        #expect([SymbolColor.indexed(196), .indexed(9)].contains(middle.top), "\(grid[1, 1])")
        #expect([SymbolColor.indexed(21), .indexed(12)].contains(corner.top), "\(grid[0, 0])")
    }

    @Test("symbol output places each row with a cursor move and sets 24-bit colours")
    func symbolOutput() throws {
        let image = try ImageRenderer().render(
            rgba: Self.redSquareOnBlue(), width: 32, height: 32, cells: Size(width: 4, height: 4))
        let text = String(decoding: image.output(at: Point(x: 10, y: 5)), as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}7\u{1B}[6;11H"))
        #expect(text.contains("\u{1B}[9;11H"))
        #expect(text.contains("255;0;0") && text.contains("0;0;255"))
        #expect(!text.contains("\n"))
        #expect(text.hasSuffix("\u{1B}[0m\u{1B}8"))
    }

    @Test("kitty, sixel and iTerm2 output carry their protocols' sequences")
    func pixelProtocols() throws {
        let pixels = Self.redSquareOnBlue()
        let kitty = try ImageRenderer(graphics: .kitty).render(rgba: pixels, width: 32, height: 32, cells: Size(width: 4, height: 4))
        let kittyText = String(decoding: kitty.output(at: Point(x: 0, y: 0)), as: UTF8.self)
        #expect(kittyText.contains("\u{1B}_G"), "\(kittyText.prefix(80).debugDescription)")
        let sixel = try ImageRenderer(graphics: .sixel).render(rgba: pixels, width: 32, height: 32, cells: Size(width: 4, height: 4))
        let sixelText = String(decoding: sixel.output(at: Point(x: 0, y: 0)), as: UTF8.self)
        #expect(sixelText.contains("\u{1B}P") && sixelText.contains("q"), "\(sixelText.prefix(80).debugDescription)")
        let iterm = try ImageRenderer(graphics: .iterm).render(rgba: pixels, width: 32, height: 32, cells: Size(width: 4, height: 4))
        let itermText = String(decoding: iterm.output(at: Point(x: 0, y: 0)), as: UTF8.self)
        #expect(itermText.contains("\u{1B}]1337;File="), "\(itermText.prefix(80).debugDescription)")
        #expect(kitty.cells == Size(width: 4, height: 4))
    }

    @Test("bad input is refused with a reason")
    func badInput() {
        #expect(throws: ImageRenderer.RenderError.badPixels) {
            try ImageRenderer().render(rgba: [0, 0, 0], width: 1, height: 1, cells: Size(width: 1, height: 1))
        }
        #expect(throws: ImageRenderer.RenderError.nothingToDraw) {
            try ImageRenderer().render(rgba: [0, 0, 0, 0], width: 1, height: 1, cells: Size(width: 0, height: 3))
        }
    }

    @Test("fit keeps the aspect ratio with cells twice as tall as wide")
    func fit() {
        #expect(ImageRenderer.fit(pixelWidth: 1920, pixelHeight: 1080, into: Size(width: 100, height: 30))
                == Size(width: 100, height: 28))
        #expect(ImageRenderer.fit(pixelWidth: 1000, pixelHeight: 1000, into: Size(width: 100, height: 30))
                == Size(width: 60, height: 30))
        #expect(ImageRenderer.fit(pixelWidth: 0, pixelHeight: 10, into: Size(width: 10, height: 10)) == Size(width: 0, height: 0))
    }

    @Test("the protocol comes from the environment; tmux means symbols; the flag wins")
    func detection() {
        func detect(_ environment: [String: String], _ setting: GraphicsSetting = .auto) -> GraphicsProtocol {
            GraphicsDetection.detect(environment: environment, setting: setting).graphics
        }
        #expect(detect(["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"]) == .kitty)
        #expect(detect(["TERM": "xterm-kitty", "TMUX": "/tmp/tmux-0/default,1,0"]) == .symbols)
        #expect(detect(["TERM": "screen-256color"]) == .symbols)
        #expect(detect(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]) == .iterm)
        #expect(detect(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]) == .kitty)
        #expect(detect(["TERM": "foot"]) == .sixel)
        #expect(detect(["TERM": "xterm-256color"]) == .symbols)
        #expect(detect(["TERM": "dumb"]) == .none)
        #expect(detect(["TERM": "xterm-kitty"], .forced(.sixel)) == .sixel)
        #expect(GraphicsDetection.detect(environment: ["TMUX": "x", "TERM": "tmux-256color"]).reason == "symbols: inside tmux")
        #expect(GraphicsDetection.detect(environment: ["COLORTERM": "truecolor"]).symbolColors == .trueColor)
        #expect(GraphicsDetection.detect(environment: ["TERM": "xterm-256color"]).symbolColors == .palette256)
        #expect(GraphicsSetting("auto") == .auto && GraphicsSetting(" Sixel ") == .forced(.sixel))
        #expect(GraphicsSetting("iterm2") == .forced(.iterm) && GraphicsSetting("png") == nil)
    }
}
