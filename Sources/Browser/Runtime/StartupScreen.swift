import TerminalUI

/// The browser's frame before it has a service: the header, the empty panes and a line
/// saying what start-up is doing, painted as soon as the terminal is set up (opening the
/// workspace, seeding the demo on first start) and replaced by the browser's own frames
/// once it runs. Only the cells that differ reach the terminal then.
@MainActor
public final class StartupScreen {
    private let terminal: any TerminalBackend
    private var state: AppState

    public init(terminal: any TerminalBackend, session: SessionInfo) {
        self.terminal = terminal
        state = AppState(size: terminal.size, session: SessionInfo(server: session.server, readOnly: session.readOnly))
    }

    /// Paints the frame, with `progress` on the status line.
    public func show(_ progress: String? = nil) {
        state.size = terminal.size
        state.message = progress.map { StatusMessage(kind: .info, text: $0) }
        terminal.draw(BrowserView.render(state))
    }

    /// Runs `work` with `progress` and a turning spinner on the status line.
    public func showing<T: Sendable>(_ progress: String, while work: () async throws -> T) async rethrows -> T {
        let ticker = Task { @MainActor [weak self] in
            var tick = 0
            while !Task.isCancelled {
                self?.show(Spinner.braille.frame(tick: tick).string + " " + progress)
                tick += 1
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        defer { ticker.cancel() }
        return try await work()
    }
}
