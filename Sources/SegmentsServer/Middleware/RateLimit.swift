import Foundation

/// A fixed-window request counter per API key. Keys are held as `Hasher` values
/// (seeded per process), so the limiter never keeps key text around.
/// The whole state is a dictionary behind a lock: one increment per request.
final class RateLimiter: @unchecked Sendable {
    enum Decision: Equatable, Sendable {
        case allowed
        /// Seconds until the window resets, at least 1.
        case limited(retryAfter: Int)
    }

    private let limit: RateLimit
    private let lock = NSLock()
    private var windows: [Int: (start: ContinuousClock.Instant, count: Int)] = [:]
    private let clock = ContinuousClock()

    init(limit: RateLimit) {
        self.limit = limit
    }

    func check(key: String, now: ContinuousClock.Instant? = nil) -> Decision {
        let now = now ?? clock.now
        let id = key.hashValue
        lock.lock()
        defer { lock.unlock() }
        if windows.count > 10_000 { pruneExpired(now: now) }
        var window = windows[id] ?? (now, 0)
        if now - window.start >= limit.window { window = (now, 0) }
        window.count += 1
        windows[id] = window
        guard window.count > limit.requests else { return .allowed }
        let remaining = limit.window - (now - window.start)
        let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
        return .limited(retryAfter: max(1, Int(seconds.rounded(.up))))
    }

    /// Keeps memory bounded when many different (e.g. invalid) keys are tried.
    private func pruneExpired(now: ContinuousClock.Instant) {
        windows = windows.filter { now - $0.value.start < limit.window }
    }
}
