import Testing
@testable import TerminalUI

@Suite("TextArea: a multi-line input")
struct TextAreaTests {
    func typed(_ text: String, into area: inout TextArea) {
        for character in text { area.handle(.character(character)) }
    }

    @Test("Ctrl-J and Alt-Enter break the line at the cursor; Enter is left to the caller")
    func newlines() {
        var area = TextArea()
        typed("blurry", into: &area)
        let ctrlJ = area.handle(.ctrl("j"))
        typed("left side", into: &area)
        let altEnter = area.handle(.alt("\n"))
        #expect(ctrlJ && altEnter)
        typed("too", into: &area)
        #expect(area.text == "blurry\nleft side\ntoo")
        let enter = area.handle(.enter)
        #expect(enter == false, "Enter is the caller's")
    }

    @Test("Backspace at a line's start joins it to the line above, at the join point")
    func backspaceJoins() {
        var area = TextArea("ab\ncd")
        area.handle(.home)
        area.handle(.backspace)
        #expect(area.text == "abcd")
        typed("-", into: &area)
        #expect(area.text == "ab-cd")
    }

    @Test("Delete at a line's end pulls the next line up")
    func deleteJoins() {
        var area = TextArea("ab\ncd")
        area.handle(.up)
        area.handle(.end)
        area.handle(.delete)
        #expect(area.text == "abcd")
        #expect(area.lines.count == 1)
    }

    @Test("Up and down keep the column where they can; left and right cross lines")
    func movement() {
        var area = TextArea("abcdef\nxy")
        area.handle(.up)
        typed("!", into: &area)
        #expect(area.text == "ab!cdef\nxy", "column 2 kept from the short line")
        area.handle(.end)
        area.handle(.right)
        typed("^", into: &area)
        #expect(area.text == "ab!cdef\n^xy")
        area.handle(.left)
        area.handle(.left)
        typed("$", into: &area)
        #expect(area.text == "ab!cdef$\n^xy", "left from a line's start goes to the end of the line above")
    }

    @Test("A pasted text with line breaks keeps them")
    func pasteKeepsLines() {
        var area = TextArea("x")
        area.insert("one\ntwo")
        #expect(area.text == "xone\ntwo")
        #expect(area.row == 1)
    }

    @Test("The modal submits every line on Enter and shows how to break a line")
    func modalSubmits() {
        var modal = Modal.textArea(title: "New issue", prompt: "Describe it:")
        for character in "a" { _ = modal.handle(.character(character)) }
        #expect(modal.handle(.ctrl("j")) == .pending)
        _ = modal.handle(.character("b"))
        #expect(modal.handle(.enter) == .submitted("a\nb"))
        var screen = Screen(width: 80, height: 20)
        modal.render(into: &screen, area: screen.bounds)
        #expect(HeadlessTerminal.render(screen).joined(separator: "\n").contains("Ctrl-J or Alt-Enter: new line"))
        #expect(HeadlessTerminal.render(screen).joined(separator: "\n").contains("Describe it:"))
    }

    @Test("The view follows the cursor past the visible rows")
    func scrollsToCursor() {
        let area = TextArea((1...8).map { "line \($0)" }.joined(separator: "\n"))
        var screen = Screen(width: 20, height: 3)
        area.render(into: &screen, area: screen.bounds)
        #expect(HeadlessTerminal.render(screen).joined(separator: "\n").contains("line 8"))
        #expect(!HeadlessTerminal.render(screen).joined(separator: "\n").contains("line 5"))
    }
}
