import Foundation
import Synchronization

/// A fixed-window request counter per API key. Keys are held as `Hasher` values
/// (seeded per process), so the limiter never keeps key text around.
/// The whole state is a dictionary behind a mutex: one increment per request.
final class RateLimiter: Sendable {
    enum Decision: Equatable, Sendable {
        case allowed
        /// Seconds until the window resets, at least 1.
        case limited(retryAfter: Int)
    }

    private struct Window {
        var start: ContinuousClock.Instant
        var count: Int
    }

    private let limit: RateLimit
    private let windows = Mutex<[Int: Window]>([:])
    private let clock = ContinuousClock()

    init(limit: RateLimit) {
        self.limit = limit
    }

    func check(key: String, now: ContinuousClock.Instant? = nil) -> Decision {
        let now = now ?? clock.now
        let id = key.hashValue
        let limit = limit
        let window = windows.withLock { windows -> Window in
            if windows.count > 10_000 {
                // Keeps memory bounded when many different (e.g. invalid) keys are tried.
                windows = windows.filter { now - $0.value.start < limit.window }
            }
            var window = windows[id] ?? Window(start: now, count: 0)
            if now - window.start >= limit.window { window = Window(start: now, count: 0) }
            window.count += 1
            windows[id] = window
            return window
        }
        guard window.count > limit.requests else { return .allowed }
        let remaining = limit.window - (now - window.start)
        let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
        return .limited(retryAfter: max(1, Int(seconds.rounded(.up))))
    }
}
