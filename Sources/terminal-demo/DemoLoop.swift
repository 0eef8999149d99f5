import TerminalUI

/// The event loop, the same for the real and the headless terminal: handle one event,
/// drain whatever else is already queued, then draw once.
@MainActor
enum DemoLoop {
    static func run(_ terminal: some TerminalBackend, rowCount: Int) async -> DemoState {
        var state = DemoState(rows: DemoData.rows(count: rowCount), size: terminal.size)
        terminal.draw(DemoView.render(state))
        for await event in terminal.events {
            DemoUpdate.apply(event, to: &state)
            if state.quit { break }
            terminal.draw(DemoView.render(state))
        }
        return state
    }
}
