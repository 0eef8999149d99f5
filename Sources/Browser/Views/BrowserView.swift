import SegmentsAPI
import TerminalUI

/// The whole screen as a pure function of the state.
public enum BrowserView {
    public static func render(_ state: AppState) -> Screen {
        Frame.make(size: state.size, minimum: Layout.minimum) { screen in
            let layout = state.layout
            HeaderView.render(state, into: &screen, area: layout.header)
            if let box = layout.datasetsBox { DatasetsPane.render(state, into: &screen, box: box) }
            if let box = layout.contentBox { ContentPane.render(state, into: &screen, layout: layout, box: box) }
            StatusLine.render(state, into: &screen, area: layout.status)
            OverlayView.render(state, into: &screen, layout: layout)
        }
    }

    /// The screen as text lines, trailing spaces removed (what `--headless` prints).
    public static func text(_ state: AppState) -> String {
        TextRenderer.lines(render(state)).map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }
}

enum HeaderView {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        screen.fill(area, style: Style(.statusBar))
        var x = screen.put(" ◆ segments-tui ", at: area.origin, style: Style(.title).with(.reverse), clip: area)
        let user = state.user?.username ?? "…"
        x = screen.put(DisplayText(" " + user), at: Point(x: x, y: area.y), style: Style(.statusBar, .bold), clip: area)
        x = screen.put(DisplayText(" @ " + state.session.server), at: Point(x: x, y: area.y), style: Style(.statusBar), clip: area)
        var crumbs: [String] = []
        if let dataset = state.dataset {
            crumbs.append(dataset.fullName)
            crumbs.append(dataset.tab.title)
            if let detail = dataset.detail { crumbs.append(detail.sample?.name ?? "sample") }
        }
        var right = crumbs.joined(separator: " › ")
        if state.session.readOnly { right += "  [read-only]" }
        let text = DisplayText(right + " ")
        if text.width < area.maxX - x - 2 {
            screen.put(text, at: Point(x: area.maxX - text.width, y: area.y), style: Style(.statusBar), clip: area)
        }
    }
}

/// Borders show which pane has the keyboard.
func paneBorder(focused: Bool) -> Style { Style(focused ? .accent : .border) }

enum DatasetsPane {
    static func render(_ state: AppState, into screen: inout Screen, box: Rect) {
        let focused = state.focus == .datasets
        let visible = state.visibleDatasets
        var title = "Datasets"
        if let items = state.datasets.items {
            title += visible.count == items.count ? " (\(items.count))" : " (\(visible.count) of \(items.count))"
        }
        if !state.datasets.filter.isEmpty { title += " /\(state.datasets.filter)" }
        screen.drawBox(box, style: paneBorder(focused: focused), glyphs: .rounded, title: DisplayText(title))
        let inner = box.inset(by: 1)
        if let error = state.datasets.error, state.datasets.items == nil {
            ErrorNotice.render(error, into: &screen, area: inner)
            return
        }
        guard state.datasets.isLoaded else {
            screen.put(DisplayText(Spinner.braille.frame(tick: state.tick).string + " loading datasets…"), in: inner.row(0).inset(left: 1), style: Style(.muted))
            return
        }
        let owner = state.user?.username
        let table = DataTable(
            columns: DatasetRenderer.columns, rowCount: visible.count,
            row: { index in
                var cells = DatasetRenderer.cells(visible[index], now: state.now)
                // The user's own datasets read without the owner prefix.
                if let owner, visible[index].owner.username == owner { cells[0] = DisplayText(visible[index].name) }
                return cells
            },
            cellRole: { DatasetRenderer.role(visible[$0], column: $1) },
            emptyText: state.datasets.filter.isEmpty ? "No datasets." : "No dataset matches.")
        table.render(into: &screen, area: inner, state: state.datasets.scroll, focused: focused)
    }
}

enum ErrorNotice {
    static func render(_ error: SegmentsError, into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        screen.put(DisplayText("✗ " + error.kind), in: area.row(0).inset(left: 1), style: Style(.error))
        let lines = TextView.wrap(DisplayText(error.message), width: max(1, area.width - 2))
        for (index, line) in lines.prefix(max(0, area.height - 3)).enumerated() {
            screen.put(line, in: area.row(index + 1).inset(left: 1))
        }
        if area.height > 2 {
            screen.put("press r to retry", in: area.row(min(area.height - 1, lines.count + 2)).inset(left: 1), style: Style(.muted))
        }
    }
}
