import Testing

@testable import TerminalUI

@Suite("Key decoding")
struct InputDecoderTests {
    func keys(_ bytes: [UInt8]) -> [Key] {
        InputDecoder.decode(bytes).compactMap { if case .key(let key) = $0 { key } else { nil } }
    }

    func keys(_ text: String) -> [Key] { keys(Array(text.utf8)) }

    @Test func printableAndUTF8Characters() {
        #expect(keys("aZ1 ") == [.character("a"), .character("Z"), .character("1"), .character(" ")])
        #expect(keys("日本🐱é") == [.character("日"), .character("本"), .character("🐱"), .character("é")])
    }

    @Test func arrowsInBothCursorModes() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}[1;5A") == [.up])
    }

    @Test func homeEndPagesInsertDelete() {
        #expect(keys("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}OH\u{1B}OF") == [.home, .end, .home, .end, .home, .end])
        #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[2~\u{1B}[3~") == [.pageUp, .pageDown, .insert, .delete])
    }

    @Test func functionKeys() {
        #expect(keys("\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS") == [.function(1), .function(2), .function(3), .function(4)])
        #expect(keys("\u{1B}[15~\u{1B}[17~\u{1B}[21~\u{1B}[24~") == [.function(5), .function(6), .function(10), .function(12)])
    }

    @Test func tabShiftTabEnterBackspace() {
        #expect(keys("\t\u{1B}[Z\r\n\u{7F}\u{08}") == [.tab, .backTab, .enter, .ctrl("j"), .backspace, .backspace])
    }

    @Test("Alt-Enter (ESC CR) is one key, not Escape then Enter")
    func altEnter() {
        #expect(keys("\u{1B}\r\u{1B}\n") == [.alt("\n"), .alt("\n")])
    }

    @Test func controlLetters() {
        #expect(keys([0x01, 0x03, 0x1A]) == [.ctrl("a"), .ctrl("c"), .ctrl("z")])
    }

    @Test func escapeAloneAltAndDoubleEscape() {
        #expect(keys("\u{1B}") == [.escape])
        #expect(keys("\u{1B}x") == [.alt("x")])
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
        #expect(keys("\u{1B}[") == [.escape, .character("[")])
    }

    @Test func invalidUTF8IsReplaced() {
        #expect(keys([0xFF, 0x61]) == [.character("\u{FFFD}"), .character("a")])
        #expect(keys([0xE6, 0x97]) == [.character("\u{FFFD}"), .character("\u{FFFD}")])
    }

    @Test func sgrMouseReports() {
        let events = InputDecoder.decode("\u{1B}[<0;10;5M\u{1B}[<0;10;5m\u{1B}[<64;1;1M\u{1B}[<65;2;3M")
        #expect(
            events == [
                .mouse(MouseEvent(kind: .press(.left), position: Point(x: 9, y: 4))),
                .mouse(MouseEvent(kind: .release, position: Point(x: 9, y: 4))),
                .mouse(MouseEvent(kind: .wheelUp, position: Point(x: 0, y: 0))),
                .mouse(MouseEvent(kind: .wheelDown, position: Point(x: 1, y: 2))),
            ])
    }

    @Test func cursesCharacterMapping() {
        #expect(CursesKeys.key(forCharacter: 0x0D) == .enter)
        #expect(CursesKeys.key(forCharacter: 0x7F) == .backspace)
        #expect(CursesKeys.key(forCharacter: 0x03) == .ctrl("c"))
        #expect(CursesKeys.key(forCharacter: 0x9B) == nil)
        #expect(CursesKeys.key(forCharacter: 0x65E5) == .character("日"))
    }

    @Test func keyDescriptionsForHelp() {
        #expect(Key.ctrl("c").description == "Ctrl-C")
        #expect(Key.alt("x").description == "Alt-x")
        #expect(Key.pageDown.description == "PgDn")
        #expect(Key.character(" ").description == "Space")
    }
}
