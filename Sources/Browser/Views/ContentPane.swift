import SegmentsAPI
import TerminalUI

/// The right side: the open dataset's tabs and the current tab (or the sample detail).
enum ContentPane {
    static func render(_ state: AppState, into screen: inout Screen, layout: Layout, box: Rect) {
        let focused = state.focus == .content
        guard let dataset = state.dataset else {
            screen.drawBox(box, style: paneBorder(focused: focused), glyphs: .rounded, title: "No dataset")
            let hint: DisplayText = state.datasets.isLoaded ? "Select a dataset on the left."
                : state.datasets.error != nil ? "The datasets could not be loaded (the left pane says why; r retries)." : "Loading…"
            screen.put(hint, in: box.inset(by: 1).row(1).inset(left: 1), style: Style(.muted))
            return
        }
        let title = DisplayText(dataset.fullName) + DisplayText("  " + dataset.dataset.taskType.rawValue)
        screen.drawBox(box, style: paneBorder(focused: focused), glyphs: .rounded, title: title)
        let tabs = Tabs(titles: DatasetTab.allCases.map { DisplayText($0.title) }, selected: DatasetTab.allCases.firstIndex(of: dataset.tab) ?? 0)
        tabs.render(into: &screen, area: layout.tabsRow)
        let area = layout.content
        if let detail = dataset.detail {
            SampleDetailView.render(state, dataset: dataset, detail: detail, into: &screen, area: area)
            return
        }
        dataset.tab.behaviour.render(state, dataset: dataset, into: &screen, area: area, focused: focused)
    }
}

enum SamplesTabView {
    static func render(_ state: AppState, dataset: DatasetState, into screen: inout Screen, area: Rect, focused: Bool) {
        let samples = dataset.samples
        let (summaryRow, tableArea) = area.splitTop(1)
        let count = samples.rowCount
        let position: String
        if count == 0 {
            position = samples.knownCount == 0 ? "no samples" : ""
        } else {
            let total = Formatting.thousands(count) + (samples.mayHaveMore ? "+" : "")
            position = "\(Formatting.thousands(samples.table.selected + 1)) of \(total)"
        }
        let positionText = DisplayText(position + " ")
        screen.put(positionText, at: Point(x: summaryRow.maxX - positionText.width, y: summaryRow.y), style: Style(.accent), clip: summaryRow)
        summary(samples, labelset: dataset.labelset).draw(into: &screen, rect: summaryRow.inset(left: 1, right: positionText.width + 1))
        if let error = samples.error, samples.pages.isEmpty {
            ErrorNotice.render(error, into: &screen, area: tableArea)
            return
        }
        if count == 0 && samples.knownCount == nil {
            screen.put(DisplayText(Spinner.braille.frame(tick: state.tick).string + " loading samples…"), in: tableArea.row(1).inset(left: 1), style: Style(.muted))
            return
        }
        let issueCounts = dataset.openIssueCounts
        let table = DataTable(
            columns: SampleRenderer.columns(sortedBy: samples.filter.sort), rowCount: count,
            row: { index in
                let sample = samples.sample(at: index)
                return SampleRenderer.cells(
                    sample, openIssues: sample.map { issueCounts[$0.uuid] ?? 0 } ?? 0, now: state.now, sort: samples.filter.sort)
            },
            cellRole: { index, column in
                guard let sample = samples.sample(at: index) else { return .muted }
                switch column {
                case 1: return Palette.role(for: sample.label?.labelStatus.rawValue ?? "UNLABELED")
                case 4: return .warning
                case 5: return .muted
                default: return nil
                }
            },
            emptyText: "No sample matches.")
        table.render(into: &screen, area: tableArea, state: samples.table, focused: focused)
    }

    static func summary(_ samples: SamplesState, labelset: String) -> StyledLine {
        var spans: [(DisplayText, Style)] = []
        let filter = samples.filter
        if !filter.name.isEmpty { spans += [("name~", Style(.muted)), (DisplayText(filter.name), Style(.accent)), ("  ", .plain)] }
        if !filter.statuses.isEmpty {
            spans += [("status ", Style(.muted)), (DisplayText(filter.statuses.map { Formatting.status($0.rawValue) }.joined(separator: ",")), Style(.accent)), ("  ", .plain)]
        }
        for chip in filter.metadata {
            spans += [(DisplayText(" \(chip.description) ×"), Style(.accent).with(.reverse)), (" ", .plain)]
        }
        if !filter.metadata.isEmpty { spans.append((" ", .plain)) }
        let arrow = filter.direction == .ascending ? "↑" : "↓"
        spans += [("sort ", Style(.muted)), (DisplayText("\(filter.sort.title) \(arrow)"), .plain)]
        spans += [("  labelset ", Style(.muted)), (DisplayText(labelset), .plain)]
        return StyledLine(spans)
    }
}

/// A resource tab: a summary line, the table, and below it more of the selected row where
/// the tab shows it (the issue thread).
enum ListTabView {
    static func render<Tab: ResourceTab>(
        _ tab: Tab.Type, state: AppState, dataset: DatasetState, into screen: inout Screen, area: Rect, focused: Bool
    ) {
        let (summaryRow, tableArea) = area.splitTop(1)
        let list = dataset[keyPath: Tab.items]
        let visible = Tab.visible(in: dataset)
        let table = Tab.Renderer.table(visible, now: state.now, empty: Tab.emptyText(dataset))
        let scroll = list.scroll
        var summary = Tab.summary(state, dataset)
        if !list.filter.isEmpty { summary += [("  /", Style(.muted)), (DisplayText(list.filter), Style(.accent))] }
        var positionWidth = 0
        if table.rowCount > 0 {
            let position = DisplayText("\(Formatting.thousands(scroll.clamped(count: table.rowCount, visibleRows: 1).selected + 1)) of \(Formatting.thousands(table.rowCount)) ")
            screen.put(position, at: Point(x: summaryRow.maxX - position.width, y: summaryRow.y), style: Style(.accent), clip: summaryRow)
            positionWidth = position.width + 1
        }
        StyledLine(summary).draw(into: &screen, rect: summaryRow.inset(left: 1, right: positionWidth))
        if let error = list.error, !list.isLoaded {
            ErrorNotice.render(error, into: &screen, area: tableArea)
            return
        }
        guard list.isLoaded else {
            screen.put(DisplayText(Spinner.braille.frame(tick: state.tick).string + " loading…"), in: tableArea.row(1).inset(left: 1), style: Style(.muted))
            return
        }
        if Tab.showsSelectionBelow, tableArea.height >= 14,
            let item = visible[safe: scroll.clamped(count: table.rowCount, visibleRows: 1).selected]
        {
            let (top, bottom) = tableArea.splitBottom(tableArea.height * 45 / 100)
            table.render(into: &screen, area: top, state: scroll, focused: focused)
            Tab.renderSelection(item, state: state, into: &screen, area: bottom)
            return
        }
        table.render(into: &screen, area: tableArea, state: scroll, focused: focused)
    }
}
