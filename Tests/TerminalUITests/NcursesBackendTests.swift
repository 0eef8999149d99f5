import Foundation
import Testing

@testable import TerminalUI

/// The real ncurses backend, on a screen that writes to /dev/null: what ncurses holds after
/// a frame must be exactly what the headless backend shows for the same Screen.
@Suite("ncurses backend (offscreen)", .serialized)
@MainActor
struct NcursesBackendTests {
    @Test func ncursesHoldsWhatTheHeadlessBackendShows() throws {
        let terminal = try NcursesTerminal(offscreenSize: Size(width: 30, height: 5))
        defer { terminal.stop() }
        #expect(terminal.size == Size(width: 30, height: 5))
        var screen = Screen(size: terminal.size)
        screen.drawBox(screen.bounds, title: "東京")
        screen.put("猫🐱 Café\u{301} \u{1B}[2J", at: Point(x: 1, y: 1), style: Style(.selection))
        screen.put("🇯🇵 e\u{301}\u{302}", at: Point(x: 1, y: 2))
        terminal.draw(screen)
        #expect(terminal.readBackLines() == HeadlessTerminal.render(screen))
    }

    @Test func incrementalFramesOnlyRewriteChangedRowsButEndIdentical() throws {
        let terminal = try NcursesTerminal(offscreenSize: Size(width: 20, height: 4))
        defer { terminal.stop() }
        var screen = Screen(size: terminal.size)
        screen.put("first 東京", at: Point(x: 0, y: 0))
        screen.put("unchanged", at: Point(x: 0, y: 3))
        terminal.draw(screen)
        screen.put("second", at: Point(x: 0, y: 0))
        screen.put("x", at: Point(x: 7, y: 0))
        terminal.draw(screen)
        #expect(terminal.readBackLines() == HeadlessTerminal.render(screen))
    }

    @Test("a tinted cell is drawn in the nearest of xterm's 256 colours over its role's background")
    func tintedCellsGetTheirOwnColour() throws {
        var options = NcursesTerminal.Options()
        options.honoursNoColorVariable = false
        let terminal = try NcursesTerminal(offscreenSize: Size(width: 10, height: 2), options: options)
        defer { terminal.stop() }
        var screen = Screen(size: terminal.size)
        let red = TerminalRGB(red: 230, green: 25, blue: 75)
        screen.put("■", at: Point(x: 0, y: 0), style: Style(.accent, tint: red))
        screen.put("■", at: Point(x: 2, y: 0), style: Style(.accent))
        terminal.draw(screen)
        try #require(terminal.theme.usesColor, "xterm-256color has colours")
        let tinted = try #require(terminal.readBackColors(x: 0, y: 0))
        let plain = try #require(terminal.readBackColors(x: 2, y: 0))
        #expect(tinted.foreground == red.xterm256Index)
        #expect(tinted.background == plain.background)
        #expect(plain.foreground != red.xterm256Index)
    }

    @Test("xterm-256 indexes: the cube for colours, the grey ramp for greys")
    func xterm256Nearest() {
        #expect(TerminalRGB(red: 255, green: 0, blue: 0).xterm256Index == 196)
        #expect(TerminalRGB(red: 0, green: 0, blue: 0).xterm256Index == 16)
        #expect(TerminalRGB(red: 128, green: 128, blue: 128).xterm256Index == 244)
        #expect(TerminalRGB(red: 0, green: 135, blue: 255).xterm256Index == 33)
        #expect(TerminalRGB(red: 230, green: 25, blue: 75).description == "#e6194b")
    }

    @Test func onlyOneTerminalAtATime() throws {
        let terminal = try NcursesTerminal(offscreenSize: Size(width: 10, height: 2))
        #expect(throws: TerminalError.alreadyActive) { try NcursesTerminal(offscreenSize: Size(width: 10, height: 2)) }
        terminal.stop()
        terminal.stop()
        let again = try NcursesTerminal(offscreenSize: Size(width: 10, height: 2))
        again.stop()
    }

    @Test func themeFromTerminalCapabilities() throws {
        let colour = try NcursesTerminal(offscreenSize: Size(width: 10, height: 2))
        let colourKind = colour.theme.kind
        colour.stop()
        let mono = try NcursesTerminal(offscreenSize: Size(width: 10, height: 2), options: .init(noColor: true))
        let monoKind = mono.theme.kind
        mono.stop()
        let vt100 = try NcursesTerminal(offscreenSize: Size(width: 10, height: 2), termType: "vt100")
        let vt100Kind = vt100.theme.kind
        vt100.stop()
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        #expect(colourKind == (noColor ? .monochrome : .color256))
        #expect(monoKind == .monochrome)
        #expect(vt100Kind == .monochrome)
    }
}
