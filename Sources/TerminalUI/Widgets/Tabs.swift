/// A row of tab titles with the selected one highlighted. When they do not all fit, the
/// titles close up (only the selected one keeps its padding); when that is not enough,
/// the row scrolls so the selected tab is always visible, with ‹ › marking hidden tabs.
public struct Tabs: Hashable, Sendable {
    public var titles: [DisplayText]
    public var selected: Int

    public init(titles: [DisplayText], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    /// Tab with wrap-around (Tab / Shift-Tab).
    public func selecting(offset: Int) -> Tabs {
        guard !titles.isEmpty else { return self }
        var next = self
        next.selected = ((selected + offset) % titles.count + titles.count) % titles.count
        return next
    }

    /// Column ranges of each visible tab in `width` columns, after scrolling to `selected`.
    public func layout(width: Int) -> [(index: Int, columns: Range<Int>)] {
        let compact = isCompact(width: width)
        let labelWidths = titles.indices.map { titles[$0].width + (!compact || $0 == selected ? 2 : 0) }
        let gap = compact ? 2 : 1
        var first = 0
        func span(from start: Int) -> Int {
            var used = start > 0 ? 1 : 0
            for index in start...max(start, min(selected, titles.count - 1)) where index < titles.count {
                used += labelWidths[index] + (index > start ? gap : 0)
            }
            return used
        }
        while first < selected && span(from: first) > width - 1 { first += 1 }
        var result: [(Int, Range<Int>)] = []
        var x = first > 0 ? 1 : 0
        for index in titles.indices.dropFirst(first) {
            let end = x + labelWidths[index]
            if end > width { break }
            result.append((index, x..<end))
            x = end + gap
        }
        return result
    }

    /// Whether the padded titles would not fit in `width` columns.
    func isCompact(width: Int) -> Bool {
        titles.reduce(0) { $0 + $1.width + 2 } + titles.count - 1 > width
    }

    /// The tab under column `x` (mouse clicks).
    public func index(atColumn x: Int, width: Int) -> Int? {
        layout(width: width).first { $0.columns.contains(x) }?.index
    }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        screen.fill(row, style: Style(.tabInactive))
        let placed = layout(width: row.width)
        let compact = isCompact(width: row.width)
        for (index, columns) in placed {
            let style = Style(index == selected ? .tabActive : .tabInactive)
            let rect = Rect(x: row.x + columns.lowerBound, y: row.y, width: columns.count, height: 1)
            screen.put(compact && index != selected ? titles[index] : " " + titles[index] + " ", in: rect, style: style)
        }
        if let first = placed.first, first.index > 0 {
            screen.put("‹", at: row.origin, style: Style(.tabInactive), clip: row)
        }
        if let last = placed.last, last.index < titles.count - 1 {
            screen.put("›", at: Point(x: row.maxX - 1, y: row.y), style: Style(.tabInactive), clip: row)
        }
    }
}
