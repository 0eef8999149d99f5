import Testing
@testable import TerminalUI

@Suite("Captions on symbol pictures")
struct ImageCaptionTests {
    static func grid(width: Int = 20, height: Int = 6) -> SymbolGrid {
        SymbolGrid(
            width: width, height: height,
            cells: Array(repeating: SymbolCell(character: "▀", foreground: .rgb(0x112233), background: .rgb(0x445566)),
                         count: width * height))
    }

    static func text(_ grid: SymbolGrid, row: Int) -> String {
        String(String.UnicodeScalarView((0..<grid.width).filter { !grid[$0, row].isContinuation }.map { grid[$0, row].character }))
    }

    @Test("a caption goes where its shape starts, in its colour, with readable text")
    func placed() {
        let caption = ImageCaption(text: "car", background: 0xE6194B, x: 0.25, y: 0.5, width: 0.5)
        let grid = Self.grid().captioned([caption], colors: .trueColor)
        #expect(Self.text(grid, row: 3) == "▀▀▀▀▀car▀▀▀▀▀▀▀▀▀▀▀▀")
        #expect(grid[5, 3].background == .rgb(0xE6194B) && grid[5, 3].foreground == .rgb(0xFFFFFF))
        let light = Self.grid().captioned([ImageCaption(text: "bus", background: 0xFFE119, x: 0, y: 0, width: 1)],
                                          colors: .trueColor)
        #expect(light[0, 0].foreground == .rgb(0x000000))
        let indexed = Self.grid().captioned([caption], colors: .palette256)
        #expect(indexed[5, 3].background == .indexed(161))  // #e6194b → cube (4,0,1): 230 is nearest 215
    }

    @Test("a caption wider than its shape, off the grid or over another is left out")
    func skipped() {
        let narrow = ImageCaption(text: "pedestrian", background: 0x3CB44B, x: 0.1, y: 0.1, width: 0.2)
        let outside = ImageCaption(text: "tree", background: 0x3CB44B, x: 0.9, y: 0.1, width: 0.5)
        let first = ImageCaption(text: "car", background: 0xE6194B, x: 0.5, y: 0, width: 0.5)
        let overlapping = ImageCaption(text: "bus", background: 0xF58231, x: 0.55, y: 0, width: 0.4)
        let grid = Self.grid().captioned([narrow, outside, first, overlapping], colors: .trueColor)
        #expect(Self.text(grid, row: 0) == "▀▀▀▀▀▀▀▀▀▀car▀▀▀▀▀▀▀")
        #expect(!Self.text(grid, row: 0).contains("pedestrian"))
    }

    @Test("wide names take two cells and control characters never reach the terminal")
    func wideAndSanitised() {
        let grid = Self.grid().captioned(
            [ImageCaption(text: DisplayText("車\u{1B}[2J"), background: 0x000000, x: 0, y: 0, width: 1)], colors: .trueColor)
        #expect(grid[1, 0].isContinuation)
        let output = String(decoding: TerminalImage.symbols(grid).output(at: Point(x: 0, y: 0)), as: UTF8.self)
        #expect(output.contains("車") && !output.contains("\u{1B}[2J"))
    }
}
