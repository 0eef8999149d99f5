import Foundation
import Testing

@testable import TerminalUI

/// Which rows the terminal scrolls between two frames, and what it shows after the scroll.
@Suite("frame scroll")
struct FrameScrollTests {
    /// A screen whose rows hold `texts` (row 0 first), each in `style`, except row `bar` in
    /// the selection style.
    static func screen(_ texts: [String], bar: Int? = nil, width: Int = 20) -> Screen {
        var screen = Screen(width: width, height: texts.count)
        for (y, text) in texts.enumerated() {
            screen.put(DisplayText(text), in: Rect(x: 0, y: y, width: width, height: 1), style: y == bar ? Style(.selection) : .plain)
        }
        return screen
    }

    static func rows(_ range: ClosedRange<Int>) -> [String] { range.map { "row \($0)" } }

    @Test func aTableScrolledByOneRowIsOneShiftOfItsRows() {
        let old = Self.screen(["header"] + Self.rows(0...9) + ["footer"])
        let new = Self.screen(["header"] + Self.rows(1...10) + ["footer"])
        let shifts = FrameScroll.shifts(from: old, to: new)
        #expect(shifts == [RowShift(rows: 1..<10, offset: 1)])
        #expect(shifts.first?.region == 1...10)
        #expect(shifts.first?.vacated == 10..<11)
    }

    @Test func scrollingBackIsANegativeShift() {
        let old = Self.screen(["header"] + Self.rows(5...14) + ["footer"])
        let new = Self.screen(["header"] + Self.rows(3...12) + ["footer"])
        let shifts = FrameScroll.shifts(from: old, to: new)
        #expect(shifts == [RowShift(rows: 3..<11, offset: -2)])
        #expect(shifts.first?.region == 1...10)
        #expect(shifts.first?.vacated == 1..<3)
    }

    /// The selection bar stays on the last row while the rows scroll under it: the row that
    /// loses the bar and the row that gets it are not moves (their colours changed), so the
    /// scroll stops above them and the two bar rows differ only in their characters.
    @Test func rowsThatGainOrLoseTheBarAreNotMoved() {
        let old = Self.screen(["header"] + Self.rows(0...9) + ["footer"], bar: 10)
        let new = Self.screen(["header"] + Self.rows(1...10) + ["footer"], bar: 10)
        let shifts = FrameScroll.shifts(from: old, to: new)
        #expect(shifts == [RowShift(rows: 1..<9, offset: 1)])
        let scrolled = FrameScroll.scrolled(old, by: shifts)
        #expect(TextRenderer.line(scrolled, row: 8) == TextRenderer.line(new, row: 8))
        #expect(TextRenderer.line(scrolled, row: 9).allSatisfy { $0 == " " }, "the row the scroll leaves is blank")
        #expect(scrolled.row(10) == old.row(10), "the bar row is not part of the scroll")
    }

    @Test func rowsSeenTwiceBeforeAreNotMatchedAndShortRunsAreRedrawn() {
        let repeated = Self.screen(["a", "same", "same", "b", "c", "d"])
        let moved = Self.screen(["same", "same", "b", "c", "d", "e"])
        #expect(FrameScroll.shifts(from: repeated, to: moved) == [RowShift(rows: 2..<5, offset: 1)])
        let old = Self.screen(["a", "b", "c", "d", "e", "f"])
        let new = Self.screen(["b", "c", "x", "y", "z", "f"])
        #expect(FrameScroll.shifts(from: old, to: new).isEmpty, "two moved rows are cheaper to redraw")
        #expect(FrameScroll.shifts(from: old, to: old).isEmpty)
    }

    @Test func theScrolledFrameIsTheOldOneWithTheMovedRowsInPlace() {
        let old = Self.screen(["header"] + Self.rows(0...9) + ["footer"])
        let new = Self.screen(["header"] + Self.rows(3...12) + ["footer"])
        let shifts = FrameScroll.shifts(from: old, to: new)
        let scrolled = FrameScroll.scrolled(old, by: shifts)
        for y in 0..<8 { #expect(scrolled.row(y) == new.row(y)) }
        for y in 8..<11 { #expect(TextRenderer.line(scrolled, row: y).allSatisfy { $0 == " " }) }
        #expect(scrolled.row(11) == old.row(11))
    }
}
