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
