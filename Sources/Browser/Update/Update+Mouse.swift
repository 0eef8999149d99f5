import TerminalUI

/// The mouse: a click selects a row or a tab, a click on the selected row opens it (so a
/// double click opens), the wheel scrolls the pane under it. Dialogs take keys only.
extension AppState {
    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        guard overlay == nil else { return [] }
        let layout = self.layout
        let point = mouse.position
        let pane: Pane
        if let box = layout.datasetsBox, box.contains(point) {
            pane = .datasets
        } else if let box = layout.contentBox, box.contains(point), dataset != nil {
            pane = .content
        } else {
            return []
        }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            focus = pane
            let step: NavigationCommand = mouse.kind == .wheelUp ? .up : .down
            return (0..<3).flatMap { _ in perform(.navigate(step)) }
        case .press(.left):
            if pane == .content, layout.tabsRow.contains(point), let current = dataset {
                let tabs = Tabs(titles: DatasetTab.allCases.map { DisplayText($0.title) }, selected: DatasetTab.allCases.firstIndex(of: current.tab) ?? 0)
                guard let index = tabs.index(atColumn: point.x - layout.tabsRow.x, width: layout.tabsRow.width) else { return [] }
                return show(DatasetTab.allCases[index])
            }
            guard let (row, selected) = clickedRow(at: point, in: pane, layout: layout) else {
                focus = pane
                return []
            }
            if focus == pane, row == selected { return perform(.open) }
            focus = pane
            return perform(.navigate(.row(row)))
        default:
            return []
        }
    }

    /// The list row under `point` and the row selected now, when `point` is on a row.
    private func clickedRow(at point: Point, in pane: Pane, layout: Layout) -> (row: Int, selected: Int)? {
        // Lists and tables have a header row; the tabs' tables also a summary row above it.
        let firstRow: Int
        let scroll: ScrollState
        let visibleRows: Int
        let count: Int
        if pane == .datasets {
            firstRow = layout.datasetsList.y + 1
            (scroll, count, visibleRows) = (datasets.scroll, visibleDatasets.count, layout.datasetRows)
        } else {
            guard let current = dataset, current.detail == nil, layout.content.contains(point),
                let list = current.listScroll
            else { return nil }
            firstRow = layout.content.y + 2
            (scroll, count, visibleRows) = (list.scroll, list.count, layout.tabTableRows)
        }
        let row = scroll.visibleRange(count: count, visibleRows: visibleRows).lowerBound + point.y - firstRow
        guard point.y >= firstRow, row < count else { return nil }
        return (row, scroll.clamped(count: count, visibleRows: visibleRows).selected)
    }
}

extension DatasetState {
    /// The open tab's selection and row count; nil on Info (no list).
    var listScroll: (scroll: ScrollState, count: Int)? { tab.behaviour.listScroll(self) }
}
