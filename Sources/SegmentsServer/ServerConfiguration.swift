import Foundation

/// How many requests one API key may make per time window.
public struct RateLimit: Sendable, Hashable {
    public var requests: Int
    public var window: Duration

    public init(requests: Int, per window: Duration) {
        self.requests = requests
        self.window = window
    }

    /// What `segments-tui serve` uses unless told otherwise: generous for scripts, a brake on runaway loops.
    public static let serveDefault = RateLimit(requests: 600, per: .seconds(60))
}

/// Where the access log goes. It never contains API keys or request bodies.
public enum AccessLogDestination: Sendable, Hashable {
    case none
    case stderr
    case file(URL)
}

/// Everything that shapes one running server.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 binds an ephemeral port; read it back from `RunningServer.port`.
    public var port: Int = 8321
    /// The origin clients reach the server at, when it differs from the Host header (e.g. behind a proxy).
    public var publicURL: String? = nil
    /// Largest accepted request body, both as sent and after gunzip.
    public var maxBodyBytes: Int = 64 << 20
    /// Requests per window per API key; nil means unlimited.
    public var rateLimit: RateLimit? = nil
    public var accessLog: AccessLogDestination = .none
    /// Time a connection gets to send a complete request head, from when it opens
    /// and from the first byte of each later request.
    public var headerTimeout: Duration = .seconds(10)
    /// Time a connection may sit without a request before it is closed (keep-alive included).
    public var idleTimeout: Duration = .seconds(60)
    /// Connections held open at most; further ones wait in the listen backlog.
    /// Nil: what the descriptor limit leaves after `DescriptorLimit.reserved`.
    public var maxConnections: Int? = nil

    public init(
        host: String = "127.0.0.1", port: Int = 8321, publicURL: String? = nil, maxBodyBytes: Int = 64 << 20,
        rateLimit: RateLimit? = nil, accessLog: AccessLogDestination = .none,
        headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60), maxConnections: Int? = nil
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.rateLimit = rateLimit
        self.accessLog = accessLog
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}
