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
        switch dataset.tab {
        case .samples: SamplesTabView.render(state, dataset: dataset, into: &screen, area: area, focused: focused)
        case .info: InfoTabView.render(state, dataset: dataset, into: &screen, area: area)
        default: ListTabView.render(state, dataset: dataset, into: &screen, area: area, focused: focused)
        }
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

/// Issues, collaborators, releases, labelsets and workunits: a summary line and a table.
enum ListTabView {
    static func render(_ state: AppState, dataset: DatasetState, into screen: inout Screen, area: Rect, focused: Bool) {
        let (summaryRow, tableArea) = area.splitTop(1)
        let now = state.now
        let table: DataTable
        let scroll: ScrollState
        let error: RequestFailure?
        let loaded: Bool
        var summary: [(DisplayText, Style)] = []
        let filterText: String
        switch dataset.tab {
        case .issues:
            let issues = dataset.visibleIssues
            table = IssueRenderer.table(issues, now: now, empty: "No \(dataset.issueFilter == .all ? "" : dataset.issueFilter.rawValue + " ")issues.")
            scroll = dataset.issues.scroll
            (error, loaded, filterText) = (dataset.issues.error, dataset.issues.isLoaded, dataset.issues.filter)
            summary = [("showing ", Style(.muted)), (DisplayText(dataset.issueFilter.rawValue), Style(.accent)), ("  (s: open/closed/all)", Style(.muted))]
        case .collaborators:
            table = CollaboratorRenderer.table(dataset.visibleCollaborators, now: now, empty: "No collaborators found.")
            scroll = dataset.collaborators.scroll
            (error, loaded, filterText) = (dataset.collaborators.error, dataset.collaborators.isLoaded, dataset.collaborators.filter)
            summary = [("owner ", Style(.muted)), (DisplayText(dataset.dataset.owner.username), .plain)]
            if let access = dataset.access { summary += [("  you are ", Style(.muted)), (DisplayText(access.description), Style(.accent))] }
            // The API cannot list collaborators: say how many the dataset has, when more than found.
            if let total = dataset.dataset.collaboratorsCount, let found = dataset.collaborators.items?.count, total > found {
                summary += [(DisplayText("  \(found) of \(total) found; /name Enter looks one up"), Style(.muted))]
            }
        case .releases:
            table = ReleaseRenderer.table(dataset.visibleReleases, now: now, empty: "No releases yet.")
            scroll = dataset.releases.scroll
            (error, loaded, filterText) = (dataset.releases.error, dataset.releases.isLoaded, dataset.releases.filter)
            if let watch = dataset.releaseWatch {
                let spinner = Spinner.braille.frame(tick: state.tick).string
                let ago = max(0, now - watch.lastChecked)
                summary = [
                    (DisplayText("\(spinner) \(watch.name) PENDING"), Style(.accent)),
                    (DisplayText(" · checked \(ago)s ago · every \(watch.interval)s"), Style(.muted)),
                ]
            }
        case .labelsets:
            table = LabelsetRenderer.table(dataset.visibleLabelsets, now: now, empty: "No labelsets.")
            scroll = dataset.labelsets.scroll
            (error, loaded, filterText) = (dataset.labelsets.error, dataset.labelsets.isLoaded, dataset.labelsets.filter)
            summary = [("browsing labelset ", Style(.muted)), (DisplayText(dataset.labelset), Style(.accent))]
        default:
            table = WorkunitRenderer.table(dataset.visibleWorkunits, now: now, empty: "No workunits in this range.")
            scroll = dataset.workunits.scroll
            (error, loaded, filterText) = (dataset.workunits.error, dataset.workunits.isLoaded, dataset.workunits.filter)
            summary = [("range ", Style(.muted)), (DisplayText(dataset.workunitRange.rawValue), Style(.accent)), ("  (d: change)", Style(.muted))]
        }
        if !filterText.isEmpty { summary += [("  /", Style(.muted)), (DisplayText(filterText), Style(.accent))] }
        var positionWidth = 0
        if table.rowCount > 0 {
            let position = DisplayText("\(Formatting.thousands(scroll.clamped(count: table.rowCount, visibleRows: 1).selected + 1)) of \(Formatting.thousands(table.rowCount)) ")
            screen.put(position, at: Point(x: summaryRow.maxX - position.width, y: summaryRow.y), style: Style(.accent), clip: summaryRow)
            positionWidth = position.width + 1
        }
        StyledLine(summary).draw(into: &screen, rect: summaryRow.inset(left: 1, right: positionWidth))
        if let error, !loaded {
            ErrorNotice.render(error, into: &screen, area: tableArea)
        } else if !loaded {
            screen.put(DisplayText(Spinner.braille.frame(tick: state.tick).string + " loading…"), in: tableArea.row(1).inset(left: 1), style: Style(.muted))
        } else if dataset.tab == .issues, tableArea.height >= 14,
            let issue = dataset.visibleIssues[safe: scroll.clamped(count: table.rowCount, visibleRows: 1).selected]
        {
            // The selected issue's whole thread below the table (Enter opens its sample).
            let (top, bottom) = tableArea.splitBottom(tableArea.height * 45 / 100)
            table.render(into: &screen, area: top, state: scroll, focused: focused)
            screen.drawBox(bottom, style: Style(.border), glyphs: .rounded, title: "Thread · Enter opens the sample")
            let inner = bottom.inset(top: 1, left: 2, bottom: 1, right: 1)
            let lines = IssueThreadView.lines(issue, now: now, width: inner.width)
            for (row, line) in lines.prefix(inner.height).enumerated() { line.draw(into: &screen, rect: inner.row(row)) }
            if lines.count > inner.height {
                let more = DisplayText(" ↓ \(lines.count - inner.height) more lines · Enter ")
                screen.put(more, at: Point(x: bottom.maxX - more.width - 2, y: bottom.maxY - 1), style: Style(.accent), clip: bottom)
            }
        } else {
            table.render(into: &screen, area: tableArea, state: scroll, focused: focused)
        }
    }
}
