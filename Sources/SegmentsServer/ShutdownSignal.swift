import UnixSignals

/// SIGINT/SIGTERM, trapped so `serve` can stop the server gracefully (finishing
/// in-flight requests) instead of dying mid-response. Trap before announcing the
/// server, so a signal sent right after "Listening on" is not fatal.
public struct ShutdownSignal: Sendable {
    private let signals: UnixSignalsSequence

    public static func trap() async -> ShutdownSignal {
        ShutdownSignal(signals: await UnixSignalsSequence(trapping: .sigint, .sigterm))
    }

    /// Returns the name of the signal that arrived ("SIGINT" or "SIGTERM").
    public func wait() async -> String {
        for await signal in signals {
            return signal == .sigint ? "SIGINT" : "SIGTERM"
        }
        return "end of signal stream"
    }
}
