import Testing

@testable import TerminalUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayText("hello world").width == 11)
    }

    @Test func cjkAndFullWidthAreTwoColumns() {
        #expect(DisplayText("東京").width == 4)
        #expect(DisplayText("タワー").width == 6)
        #expect(DisplayText("ｆｕｌｌ").width == 8)
        #expect(DisplayText("한국어").width == 6)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayText("🐱").width == 2)
        #expect(DisplayText("a🐶b").width == 4)
    }

    @Test func combiningMarksAreZeroColumns() {
        let decomposed = DisplayText("e\u{301}")
        #expect(decomposed.width == 1)
        #expect(decomposed.glyphs.count == 1)
        #expect(decomposed.glyphs[0].marks.scalars == ["\u{301}"])
        #expect(DisplayText("Cafe\u{301}").width == 4)
    }

    @Test func leadingCombiningMarkGetsAVisibleBase() {
        let text = DisplayText("\u{301}x")
        #expect(text.width == 2)
        #expect(text.glyphs[0].base == "\u{25CC}")
    }

    @Test func tooManyMarksAreDropped() {
        let zalgo = DisplayText("a" + String(repeating: "\u{301}", count: 10))
        #expect(zalgo.width == 1)
        #expect(zalgo.glyphs[0].marks.count == CombiningMarks.capacity)
    }

    /// ZWJ sequences are drawn as their parts and joiners are not sent, so that every
    /// terminal shows them in the columns ncurses counted (lazygit#2702).
    @Test func zwjFamilyIsItsPartsWithoutJoiners() {
        let family = DisplayText("👨‍👩‍👧")
        #expect(family.width == 6)
        #expect(family.glyphs.map(\.base) == ["👨", "👩", "👧"])
        #expect(family.graphemeRanges.count == 1)
    }

    @Test func flagIsOneClusterOfTwoGlyphs() {
        let flag = DisplayText("🇯🇵")
        #expect(flag.graphemeRanges == [0..<2])
        #expect(flag.width == 2)
    }

    @Test func variationSelectorsAreDropped() {
        let heart = DisplayText("❤\u{FE0F}")
        #expect(heart.width == 1)
        #expect(heart.glyphs.count == 1)
        #expect(heart.glyphs[0].marks.isEmpty)
    }

    @Test func widthAgreesWithWcwidth() {
        #expect(DisplayWidth.of("A" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("日" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{1B}" as Unicode.Scalar) == -1)
        #expect(DisplayWidth.of("\u{9B}" as Unicode.Scalar) == -1)
    }
}
