import TerminalUI

/// TableView plus per-cell colours: TableView styles whole rows, so the cells that carry
/// a meaning (statuses) are restyled afterwards using the same, public, width computation.
struct DataTable {
    var columns: [TableColumn]
    var rowCount: Int
    var row: (Int) -> [DisplayText]
    /// A role for a cell of an unselected row, or nil for plain.
    var cellRole: (Int, Int) -> ColorRole? = { _, _ in nil }
    var emptyText: DisplayText = "Nothing here."

    func render(into screen: inout Screen, area: Rect, state: ScrollState, focused: Bool) {
        // The visible rows' cells are made once per frame: choosing the columns, sizing them
        // and drawing all read them.
        let visible = rowCount > 0 ? state.visibleRange(count: rowCount, visibleRows: TableView.visibleRows(in: area)) : 0..<0
        let made = Dictionary(uniqueKeysWithValues: visible.map { ($0, row($0)) })
        let fresh = self.row
        var table = self
        table.row = { made[$0] ?? fresh($0) }
        table.renderMade(into: &screen, area: area, state: state, focused: focused)
    }

    private func renderMade(into screen: inout Screen, area: Rect, state: ScrollState, focused: Bool) {
        let kept = keptColumns(area: area, state: state)
        guard kept.count < columns.count else {
            draw(into: &screen, area: area, state: state, focused: focused)
            return
        }
        // Without the columns that are empty on screen or minor: their room goes to the
        // names and descriptions that were cut.
        let row = self.row
        let cellRole = self.cellRole
        DataTable(
            columns: kept.map { columns[$0] }, rowCount: rowCount, row: { index in let cells = row(index); return kept.map { cells[safe: $0] ?? "" } },
            cellRole: { index, column in cellRole(index, kept[column]) }, emptyText: emptyText
        ).draw(into: &screen, area: area, state: state, focused: focused)
    }

    private func draw(into screen: inout Screen, area: Rect, state: ScrollState, focused: Bool) {
        let table = TableView(columns: columns, rowCount: rowCount, row: row)
        table.render(into: &screen, area: area, state: state, focused: focused)
        guard rowCount > 0 else {
            if area.height > 1 { screen.put(emptyText, in: area.row(1).inset(left: 1), style: Style(.muted)) }
            return
        }
        let visible = TableView.visibleRows(in: area)
        let range = state.visibleRange(count: rowCount, visibleRows: visible)
        let selected = state.clamped(count: rowCount, visibleRows: visible).selected
        let rows = range.map(row)
        let scrollbar = rowCount > visible && area.width > 1 && visible > 0
        let bodyWidth = scrollbar ? area.width - 1 : area.width
        let contentWidths = columns.indices.map { column in
            rows.reduce(columns[column].title.width) { max($0, column < $1.count ? $1[column].width : 0) }
        }
        let widths = TableView.columnWidths(columns: columns, contentWidths: contentWidths, available: bodyWidth, gap: 1)
        drawCellRoles(into: &screen, area: area, range: range, selected: selected, widths: widths)
    }

    /// The columns worth their room. While a name or description (the flexible column) is
    /// cut short, columns empty in the visible rows go first, then the minor ones (priority
    /// below 5: comments, age, score …), lowest first.
    private func keptColumns(area: Rect, state: ScrollState) -> [Int] {
        var kept = Array(columns.indices)
        guard rowCount > 0 else { return kept }
        let visible = TableView.visibleRows(in: area)
        let rows = state.visibleRange(count: rowCount, visibleRows: visible).map(row)
        let contentWidths = columns.indices.map { column in rows.reduce(0) { max($0, column < $1.count ? $1[column].width : 0) } }
        func flexibleShort() -> Bool {
            let subset = kept.map { columns[$0] }
            let wanted = kept.map { max(contentWidths[$0], columns[$0].title.width) }
            let widths = TableView.columnWidths(columns: subset, contentWidths: wanted, available: area.width - 1, gap: 1)
            return kept.indices.contains { position in
                let column = kept[position]
                return columns[column].flexible && (widths[position] ?? 0) < min(contentWidths[column], 30)
            }
        }
        guard flexibleShort() else { return kept }
        kept = kept.filter { contentWidths[$0] > 0 || columns[$0].flexible }
        while flexibleShort(),
            let minor = kept.filter({ !columns[$0].flexible && columns[$0].priority < 5 }).min(by: { columns[$0].priority < columns[$1].priority })
        {
            kept.removeAll { $0 == minor }
        }
        return kept
    }

    private func drawCellRoles(into screen: inout Screen, area: Rect, range: Range<Int>, selected: Int, widths: [Int?]) {
        for (line, index) in range.enumerated() where index != selected {
            var x = area.x
            for (column, width) in widths.enumerated() {
                guard let width else { continue }
                if let role = cellRole(index, column) {
                    screen.restyle(Rect(x: x, y: area.y + 1 + line, width: width, height: 1), style: Style(role))
                }
                x += width + 1
            }
        }
    }
}
