import CMalloc

/// How the browser keeps its heap to what is live. It is one person's program, waiting on
/// keys and the network, not a server: glibc's defaults are tuned for the other case.
public enum HeapPolicy {
    /// glibc gives each thread that allocates an arena of its own (up to eight per core), so
    /// that threads never wait for each other's `malloc`; each arena then keeps its own freed
    /// memory. The browser's threads (the effect runner's tasks, SQLite's readers, the HTTP
    /// client's event loop) seldom allocate at the same moment, and one arena from the start
    /// holds ~1.5 MiB less (docs/performance.md, "Memory"). Call it first, before other
    /// threads allocate: a thread keeps the arena it was given. `serve` does not: it answers
    /// many at once.
    public static func useOneArena() {
        _ = tui_malloc_single_arena()
    }

    /// glibc hands memory back only from the top of the heap; what is freed below a live
    /// block stays in the process. After a burst of work (a page decoded, a picture drawn)
    /// the whole free pages go back to the kernel (`malloc_trim`: 0.2–0.7 ms for a heap of a
    /// few MiB in 30,000 free pieces, measured with a C program on this machine).
    static func returnFreePages() {
        _ = tui_malloc_trim()
    }
}

/// When to give freed heap back: once a burst of work is over (requests were in flight and
/// none is now), at most once per `spacing`, so that holding a key while pages land does
/// not trim after every page. Pure: the loop passes the time.
struct HeapTrimSchedule {
    let spacing: Duration
    private var workSinceTrim = false
    private var lastTrim: ContinuousClock.Instant?

    init(spacing: Duration = .seconds(1)) {
        self.spacing = spacing
    }

    /// Called after each frame; true when the heap should be trimmed now.
    mutating func shouldTrim(busy: Bool, at now: ContinuousClock.Instant) -> Bool {
        if busy {
            workSinceTrim = true
            return false
        }
        guard workSinceTrim else { return false }
        if let lastTrim, now - lastTrim < spacing { return false }
        workSinceTrim = false
        lastTrim = now
        return true
    }
}
