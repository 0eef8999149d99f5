/// A column of a table. Widths follow the content of the visible rows within
/// `minWidth...maxWidth`; when space runs out, lower `priority` columns go first.
public struct TableColumn: Hashable, Sendable {
    public var title: DisplayText
    public var minWidth: Int
    public var maxWidth: Int?
    public var priority: Int
    public var alignment: Alignment
    /// Takes a share of space left over after every column got its content width.
    public var flexible: Bool

    public init(
        _ title: DisplayText, minWidth: Int = 3, maxWidth: Int? = nil, priority: Int = 0,
        alignment: Alignment = .leading, flexible: Bool = false
    ) {
        self.title = title
        self.minWidth = minWidth
        self.maxWidth = maxWidth
        self.priority = priority
        self.alignment = alignment
        self.flexible = flexible
    }
}

/// A virtualised table with a sticky header. `row` is called once per visible row per
/// frame, and never for rows off screen, so a million rows cost what a screenful costs.
public struct TableView {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var row: (Int) -> [DisplayText]
    public var columnGap = 1
    public var showsScrollbar = true

    public init(columns: [TableColumn], rowCount: Int, row: @escaping (Int) -> [DisplayText]) {
        self.columns = columns
        self.rowCount = rowCount
        self.row = row
    }

    /// Rows of data that fit below the header.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    public func render(into screen: inout Screen, area: Rect, state: TableState, focused: Bool = true) {
        guard !area.isEmpty else { return }
        let visible = Self.visibleRows(in: area)
        let clamped = state.clamped(count: rowCount, visibleRows: visible)
        let range = state.visibleRange(count: rowCount, visibleRows: visible)
        let rows = range.map(row)
        let scrollbar = showsScrollbar && rowCount > visible && area.width > 1 && visible > 0
        let bodyWidth = scrollbar ? area.width - 1 : area.width
        let contentWidths = columns.indices.map { column in
            rows.reduce(columns[column].title.width) { max($0, column < $1.count ? $1[column].width : 0) }
        }
        let widths = Self.columnWidths(
            columns: columns, contentWidths: contentWidths, available: bodyWidth, gap: columnGap)

        drawRow(
            columns.map(\.title), widths: widths, into: &screen, x: area.x, y: area.y, width: bodyWidth,
            style: Style(.header))
        for (line, index) in range.enumerated() {
            let style = index == clamped.selected ? Style(focused ? .selection : .selectionInactive) : .plain
            drawRow(rows[line], widths: widths, into: &screen, x: area.x, y: area.y + 1 + line, width: bodyWidth, style: style)
        }
        let drawnRows = 1 + range.count
        screen.fill(Rect(x: area.x, y: area.y + drawnRows, width: bodyWidth, height: area.height - drawnRows))
        if scrollbar {
            screen.fill(Rect(x: area.maxX - 1, y: area.y, width: 1, height: 1), style: Style(.header))
            Scrollbar.render(
                into: &screen, area: Rect(x: area.maxX - 1, y: area.y + 1, width: 1, height: visible),
                offset: range.lowerBound, visible: visible, total: rowCount)
        }
    }

    private func drawRow(
        _ cells: [DisplayText], widths: [Int?], into screen: inout Screen, x: Int, y: Int, width: Int, style: Style
    ) {
        let limit = Rect(x: x, y: y, width: width, height: 1)
        screen.fill(limit, style: style)
        var column = x
        for (index, columnWidth) in widths.enumerated() {
            guard let columnWidth else { continue }
            let text = index < cells.count ? cells[index] : .empty
            let rect = Rect(x: column, y: y, width: columnWidth, height: 1).intersection(limit)
            screen.put(text, in: rect, style: style, alignment: columns[index].alignment, padding: false)
            column += columnWidth + columnGap
        }
    }

    /// Width of each column, or nil for a column hidden for lack of space. Pure, so the
    /// Browser can test and reuse it (e.g. to keep widths stable while scrolling).
    public static func columnWidths(columns: [TableColumn], contentWidths: [Int], available: Int, gap: Int) -> [Int?] {
        var shown = Set(columns.indices)
        func required() -> Int {
            shown.reduce(0) { $0 + columns[$1].minWidth } + max(0, shown.count - 1) * gap
        }
        while !shown.isEmpty && required() > available {
            // Lowest priority goes first; among equals, the rightmost.
            guard let victim = shown.min(by: { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }) else { break }
            shown.remove(victim)
        }
        var widths: [Int?] = columns.indices.map { shown.contains($0) ? columns[$0].minWidth : nil }
        var remaining = available - required()
        let byPriority = shown.sorted { (columns[$0].priority, -$0) > (columns[$1].priority, -$1) }
        for index in byPriority where remaining > 0 {
            let column = columns[index]
            let wanted = min(max(contentWidths[safe: index] ?? 0, column.minWidth), column.maxWidth ?? Int.max)
            let extra = min(remaining, max(0, wanted - column.minWidth))
            widths[index] = column.minWidth + extra
            remaining -= extra
        }
        // Leftover space goes round-robin to flexible columns still under their maxWidth.
        var flexible = byPriority.filter { columns[$0].flexible }.sorted()
        while remaining > 0 && !flexible.isEmpty {
            flexible = flexible.filter { (widths[$0] ?? 0) < (columns[$0].maxWidth ?? Int.max) }
            for index in flexible where remaining > 0 {
                widths[index] = (widths[index] ?? 0) + 1
                remaining -= 1
            }
        }
        return widths
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
