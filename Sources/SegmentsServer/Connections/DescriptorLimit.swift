#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open-file limit, which bounds how many connections `serve` can hold.
public enum DescriptorLimit {
    /// Descriptors kept free of connections: SQLite (database, WAL, shared memory,
    /// one per pooled reader), the access log, asset files being read or written.
    public static let reserved = 64

    /// Raises the soft RLIMIT_NOFILE to the hard limit (the default soft limit of
    /// 1024 is far below what a server may use) and returns the soft limit now in force.
    @discardableResult
    public static func raiseSoftLimitToHard() -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        // An unlimited hard limit cannot be the soft one for descriptors (Linux caps it at nr_open).
        let target = min(limit.rlim_max, rlim_t(1 << 20))
        if limit.rlim_cur < target {
            var raised = limit
            raised.rlim_cur = target
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// The soft limit in force now.
    public static func current() -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        return Int(clamping: limit.rlim_cur)
    }

    /// Connections to accept at most with `limit` descriptors: what is left after the reserve.
    public static func connectionCap(forLimit limit: Int) -> Int {
        max(16, limit - reserved)
    }

    #if canImport(Glibc)
        private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resource = RLIMIT_NOFILE
    #endif
}
