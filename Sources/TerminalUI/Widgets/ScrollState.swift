/// Movements a list, table or text view understands.
public enum NavigationCommand: Hashable, Sendable {
    case up, down, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
    /// One row by its index (a mouse click); the view does not scroll if it is visible.
    case row(Int)

    /// The usual keys: arrows, PgUp/PgDn, Home/End, and vim's j/k/g/G, Ctrl-U/Ctrl-D.
    /// The Browser's own key table may map others.
    public init?(key: Key) {
        switch key {
        case .up, .character("k"): self = .up
        case .down, .character("j"): self = .down
        case .pageUp, .ctrl("b"): self = .pageUp
        case .pageDown, .ctrl("f"): self = .pageDown
        case .ctrl("u"): self = .halfPageUp
        case .ctrl("d"): self = .halfPageDown
        case .home, .character("g"): self = .top
        case .end, .character("G"): self = .bottom
        default: return nil
        }
    }
}

/// Selection and scroll offset of a virtualised list or table. Only `visibleRows` rows
/// from `offset` are ever rendered, whatever the row count.
public struct ScrollState: Hashable, Sendable {
    /// The selected row (0 when the list is empty).
    public var selected: Int
    /// The first visible row.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Selection inside `0..<count` and the offset moved just enough to show it.
    public func clamped(count: Int, visibleRows: Int) -> ScrollState {
        guard count > 0 else { return ScrollState() }
        let rows = max(1, visibleRows)
        let selected = min(max(0, selected), count - 1)
        var offset = min(max(0, offset), max(0, count - rows))
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        return ScrollState(selected: selected, offset: offset)
    }

    public func applying(_ command: NavigationCommand, count: Int, visibleRows: Int) -> ScrollState {
        let page = max(1, visibleRows)
        var next = self
        switch command {
        case .up: next.selected -= 1
        case .down: next.selected += 1
        case .pageUp:
            next.selected -= page
            next.offset -= page
        case .pageDown:
            next.selected += page
            next.offset += page
        case .halfPageUp:
            next.selected -= max(1, page / 2)
            next.offset -= max(1, page / 2)
        case .halfPageDown:
            next.selected += max(1, page / 2)
            next.offset += max(1, page / 2)
        case .top: next.selected = 0
        case .row(let index): next.selected = index
        case .bottom: next.selected = count - 1
        }
        return next.clamped(count: count, visibleRows: visibleRows)
    }

    /// The rows to render.
    public func visibleRange(count: Int, visibleRows: Int) -> Range<Int> {
        let state = clamped(count: count, visibleRows: visibleRows)
        return state.offset..<min(count, state.offset + max(0, visibleRows))
    }
}

public typealias ListState = ScrollState
public typealias TableState = ScrollState
