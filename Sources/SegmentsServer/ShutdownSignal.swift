import UnixSignals

/// Waits for SIGINT or SIGTERM, so `serve` can stop the server gracefully
/// (finishing in-flight requests) instead of dying mid-response.
public enum ShutdownSignal {
    /// Returns the name of the signal that arrived ("SIGINT" or "SIGTERM").
    public static func wait() async -> String {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        for await signal in signals {
            return signal == .sigint ? "SIGINT" : "SIGTERM"
        }
        return "end of signal stream"
    }
}
