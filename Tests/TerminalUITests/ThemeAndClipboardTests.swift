import Testing

@testable import TerminalUI

@Suite("Themes and clipboard")
struct ThemeAndClipboardTests {
    @Test func themeFollowsColourCount() {
        #expect(Theme.forTerminal(colorCount: 256, environment: [:]).kind == .color256)
        #expect(Theme.forTerminal(colorCount: 16, environment: [:]).kind == .color16)
        #expect(Theme.forTerminal(colorCount: 8, environment: [:]).kind == .color16)
        #expect(Theme.forTerminal(colorCount: 2, environment: [:]).kind == .monochrome)
        #expect(Theme.forTerminal(colorCount: 256, hasColors: false, environment: [:]).kind == .monochrome)
    }

    @Test func noColorWins() {
        #expect(Theme.forTerminal(colorCount: 256, environment: ["NO_COLOR": "1"]).kind == .monochrome)
        #expect(Theme.forTerminal(colorCount: 256, environment: ["NO_COLOR": ""]).kind == .color256)
        #expect(Theme.forTerminal(colorCount: 256, environment: [:], noColorFlag: true).kind == .monochrome)
    }

    @Test func monochromeStillDistinguishesSelection() {
        #expect(Theme.monochrome.appearance(of: .selection).attributes.contains(.reverse))
        for role in ColorRole.allCases {
            let appearance = Theme.monochrome.appearance(of: role)
            #expect(appearance.foreground == .default && appearance.background == .default)
        }
    }

    @Test func sixteenColourThemeUsesOnlyTheEightBaseColours() {
        for role in ColorRole.allCases {
            let appearance = Theme.default16.appearance(of: role)
            for color in [appearance.foreground, appearance.background] {
                if case .indexed(let index) = color { #expect(index < 8) }
            }
        }
    }

    @Test func osc52Sequence() {
        #expect(Clipboard.osc52Sequence(for: "hello") == "\u{1B}]52;c;aGVsbG8=\u{07}")
        #expect(Clipboard.base64(Array("ab".utf8)) == "YWI=")
        #expect(Clipboard.base64(Array("abc".utf8)) == "YWJj")
        #expect(Clipboard.base64([]) == "")
    }

    @Test func osc52PayloadCannotEndTheSequence() throws {
        let sequence = try #require(Clipboard.osc52Sequence(for: "\u{07}\u{1B}\\ 東京"))
        let payload = sequence.dropFirst(7).dropLast()
        #expect(payload.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) })
    }

    @Test func osc52RefusesOversizedText() {
        #expect(Clipboard.osc52Sequence(for: String(repeating: "x", count: Clipboard.maxBytes + 1)) == nil)
    }
}
