import Foundation

/// When and how long to wait before sending a request again.
///
/// Only idempotent requests (GET, PUT, DELETE) are retried after the server may
/// have seen them: on 429 (waiting as long as `Retry-After` says), on 502/503/504,
/// and when the connection is reset. Any request, POST and PATCH included, is
/// retried when the connection was refused, because then it never left.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included; 1 disables retries.
    public var maximumAttempts: Int
    /// Backoff before the second attempt; it doubles for every further one.
    public var initialBackoff: Duration
    public var maximumBackoff: Duration
    /// A `Retry-After` longer than this is not waited for: the error is returned,
    /// so a view is never stuck behind a server asking for minutes of patience.
    public var maximumRetryAfter: Duration

    public init(
        maximumAttempts: Int = 4, initialBackoff: Duration = .milliseconds(200),
        maximumBackoff: Duration = .seconds(5), maximumRetryAfter: Duration = .seconds(30)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.maximumRetryAfter = maximumRetryAfter
    }

    public static let `default` = RetryPolicy()
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// Exponential backoff with "equal jitter": half the step is fixed, half random,
    /// so clients that failed together do not come back together, yet each waits a
    /// little at least.
    func backoff(beforeAttempt attempt: Int) -> Duration {
        let exponent = max(0, attempt - 2)
        let step = min(seconds(initialBackoff) * pow(2, Double(exponent)), seconds(maximumBackoff))
        return .milliseconds(Int((step / 2 + Double.random(in: 0...(step / 2))) * 1000))
    }

    /// The wait before the next attempt after an answer that may be retried; nil
    /// when `Retry-After` exceeds what we are willing to wait.
    func delay(beforeAttempt attempt: Int, retryAfter: Double?) -> Duration? {
        guard let retryAfter else { return backoff(beforeAttempt: attempt) }
        guard retryAfter <= seconds(maximumRetryAfter) else { return nil }
        return .milliseconds(Int(max(0, retryAfter) * 1000))
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// `Retry-After` as seconds: delta-seconds or an HTTP-date (RFC 9110 10.2.3).
    static func parseRetryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
