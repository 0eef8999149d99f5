import Testing

@testable import TerminalUI

@Suite("Sanitising")
struct SanitizerTests {
    /// Nothing in 0x00–0x1F, 0x7F, 0x80–0x9F may survive into a glyph.
    @Test(arguments: Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F))
    func everyControlCharacterBecomesVisible(code: Int) throws {
        let scalar = try #require(Unicode.Scalar(UInt32(code)))
        let text = DisplayText("a" + String(Character(scalar)) + "b")
        for glyph in text.glyphs {
            #expect(!Self.isControl(glyph.base), "U+\(String(code, radix: 16)) leaked")
            for mark in glyph.marks.scalars { #expect(!Self.isControl(mark)) }
        }
        #expect(text.glyphs.first?.base == "a")
        #expect(text.glyphs.last?.base == "b")
        if code != 0x09 { #expect(text.containsEscapes) }
        #expect(text.width == text.glyphs.reduce(0) { $0 + Int($1.width) })
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    @Test func escapeIsShownInCaretNotation() {
        let text = DisplayText("x\u{1B}]0;PWNED\u{07}y")
        #expect(text.string == "x^[]0;PWNED^Gy")
        #expect(text.containsEscapes)
        #expect(text.glyphs.filter(\.isEscaped).count == 4)
    }

    @Test func deleteAndC1AreVisible() {
        #expect(DisplayText("a\u{7F}").string == "a^?")
        #expect(DisplayText("a\u{9B}31m").string == "a\\u{9B}31m")
    }

    @Test(arguments: [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C])
    func bidiControlsAreVisible(code: Int) throws {
        let scalar = try #require(Unicode.Scalar(UInt32(code)))
        let text = DisplayText("abc" + String(Character(scalar)) + "exe")
        #expect(text.string == "abc\\u{\(String(code, radix: 16, uppercase: true))}exe")
        #expect(text.containsEscapes)
    }

    @Test func invisibleFormatCharactersAreVisible() {
        #expect(DisplayText("a\u{200B}b").string == "a\\u{200B}b")
        #expect(DisplayText("\u{FEFF}x").string == "\\u{FEFF}x")
    }

    @Test func lineBreaksBecomeOneMarkerEach() {
        #expect(DisplayText("a\r\nb").string == "a\u{23CE}b")
        #expect(DisplayText("a\nb\rc").string == "a\u{23CE}b\u{23CE}c")
        #expect(DisplayText("a\u{2028}b").string == "a\u{23CE}b")
    }

    @Test func tabsExpandToTabStops() {
        #expect(DisplayText("a\tb").string == "a   b")
        #expect(DisplayText("abcd\tb").string == "abcd    b")
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let text = DisplayText(bytes: [0x61, 0xFF, 0xC3, 0x62])
        #expect(text.string == "a\u{FFFD}\u{FFFD}b")
    }

    @Test func literalsAndInterpolationsAreSanitised() {
        let hostile = "\u{1B}[2J"
        let interpolated: DisplayText = "name: \(hostile)"
        #expect(interpolated.string == "name: ^[[2J")
    }

    @Test func multiLineTextSplitsBeforeSanitising() {
        let lines = DisplayText.lines("one\r\ntwo\nthree\u{1B}")
        #expect(lines.map(\.string) == ["one", "two", "three^["])
    }

    @Test func plainTextIsUntouched() {
        let text = DisplayText("東京タワー 🐱 Café")
        #expect(text.string == "東京タワー 🐱 Café")
        #expect(!text.containsEscapes)
    }
}
