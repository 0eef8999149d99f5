/// Which way and how fast the samples table last moved; the read-ahead follows it.
public struct ScrollMotion: Hashable, Sendable {
    /// +1 towards the end, -1 towards the start.
    public var direction = 1
    /// Rows the selection moved at the last step.
    public var rows = 0

    public init(direction: Int = 1, rows: Int = 0) {
        self.direction = direction
        self.rows = rows
    }

    /// The motion from one selection to the next (unchanged when the selection did not move).
    func after(from old: Int, to new: Int) -> ScrollMotion {
        guard new != old else { return self }
        return ScrollMotion(direction: new > old ? 1 : -1, rows: abs(new - old))
    }
}

/// The sample pages to fetch for the rows on screen, and ahead of them in the direction of
/// scrolling, so that holding `j` or PgDn over a slow link does not outrun the rows.
/// A pure function of the table's state: `AppState.ensureSamplePages` carries it out.
struct SamplePagePlan: Equatable {
    /// Pages with rows on screen (and the selected row's), the selected row's page first:
    /// always fetched, whatever else is in flight.
    var needed: [Int]
    /// Pages read ahead, nearest first: fetched while fewer than `maxInFlight` sample pages
    /// are in flight.
    var ahead: [Int]

    /// Every page the plan keeps (in the cache and in flight); the others may go.
    var keep: Set<Int> { Set(needed).union(ahead) }

    /// Sample page requests in flight at most (the pages on screen may add to it).
    static let maxInFlight = 3
    /// Pages read ahead while stepping a row at a time, and while moving a screen or more
    /// at a time (PgDn held at key-repeat rate passes ~900 rows a second).
    static let aheadWhileStepping = 1
    static let aheadWhilePaging = 3

    init(_ samples: SamplesState, visibleRows: Int) {
        let pageSize = samples.pageSize
        let count = samples.rowCount
        let rows = max(1, visibleRows)
        let view = samples.table.clamped(count: count, visibleRows: rows)
        func page(_ row: Int) -> Int { row / pageSize + 1 }

        // Pages that exist: below the exact or expected count, or the one right after the rows
        // loaded so far while the end is unseen (a filter's table grows page by page).
        let lastPage: Int
        if count > 0 && !samples.mayHaveMore {
            lastPage = page(count - 1)
        } else {
            lastPage = samples.loadedPrefixCount / pageSize + 1
        }
        func exists(_ page: Int) -> Bool { page >= 1 && page <= lastPage }

        var needed: [Int] = []
        if samples.knownCount == 0 {
            self.needed = []
            self.ahead = []
            return
        }
        func need(_ page: Int) { if exists(page) && !needed.contains(page) { needed.append(page) } }
        if count == 0 {
            need(1)
        } else {
            need(page(view.selected))
            for row in stride(from: view.offset, to: min(count, view.offset + rows), by: pageSize) { need(page(row)) }
            need(page(min(count, view.offset + rows) - 1))
        }
        // While the end is unseen, the page after the loaded rows is on screen as soon as the
        // view reaches them.
        if samples.mayHaveMore, view.offset + rows >= samples.loadedPrefixCount { need(page(samples.loadedPrefixCount)) }

        let motion = samples.motion
        let paging = motion.rows >= max(2, rows / 2)
        let depth = paging ? Self.aheadWhilePaging : Self.aheadWhileStepping
        let first = needed.min() ?? 1
        let last = needed.max() ?? 1
        var ahead: [Int] = []
        func read(_ page: Int) { if exists(page) && !needed.contains(page) && !ahead.contains(page) { ahead.append(page) } }
        // Half a page of margin both ways, so a row step near a page's edge never waits.
        let marginRows = pageSize / 2
        read(page(max(0, view.offset - marginRows)))
        if count > 0 { read(page(min(count - 1, view.offset + rows - 1 + marginRows))) }
        for step in 1..<(depth + 1) { read(motion.direction > 0 ? last + step : first - step) }
        // After a jump (G, a search, a sort), the way back is as likely as the way on.
        if motion.rows > rows { read(motion.direction > 0 ? first - 1 : last + 1) }
        // Nearest first; at equal distance, the way the table is moving first.
        func rank(_ page: Int) -> (Int, Int) {
            let onward = motion.direction > 0 ? page > last : page < first
            return (page < first ? first - page : page - last, onward ? 0 : 1)
        }
        self.needed = needed
        self.ahead = ahead.sorted { rank($0) < rank($1) }
    }
}
