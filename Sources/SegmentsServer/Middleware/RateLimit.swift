import Foundation
import Synchronization

/// Fixed-window request counters. A valid key is counted per user; requests
/// with an unknown key are counted per client address, so a flood of made-up
/// keys costs one entry per address, not one per key (issue 16, item 3).
///
/// All counters share one window: when it ends the whole table is dropped at
/// once, so expiry costs nothing per request and no request ever scans the
/// table. The table holds at most `maximumClients` entries; addresses beyond
/// that share one overflow counter (they only ever present unknown keys, so
/// throttling them together harms no valid user).
final class RateLimiter: Sendable {
    enum Decision: Equatable, Sendable {
        case allowed
        /// Seconds until the window resets, at least 1.
        case limited(retryAfter: Int)
    }

    enum Client: Hashable, Sendable {
        /// An authenticated user.
        case user(String)
        /// Whoever presents unknown keys from this address.
        case address(String)
        /// Addresses that found the table full.
        case overflow
    }

    private struct Table {
        var start: ContinuousClock.Instant
        var counts: [Client: Int] = [:]
    }

    private let limit: RateLimit
    let maximumClients: Int
    private let table: Mutex<Table>
    private let clock = ContinuousClock()

    init(limit: RateLimit, maximumClients: Int = 10_000) {
        self.limit = limit
        self.maximumClients = maximumClients
        table = Mutex(Table(start: clock.now))
    }

    func check(_ client: Client, now: ContinuousClock.Instant? = nil) -> Decision {
        let now = now ?? clock.now
        let limit = limit
        let maximumClients = maximumClients
        let (count, windowStart, expired) = table.withLock {
            table -> (Int, ContinuousClock.Instant, [Client: Int]) in
            var expired: [Client: Int] = [:]
            if now - table.start >= limit.window {
                expired = table.counts
                table = Table(start: now)
            }
            var key = client
            if table.counts[key] == nil, table.counts.count >= maximumClients { key = .overflow }
            let count = (table.counts[key] ?? 0) + 1
            table.counts[key] = count
            return (count, table.start, expired)
        }
        // The old window's table is freed here, outside the lock: its size never delays another request.
        _ = expired
        guard count > limit.requests else { return .allowed }
        let remaining = limit.window - (now - windowStart)
        let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
        return .limited(retryAfter: max(1, Int(seconds.rounded(.up))))
    }

    /// Entries in the current window (for tests: it never exceeds `maximumClients` + 1).
    var entryCount: Int { table.withLock { $0.counts.count } }
}
