/// A release created in this session, polled with `getRelease` until it finishes: after 1s,
/// then doubling to at most 8s between checks. One poll at a time (its own slot).
public struct ReleaseWatch: Hashable, Sendable {
    public static let firstInterval = 1
    public static let maxInterval = 8

    public var name: String
    /// Seconds until the next check.
    public var interval = ReleaseWatch.firstInterval
    /// When the status was last asked for (epoch seconds).
    public var lastChecked: Int64

    public init(name: String, lastChecked: Int64) {
        self.name = name
        self.lastChecked = lastChecked
    }

    /// The wait after this one.
    public var backedOff: Int { min(interval * 2, Self.maxInterval) }
}
