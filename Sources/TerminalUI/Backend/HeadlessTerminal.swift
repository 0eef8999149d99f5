/// A terminal with no terminal: frames are kept as Screens and rendered to text, events are
/// sent by the test (or a `--headless` script). Shares everything but ncurses with the real one.
@MainActor
public final class HeadlessTerminal: TerminalBackend {
    public private(set) var size: Size
    public let theme: Theme
    public let events: AsyncStream<TerminalEvent>
    private let continuation: AsyncStream<TerminalEvent>.Continuation

    /// The last frame drawn.
    public private(set) var lastScreen: Screen?
    public private(set) var frameCount = 0
    /// Texts copied to the clipboard, oldest first.
    public private(set) var clipboard: [String] = []

    public init(size: Size, theme: Theme = .monochrome) {
        self.size = size
        self.theme = theme
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    public func draw(_ screen: Screen) {
        lastScreen = screen
        frameCount += 1
    }

    public func copyToClipboard(_ text: String) {
        clipboard.append(text)
    }

    /// Delivers an event; a resize also changes `size`.
    public func send(_ event: TerminalEvent) {
        if case .resize(let newSize) = event { size = newSize }
        continuation.yield(event)
    }

    /// Delivers the events that `bytes` decode to, as if typed.
    public func type(_ bytes: [UInt8]) {
        InputDecoder.decode(bytes).forEach(send)
    }

    /// Ends the event stream.
    public func finish() {
        continuation.finish()
    }

    /// The last frame as plain text lines (empty before the first frame).
    public var lines: [String] {
        lastScreen.map(TextRenderer.lines) ?? []
    }

    /// The last frame with style markers.
    public var styledLines: [String] {
        lastScreen.map(TextRenderer.styledLines) ?? []
    }

    nonisolated public static func render(_ screen: Screen) -> [String] {
        TextRenderer.lines(screen)
    }

    nonisolated public static func renderStyled(_ screen: Screen) -> [String] {
        TextRenderer.styledLines(screen)
    }
}
