/// What the application needs from a terminal: its size and theme, a stream of events,
/// and a way to show a finished frame. `NcursesTerminal` is the real one;
/// `HeadlessTerminal` renders to text for tests and `--headless` runs.
@MainActor
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    var theme: Theme { get }
    /// Keys, mouse, resizes and redraw requests. Finishes when the terminal stops.
    var events: AsyncStream<TerminalEvent> { get }
    /// Shows `screen`. Only cells that changed since the last frame reach the terminal.
    func draw(_ screen: Screen)
    /// Puts `text` on the user's clipboard (OSC 52, which also works over SSH).
    func copyToClipboard(_ text: String)
}
