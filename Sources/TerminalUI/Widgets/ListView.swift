/// A virtualised single-column list: `row` is called only for the rows on screen.
public struct ListView {
    public var count: Int
    public var row: (Int) -> DisplayText
    public var showsScrollbar = true

    public init(count: Int, showsScrollbar: Bool = true, row: @escaping (Int) -> DisplayText) {
        self.count = count
        self.row = row
        self.showsScrollbar = showsScrollbar
    }

    public func render(into screen: inout Screen, area: Rect, state: ListState, focused: Bool = true) {
        guard !area.isEmpty else { return }
        screen.fill(area)
        let range = state.visibleRange(count: count, visibleRows: area.height)
        let selected = state.clamped(count: count, visibleRows: area.height).selected
        let scrollbar = showsScrollbar && count > area.height && area.width > 1
        let textWidth = scrollbar ? area.width - 1 : area.width
        for (line, index) in range.enumerated() {
            let style = index == selected ? Style(focused ? .selection : .selectionInactive) : .plain
            let rect = Rect(x: area.x, y: area.y + line, width: textWidth, height: 1)
            screen.put(" " + row(index), in: rect, style: style)
        }
        if scrollbar {
            Scrollbar.render(
                into: &screen, area: Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height),
                offset: range.lowerBound, visible: area.height, total: count)
        }
    }
}

/// A one-column scroll indicator: a thumb whose size and place follow the visible part.
public enum Scrollbar {
    public static func thumb(offset: Int, visible: Int, total: Int, length: Int) -> Range<Int> {
        guard total > visible, length > 0 else { return 0..<length }
        let size = max(1, length * visible / total)
        let maxStart = length - size
        let maxOffset = max(1, total - visible)
        let start = min(maxStart, (offset * maxStart + maxOffset / 2) / maxOffset)
        return start..<(start + size)
    }

    public static func render(into screen: inout Screen, area: Rect, offset: Int, visible: Int, total: Int) {
        let thumb = thumb(offset: offset, visible: visible, total: total, length: area.height)
        for y in 0..<area.height {
            let inThumb = thumb.contains(y)
            screen.fill(
                Rect(x: area.x, y: area.y + y, width: 1, height: 1), style: Style(inThumb ? .accent : .border),
                with: inThumb ? "█" : "│")
        }
    }
}
