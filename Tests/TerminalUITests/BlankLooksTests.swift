import Testing

@testable import TerminalUI

/// How blanks are drawn so that ncurses sends the fewest colour changes and cells.
@Suite("blank looks")
struct BlankLooksTests {
    static let muted = CellLook(attributes: 0, pair: 9, background: .default, marksBlanks: false)
    static let accent = CellLook(attributes: 0, pair: 8, background: .default, marksBlanks: false)
    static let bar = CellLook(attributes: 1, pair: 3, background: .indexed(25), marksBlanks: false)
    static let barBlank = CellLook(attributes: 0, pair: 3, background: .indexed(25), marksBlanks: false)
    static let reversed = CellLook(attributes: 2, pair: 0, background: .default, marksBlanks: true)

    /// Looks and blank flags of a row: a letter is a cell of that look, a space a blank of it.
    static func row(_ cells: [(Character, CellLook)]) -> (own: [CellLook?], isBlank: [Bool]) {
        (cells.map { $0.1 }, cells.map { $0.0 == " " })
    }

    @Test("a short run of blanks takes the look before it: \"8d ago\" is one colour run")
    func shortGapsAreBridged() {
        let (own, isBlank) = Self.row([("8", Self.muted), ("d", Self.muted), (" ", .terminalBlank), ("a", Self.muted)])
        let looks = BlankLooks.choose(own: own, isBlank: isBlank) { _ in .terminalBlank }
        #expect(looks[2] == Self.muted)
    }

    @Test("a long run stays the terminal's blank where the terminal shows blanks already")
    func longRunsKeepWhatIsOnScreen() {
        let cells: [(Character, CellLook)] = [("x", Self.accent)] + Array(repeating: (" ", .terminalBlank), count: 10) + [("y", Self.muted)]
        let (own, isBlank) = Self.row(cells)
        let onBlankScreen = BlankLooks.choose(own: own, isBlank: isBlank) { _ in .terminalBlank }
        #expect(onBlankScreen[1...10].allSatisfy { $0 == .terminalBlank }, "nothing to send for them")
        // Where the old text was longer the blanks differ anyway; where they held the text's
        // look before, continuing it sends less.
        let onAccentBlanks = BlankLooks.choose(own: own, isBlank: isBlank) { _ in Self.accent }
        #expect(onAccentBlanks[1...10].allSatisfy { $0 == Self.accent })
        let overText = BlankLooks.choose(own: own, isBlank: isBlank) { _ in nil }
        #expect(overText[1...10].allSatisfy { $0 == .terminalBlank }, "even: the blank, which stays put when the text changes")
    }

    @Test("blanks on a coloured background continue the look before them; reverse blanks keep theirs")
    func colouredAndMarkedBlanks() {
        let (own, isBlank) = Self.row([("a", Self.bar), (" ", Self.barBlank), (" ", Self.barBlank), ("b", Self.bar), (" ", Self.reversed)])
        var blanks = isBlank
        blanks[4] = false  // a reversed space is not a free blank
        let looks = BlankLooks.choose(own: own, isBlank: blanks) { _ in nil }
        #expect(looks[1] == Self.bar && looks[2] == Self.bar, "no bold switch inside the bar")
        #expect(looks[4] == Self.reversed)
    }

    @Test("the right half of a wide glyph is never written")
    func continuationCellsStayUnwritten() {
        let own: [CellLook?] = [Self.muted, nil, .terminalBlank]
        let looks = BlankLooks.choose(own: own, isBlank: [false, false, true]) { _ in .terminalBlank }
        #expect(looks[1] == nil)
    }
}
