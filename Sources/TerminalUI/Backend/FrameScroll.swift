/// Rows of a new frame that are rows of the previous frame moved up or down: new rows
/// `rows` show old rows `rows + offset`. A table scrolled by one row is one such shift of
/// all its rows but the first or last.
struct RowShift: Hashable, Sendable {
    var rows: Range<Int>
    /// Positive: the content moved up (the old row `offset` lines further down is here now).
    var offset: Int

    /// The rows a terminal scrolls to make the move: the moved rows and the rows they
    /// leave blank behind them.
    var region: ClosedRange<Int> {
        offset > 0
            ? rows.lowerBound...(rows.upperBound - 1 + offset)
            : (rows.lowerBound + offset)...(rows.upperBound - 1)
    }

    /// The rows of `region` that the scroll leaves blank.
    var vacated: Range<Int> {
        offset > 0 ? rows.upperBound..<(rows.upperBound + offset) : (rows.lowerBound + offset)..<rows.lowerBound
    }
}

/// Finds the rows a terminal should scroll between two frames, and the frame the terminal
/// shows right after that scroll.
///
/// ncurses scrolls by itself when it finds lines that moved, but it recognises lines by their
/// characters alone (its line hash ignores colours and attributes). A selection bar that moves
/// along with a scroll therefore looks to it like a line that moved: it scrolls the old bar
/// line up with the rest and then rewrites every cell of it (the bar's colour goes) and every
/// cell of the new bar line, where scrolling one line less would rewrite only the few
/// characters that differ between the two bar lines. `NcursesTerminal` avoids this by updating
/// in two steps within one write: first to `scrolled(old, by: shifts)`, which differs from
/// the old frame only by whole moved lines (ncurses finds and scrolls exactly those), then to
/// the new frame (which differs from that only where cells really changed).
enum FrameScroll {
    /// Shorter runs cost about as much to scroll as to redraw (ncurses ignores them too).
    static let minimumRun = 3

    /// Runs of at least `minimumRun` changed rows of `new` that equal rows of `old` (cell for
    /// cell, colours included) at the same distance, grown over neighbouring rows where that
    /// is cheaper; regions never overlap. Only rows that
    /// occur once in `old` seed a run, since a copy could have come from anywhere.
    static func shifts(from old: Screen, to new: Screen) -> [RowShift] {
        shifts(from: old, fingerprints: fingerprints(old), to: new, fingerprints: fingerprints(new))
    }

    /// `shifts(from:to:)` with each frame's row fingerprints (`fingerprints(_:)`), which a
    /// caller keeps from one frame to the next.
    static func shifts(from old: Screen, fingerprints oldKeys: [UInt64], to new: Screen, fingerprints newKeys: [UInt64]) -> [RowShift] {
        guard old.size == new.size, old.height >= minimumRun, oldKeys.count == old.height, newKeys.count == new.height else { return [] }
        var oldRows: [UInt64: Int] = [:]
        var duplicated = Set<UInt64>()
        for (y, key) in oldKeys.enumerated() where oldRows.updateValue(y, forKey: key) != nil {
            duplicated.insert(key)
        }
        // The offset of each changed new row found once in the old frame.
        var offsets = [Int?](repeating: nil, count: new.height)
        var found = 0
        for y in 0..<new.height where newKeys[y] != oldKeys[y] || new.row(y) != old.row(y) {
            let key = newKeys[y]
            guard !duplicated.contains(key), let source = oldRows[key], source != y, new.row(y) == old.row(source) else { continue }
            offsets[y] = source - y
            found += 1
        }
        guard found >= minimumRun else { return [] }
        var runs: [RowShift] = []
        var y = 0
        while y < new.height {
            guard let offset = offsets[y] else {
                y += 1
                continue
            }
            var end = y + 1
            while end < new.height && offsets[end] == offset { end += 1 }
            if end - y >= minimumRun { runs.append(RowShift(rows: y..<end, offset: offset)) }
            y = end
        }
        // Longest first; each grows over neighbouring rows that are cheaper to scroll and then
        // repair (a list beside the table that does not move) than to update in place; a run
        // whose region overlaps one chosen already is left to plain updating.
        var chosen: [RowShift] = []
        // (Like ncurses, a run moved further than it is long is not worth its blank rows.)
        for run in runs.sorted(by: { $0.rows.count > $1.rows.count }) where run.rows.count + min(run.rows.count / 8, 2) >= abs(run.offset) {
            let grown = grow(run, from: old, to: new, avoiding: chosen)
            guard !chosen.contains(where: { $0.region.overlaps(grown.region) }) else { continue }
            chosen.append(grown)
        }
        return chosen.sorted { $0.rows.lowerBound < $1.rows.lowerBound }
    }

    /// `run` extended one row at a time, up then down, while that makes the rows it touches
    /// cheaper to update.
    static func grow(_ run: RowShift, from old: Screen, to new: Screen, avoiding others: [RowShift]) -> RowShift {
        var current = run
        for direction in [-1, 1] {
            while true {
                let rows = direction < 0
                    ? (current.rows.lowerBound - 1)..<current.rows.upperBound
                    : current.rows.lowerBound..<(current.rows.upperBound + 1)
                let candidate = RowShift(rows: rows, offset: current.offset)
                let region = candidate.region
                guard region.lowerBound >= 0, region.upperBound < new.height,
                    !others.contains(where: { $0.region.overlaps(region) })
                else { break }
                // Only the rows whose source differs between the two decide.
                let touched = min(current.region.lowerBound, region.lowerBound)...max(current.region.upperBound, region.upperBound)
                let changed = touched.filter { source(of: $0, [candidate]) != source(of: $0, [current]) }
                guard cost(of: [candidate], rows: changed, from: old, to: new) < cost(of: [current], rows: changed, from: old, to: new)
                else { break }
                current = candidate
            }
        }
        return current
    }

    /// Where row `y` comes from once `shifts` are scrolled: an old row, or blank (nil).
    static func source(of y: Int, _ shifts: [RowShift]) -> Int? {
        for shift in shifts where shift.region.contains(y) {
            return shift.rows.contains(y) ? y + shift.offset : nil
        }
        return y
    }

    /// About what updating `rows` from `old` to `new` sends once `shifts` are scrolled.
    static func cost<Rows: Sequence<Int>>(of shifts: [RowShift], rows: Rows, from old: Screen, to new: Screen) -> Int {
        let blank = Screen(width: old.width, height: 1).row(0)
        var total = 0
        for y in rows {
            total += updateCost(from: source(of: y, shifts).map { old.row($0) } ?? blank, to: new.row(y))
        }
        return total
    }

    /// About the bytes a terminal needs to turn one row into another, as ncurses sends them:
    /// a cursor move to the first changed cell, then for each later one the unchanged cells
    /// before it (printed when few, else a move), a colour change where its look differs
    /// from the last one sent, and the cell.
    static func updateCost(from old: ArraySlice<Cell>, to new: ArraySlice<Cell>) -> Int {
        var cost = 0
        var style: Style?
        var gap: Int?
        for (before, after) in zip(old, new) {
            guard before != after else {
                gap = gap.map { $0 + 1 }
                continue
            }
            cost += min(gap ?? 8, 8)
            gap = 0
            if after.style != style {
                cost += 12
                style = after.style
            }
            if !after.isContinuation { cost += 1 }
        }
        return cost
    }

    /// A number per row, equal for equal rows (FNV-1a over each cell's character, width and
    /// style; combining marks are left to the equality check that follows every match).
    static func fingerprints(_ screen: Screen) -> [UInt64] {
        (0..<screen.height).map { y in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for cell in screen.row(y) {
                let tint = cell.style.tint.map { UInt64($0.red) << 16 | UInt64($0.green) << 8 | UInt64($0.blue) | 1 << 24 } ?? 0
                let value = UInt64(cell.base.value) | UInt64(cell.width) << 21 | UInt64(cell.style.role.rawValue) << 23
                    | UInt64(cell.style.attributes.rawValue) << 31 | tint << 39
                hash = (hash ^ value) &* 0x100_0000_01b3
            }
            return hash
        }
    }

    /// `old` as a terminal shows it after scrolling `shifts`: the moved rows in their new
    /// places, the rows they left blank, everything else as it was.
    static func scrolled(_ old: Screen, by shifts: [RowShift]) -> Screen {
        var result = old
        let blank = Screen(width: old.width, height: 1).row(0)
        for shift in shifts {
            for y in shift.rows { result.replaceRow(y, with: old.row(y + shift.offset)) }
            for y in shift.vacated { result.replaceRow(y, with: blank) }
        }
        return result
    }
}

