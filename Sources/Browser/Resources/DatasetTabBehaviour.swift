import SegmentsAPI
import TerminalUI

/// What a dataset tab does, in one place: how keys move in it, what `/` filters, what `y`
/// copies, what Enter opens, how it loads and how it is drawn. `DatasetTab.behaviour` is
/// the only place that tells tabs apart; the update and the views ask it.
protocol DatasetTabBehaviour: SendableMetatype {
    /// The binding contexts of the tab, most specific first (before `.global`).
    static var bindingContexts: [BindingContext] { get }
    static func navigate(_ state: inout AppState, _ navigation: NavigationCommand) -> [Effect]
    /// The text `/` edits; nil when the tab has nothing to filter.
    static func filterText(_ dataset: DatasetState) -> String?
    static func setFilter(_ state: inout AppState, _ text: String) -> [Effect]
    static func copyText(_ dataset: DatasetState) -> String?
    /// Loads what the tab shows, if it is not loaded (or when `force`).
    static func load(_ state: inout AppState, force: Bool) -> [Effect]
    /// Whether what the tab shows failed to load.
    static func hasFailedLoad(_ dataset: DatasetState) -> Bool
    static func open(_ state: inout AppState) -> [Effect]
    /// Why Enter opens nothing, or nil.
    static func openReason(_ dataset: DatasetState) -> String?
    /// The selection and the row count; nil when the tab has no rows (Info).
    static func listScroll(_ dataset: DatasetState) -> (scroll: ScrollState, count: Int)?
    static func render(_ state: AppState, dataset: DatasetState, into screen: inout Screen, area: Rect, focused: Bool)
    /// Starts loading what the tab shows in the background, before it is shown, if it needs
    /// loading and may be loaded now; else nothing.
    static func readAhead(_ state: inout AppState) -> [Effect]
}

extension DatasetTabBehaviour {
    static func readAhead(_ state: inout AppState) -> [Effect] { [] }
}

extension DatasetTab {
    /// The tab's behaviour: the one switch over the tabs.
    var behaviour: any DatasetTabBehaviour.Type {
        switch self {
        case .samples: SamplesTab.self
        case .issues: IssuesTab.self
        case .collaborators: CollaboratorsTab.self
        case .releases: ReleasesTab.self
        case .labelsets: LabelsetsTab.self
        case .workunits: WorkunitsTab.self
        case .stats: StatsTab.self
        case .info: InfoTab.self
        }
    }
}
