import Testing

@testable import TerminalUI

@Suite("Screen")
struct ScreenTests {
    func lines(_ screen: Screen) -> [String] { HeadlessTerminal.render(screen) }

    @Test func putsTextAtPosition() {
        var screen = Screen(width: 6, height: 2)
        screen.put("hi", at: Point(x: 2, y: 1))
        #expect(lines(screen) == ["      ", "  hi  "])
    }

    @Test func clipsAtTheRightAndBottomEdges() {
        var screen = Screen(width: 4, height: 1)
        let end = screen.put("abcdef", at: Point(x: 1, y: 0))
        #expect(lines(screen) == [" abc"])
        #expect(end == 4)
        screen.put("zz", at: Point(x: 0, y: 5))
        screen.put("zz", at: Point(x: 0, y: -1))
        #expect(lines(screen) == [" abc"])
    }

    @Test func clipsAtTheLeftEdge() {
        var screen = Screen(width: 4, height: 1)
        screen.put("abcdef", at: Point(x: -2, y: 0))
        #expect(lines(screen) == ["cdef"])
    }

    @Test func wideGlyphOccupiesTwoCells() {
        var screen = Screen(width: 5, height: 1)
        screen.put("a東b", at: .zero)
        #expect(screen[1, 0].width == 2)
        #expect(screen[2, 0].isContinuation)
        #expect(lines(screen) == ["a東b "])
    }

    @Test func wideGlyphAtTheEdgeIsReplacedByPadding() {
        var screen = Screen(width: 4, height: 1)
        screen.put("abc東", at: .zero)
        #expect(lines(screen) == ["abc "])
        var clipped = Screen(width: 6, height: 1)
        clipped.put("a東東", at: .zero, clip: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(lines(clipped) == ["a東   "])
    }

    @Test func wideGlyphCutByTheLeftClipLeavesABlank() {
        var screen = Screen(width: 4, height: 1, fill: Cell(base: "."))
        screen.put("東x", at: Point(x: -1, y: 0))
        #expect(lines(screen) == [" x.."])
    }

    @Test func overwritingHalfAWideGlyphClearsTheOtherHalf() {
        var screen = Screen(width: 4, height: 1)
        screen.put("東京", at: .zero)
        screen.put("x", at: Point(x: 1, y: 0))
        #expect(lines(screen) == [" x京"])
        screen.put("y", at: Point(x: 2, y: 0))
        #expect(lines(screen) == [" xy "])
        for x in 0..<4 { #expect(!screen[x, 0].isContinuation || screen[x - 1, 0].width == 2) }
    }

    @Test func truncatesWithEllipsisWithoutSplittingClusters() {
        #expect(DisplayText("abcdef").truncated(to: 4).string == "abc…")
        #expect(DisplayText("東京タワー").truncated(to: 4).string == "東…")
        #expect(DisplayText("東京タワー").truncated(to: 5).string == "東京…")
        #expect(DisplayText("a🇯🇵b").truncated(to: 3).string == "a…")
        #expect(DisplayText("abc").truncated(to: 3).string == "abc")
        #expect(DisplayText("abc").truncated(to: 0).string == "")
    }

    @Test func putInRectTruncatesAndPads() {
        var screen = Screen(width: 10, height: 1, fill: Cell(base: "."))
        screen.put("東京タワー", in: Rect(x: 1, y: 0, width: 6, height: 1))
        #expect(lines(screen) == [".東京… ..."])
        screen.put("ab", in: Rect(x: 1, y: 0, width: 6, height: 1), alignment: .trailing)
        #expect(lines(screen) == [".    ab..."])
    }

    @Test func stylesAreKeptPerCell() {
        var screen = Screen(width: 4, height: 1)
        screen.put("ab", at: .zero, style: Style(.header, .bold))
        #expect(HeadlessTerminal.renderStyled(screen) == ["{header+bold}ab{/}  "])
    }

    @Test func escapedGlyphsGetTheEscapedRole() {
        var screen = Screen(width: 6, height: 1)
        screen.put("a\u{1B}b", at: .zero)
        #expect(HeadlessTerminal.renderStyled(screen) == ["a{escaped}^[{/}b  "])
    }

    @Test func boxWithTitle() {
        var screen = Screen(width: 12, height: 3)
        screen.drawBox(screen.bounds, title: "Title")
        #expect(lines(screen) == ["┌─ Title ──┐", "│          │", "└──────────┘"])
    }

    @Test func fillAndRestyleRespectBounds() {
        var screen = Screen(width: 3, height: 2)
        screen.fill(Rect(x: 1, y: 1, width: 10, height: 10), with: "#")
        screen.restyle(Rect(x: -5, y: 0, width: 6, height: 1), style: Style(.selection))
        #expect(lines(screen) == ["   ", " ##"])
        #expect(screen[0, 0].style.role == .selection)
        #expect(screen[0, 1].style.role == .normal)
    }

    @Test(arguments: [(1, 1), (2, 1), (1, 5), (10, 3), (0, 0)])
    func framesOfAnySizeDownToOneCell(width: Int, height: Int) {
        let screen = Frame.make(size: Size(width: width, height: height), minimum: Size(width: 80, height: 24)) { _ in
            Issue.record("drew the layout below the minimum size")
        }
        #expect(screen.width == max(1, width))
        #expect(screen.height == max(1, height))
        #expect(lines(screen).count == screen.height)
    }

    @Test func tooSmallNoticeIsShown() {
        let screen = Frame.make(size: Size(width: 30, height: 5), minimum: Size(width: 80, height: 24)) { _ in }
        let text = lines(screen).joined(separator: "\n")
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("need 80×24, have 30×5"))
    }

    @Test func rectGeometry() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 5)
        #expect(rect.splitTop(2).top == Rect(x: 0, y: 0, width: 10, height: 2))
        #expect(rect.splitBottom(1).bottom == Rect(x: 0, y: 4, width: 10, height: 1))
        #expect(rect.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 3))
        #expect(rect.inset(by: 9).isEmpty)
        #expect(rect.intersection(Rect(x: 8, y: 3, width: 5, height: 5)) == Rect(x: 8, y: 3, width: 2, height: 2))
        #expect(rect.intersection(Rect(x: 20, y: 0, width: 1, height: 1)).isEmpty)
        #expect(rect.centered(Size(width: 4, height: 1)) == Rect(x: 3, y: 2, width: 4, height: 1))
    }
}
