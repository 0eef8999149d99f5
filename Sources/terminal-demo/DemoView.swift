import TerminalUI

/// The demo's view: a pure function of state.
enum DemoView {
    static let minimum = Size(width: 30, height: 6)

    static let columns = [
        TableColumn("Name", minWidth: 12, priority: 10, flexible: true),
        TableColumn("Status", minWidth: 8, maxWidth: 12, priority: 5),
        TableColumn("Labels", minWidth: 6, priority: 3, alignment: .trailing),
        TableColumn("Updated", minWidth: 10, priority: 1),
    ]

    /// Header, tabs, table header above; status bar below.
    static func tableRows(for size: Size) -> Int {
        max(1, size.height - 4)
    }

    static func render(_ state: DemoState) -> Screen {
        Frame.make(size: state.size, minimum: minimum) { screen in
            draw(state, into: &screen, row: { state.rows[$0].cells })
        }
    }

    static func draw(_ state: DemoState, into screen: inout Screen, row: @escaping (Int) -> [DisplayText]) {
        let (header, rest) = screen.bounds.splitTop(1)
        let (tabsRow, body) = rest.splitTop(1)
        let (tableArea, statusRow) = body.splitBottom(1)
        screen.put(
            "segments-tui · terminal demo " + Spinner.braille.frame(tick: state.tick), in: header, style: Style(.title))
        state.tabs.render(into: &screen, area: tabsRow)
        let table = TableView(columns: columns, rowCount: state.visibleCount) { row(state.rowIndex($0)) }
        table.render(into: &screen, area: tableArea, state: state.table)
        let selected = state.table.clamped(count: state.visibleCount, visibleRows: TableView.visibleRows(in: tableArea)).selected
        let position = state.visibleCount == 0 ? "no rows" : "row \(selected + 1)/\(state.visibleCount)"
        StatusBar(
            left: [DisplayText(position), DisplayText("key: \(state.lastKey)"), DisplayText(state.message)],
            right: ["q quit", "/ filter", "d delete"]
        ).render(into: &screen, area: statusRow)
        state.modal?.render(into: &screen, area: screen.bounds)
    }
}
