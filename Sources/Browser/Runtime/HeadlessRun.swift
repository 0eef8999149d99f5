import Logging
import SegmentsAPI
import TerminalUI

/// `--headless`: no terminal; the events are fed one step at a time, each after the app went
/// idle (nothing queued, nothing in flight), and the final screen comes back as text. A step
/// is one event, or a burst of keys posted together (see `KeyNotation.steps`).
public enum HeadlessRun {
    @MainActor
    public static func run(
        service: any SegmentsService, session: SessionInfo, events: [Event], size: Size, logger: Logger
    ) async -> HeadlessResult {
        await run(service: service, session: session, steps: events.map { [$0] }, size: size, logger: logger)
    }

    @MainActor
    public static func run(
        service: any SegmentsService, session: SessionInfo, steps: [[Event]], size: Size, logger: Logger
    ) async -> HeadlessResult {
        let terminal = HeadlessTerminal(size: size)
        let app = BrowserApp(service: service, terminal: terminal, session: session, logger: logger, ticks: false)
        app.begin()
        let loop = Task { await app.loop() }
        await app.waitUntilIdle()
        for step in steps {
            for event in step {
                if case .resize(let newSize) = event { terminal.send(.resize(newSize)) }
                app.send(event)
            }
            await app.waitUntilIdle()
        }
        let screen = BrowserView.text(app.state)
        app.stop()
        await loop.value
        return HeadlessResult(screen: screen, state: app.state, clipboard: terminal.clipboard)
    }
}

/// What a headless run leaves: the final screen as text, the state, and what was copied.
public struct HeadlessResult: Sendable {
    public var screen: String
    public var state: AppState
    public var clipboard: [String]
}
