import SegmentsAPI
import TerminalUI

/// How many of the dataset's ground-truth labels have one status.
public struct LabelStatusCount: Hashable, Sendable {
    public var status: LabelStatus
    public var count: Int
    /// Of every sample, 0…1.
    public var share: Double

    /// The rows of the Stats tab: every status the server counted, most frequent first.
    static func rows(_ stats: LabelStats, samples: Int?) -> [LabelStatusCount] {
        let total = stats.total ?? samples ?? 0
        return LabelStatus.knownCases.compactMap { status in
            stats.count(of: status).map { LabelStatusCount(status: status, count: $0, share: total > 0 ? Double($0) / Double(total) : 0) }
        }
        .sorted { ($0.count, $1.status.rawValue) > ($1.count, $0.status.rawValue) }
    }
}

/// The Stats tab: the ground-truth labels per status; Enter lists that status's samples.
/// (The resource added to show what a new resource costs: this file, a case in
/// `DatasetTab`, `BindingContext` and `DatasetTabBehaviour`, a list in `DatasetState`,
/// and a call in `ServiceCalls`.)
enum StatsTab: ResourceTab {
    typealias Renderer = LabelStatusRenderer
    static let tab = DatasetTab.stats
    static var items: WritableKeyPath<DatasetState, ListResource<LabelStatusCount>> { \.labelStatusCounts }
    static let bindingContext = BindingContext.stats
    static let opensItems = true

    static func searchable(_ row: LabelStatusCount) -> [String] { [row.status.rawValue, Formatting.status(row.status.rawValue)] }
    static func identity(_ row: LabelStatusCount) -> String { row.status.rawValue }
    static func copyText(_ row: LabelStatusCount) -> String? { "\(row.status.rawValue) \(row.count)" }

    static func load(_ state: AppState, _ dataset: DatasetState) -> ServiceCall<[LabelStatusCount]> {
        ServiceCalls.labelStatusCounts(dataset: dataset.fullName)
    }

    /// Enter: the Samples tab filtered to this status.
    static func open(_ state: inout AppState, _ row: LabelStatusCount) -> [Effect] {
        let status = row.status
        return state.show(.samples) + state.changeSampleFilter { $0.statuses = [status] }
    }

    static func summary(_ state: AppState, _ dataset: DatasetState) -> [(DisplayText, Style)] {
        [("ground-truth labels by status · Enter lists them", Style(.muted))]
    }

    static func emptyText(_ dataset: DatasetState) -> DisplayText { "The server sent no label statistics." }
}

enum LabelStatusRenderer: ResourceRenderer {
    static let kind = ResourceKind.labelStatus
    static let columns = [
        TableColumn("Status", minWidth: 9, maxWidth: 21, priority: 10),
        TableColumn("Labels", minWidth: 6, priority: 9, alignment: .trailing),
        TableColumn("Share", minWidth: 6, priority: 8, alignment: .trailing),
        TableColumn("", minWidth: 10, priority: 3, flexible: true),
    ]

    static func cells(_ row: LabelStatusCount, now: Int64) -> [DisplayText] {
        let bar = String(repeating: "█", count: Int((row.share * 30).rounded()))
        return [
            DisplayText(Formatting.status(row.status.rawValue)), DisplayText(Formatting.thousands(row.count)),
            DisplayText(String(format: "%.1f%%", row.share * 100)), DisplayText(bar),
        ]
    }

    static func role(_ row: LabelStatusCount, column: Int) -> ColorRole? {
        column == 0 || column == 3 ? Palette.role(for: row.status.rawValue) : nil
    }
}
