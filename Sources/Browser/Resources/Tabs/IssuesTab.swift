import SegmentsAPI
import TerminalUI

/// The dataset's issues; the Samples tab's issue column and the detail read the same list.
enum IssuesTab: ResourceTab {
    typealias Renderer = IssueRenderer
    static let tab = DatasetTab.issues
    static var items: WritableKeyPath<DatasetState, ListResource<Issue>> { \.issues }
    static let bindingContext = BindingContext.issues
    static let slot = Slot.datasetIssues
    static let opensItems = true

    static func searchable(_ issue: Issue) -> [String] { [issue.description, issue.sampleName, issue.createdBy] }
    static func admits(_ issue: Issue, in dataset: DatasetState) -> Bool { dataset.issueFilter.admits(issue.status) }
    static func identity(_ issue: Issue) -> String { issue.uuid }
    static func copyText(_ issue: Issue) -> String? { issue.uuid }

    static func load(_ state: AppState, _ dataset: DatasetState) -> ServiceCall<[Issue]> {
        ServiceCalls.issues(dataset: dataset.fullName)
    }

    static func open(_ state: inout AppState, _ issue: Issue) -> [Effect] {
        state.openDetail(uuid: issue.sampleUUID, source: .issues)
    }

    static func summary(_ state: AppState, _ dataset: DatasetState) -> [(DisplayText, Style)] {
        [("showing ", Style(.muted)), (DisplayText(dataset.issueFilter.rawValue), Style(.accent)), ("  (s: open/closed/all)", Style(.muted))]
    }

    static func emptyText(_ dataset: DatasetState) -> DisplayText {
        DisplayText("No \(dataset.issueFilter == .all ? "" : dataset.issueFilter.rawValue + " ")issues.")
    }

    /// The selected issue's whole thread below the table (Enter opens its sample).
    static let showsSelectionBelow = true

    static func renderSelection(_ issue: Issue, state: AppState, into screen: inout Screen, area bottom: Rect) {
        screen.drawBox(bottom, style: Style(.border), glyphs: .rounded, title: "Thread · Enter opens the sample")
        let inner = bottom.inset(top: 1, left: 2, bottom: 1, right: 1)
        let lines = IssueThreadView.lines(issue, now: state.now, width: inner.width)
        for (row, line) in lines.prefix(inner.height).enumerated() { line.draw(into: &screen, rect: inner.row(row)) }
        if lines.count > inner.height {
            let more = DisplayText(" ↓ \(lines.count - inner.height) more lines · Enter ")
            screen.put(more, at: Point(x: bottom.maxX - more.width - 2, y: bottom.maxY - 1), style: Style(.accent), clip: bottom)
        }
    }
}
