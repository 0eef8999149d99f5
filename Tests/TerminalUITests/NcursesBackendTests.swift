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
