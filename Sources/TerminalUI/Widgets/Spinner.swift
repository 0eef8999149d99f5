/// An activity indicator. Frames are chosen by a tick count, so the spinner is a pure function
/// of time and only its one cell changes per tick.
public struct Spinner: Hashable, Sendable {
    public var frames: [DisplayText]
    /// Suggested time between ticks.
    public var intervalMilliseconds: Int

    public init(frames: [DisplayText], intervalMilliseconds: Int = 100) {
        self.frames = frames.isEmpty ? [" "] : frames
        self.intervalMilliseconds = intervalMilliseconds
    }

    public static let braille = Spinner(frames: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])
    public static let ascii = Spinner(frames: ["|", "/", "-", "\\"])

    public func frame(tick: Int) -> DisplayText {
        frames[((tick % frames.count) + frames.count) % frames.count]
    }
}
