import Testing

@testable import TerminalUI

// In the offscreen backend's suite, which runs its tests one at a time (one ncurses screen
// per process).
extension NcursesBackendTests {
    @Test("keys typed during the terminal query are the terminal's first events, in order")
    func typeAheadComesFirst() async throws {
        var options = NcursesTerminal.Options()
        // What `TerminalQuery` hands on when `j`, Enter, Down, Alt-x and `ü` were typed around the replies.
        let (_, typeAhead) = TerminalReplyParser.parse(
            Array("j\u{1B}_Gi=31;OK\u{1B}\\\r\u{1B}[?62;4c\u{1B}[B\u{1B}xü".utf8))
        options.typeAhead = typeAhead
        let terminal = try NcursesTerminal(offscreenSize: Size(width: 20, height: 4), options: options)
        terminal.stop()
        var events: [TerminalEvent] = []
        for await event in terminal.events { events.append(event) }
        #expect(events == [.key(.character("j")), .key(.enter), .key(.down), .key(.alt("x")), .key(.character("ü"))])
    }

    @Test("without type-ahead the terminal starts with no events")
    func noTypeAheadNoEvents() async throws {
        let terminal = try NcursesTerminal(offscreenSize: Size(width: 20, height: 4))
        terminal.stop()
        var events: [TerminalEvent] = []
        for await event in terminal.events { events.append(event) }
        #expect(events.isEmpty)
    }
}
