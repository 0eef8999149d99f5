import SegmentsAPI
import TerminalUI

/// The dataset's description, counts and settings: text that scrolls, nothing to select.
enum InfoTab: DatasetTabBehaviour {
    static let bindingContexts: [BindingContext] = [.lists]

    static func navigate(_ state: inout AppState, _ navigation: NavigationCommand) -> [Effect] {
        guard let current = state.dataset else { return [] }
        let page = state.layout.content.height
        let step: Int = switch navigation {
        case .up: -1
        case .down: 1
        case .top: -10_000
        case .bottom: 10_000
        case .pageUp, .halfPageUp: -page
        case .pageDown, .halfPageDown: page
        case .row: 0
        }
        state.dataset?.infoScroll = max(0, min(current.infoScroll + step, 10_000))
        return []
    }

    static func filterText(_ dataset: DatasetState) -> String? { nil }
    static func setFilter(_ state: inout AppState, _ text: String) -> [Effect] { [] }
    static func copyText(_ dataset: DatasetState) -> String? { dataset.fullName }

    /// The dataset is fetched whenever one is opened; here only again on `r`.
    static func load(_ state: inout AppState, force: Bool) -> [Effect] {
        force ? state.loadDatasetInfo() : []
    }

    static func hasFailedLoad(_ dataset: DatasetState) -> Bool { false }
    static func open(_ state: inout AppState) -> [Effect] { [] }
    static func openReason(_ dataset: DatasetState) -> String? { "nothing opens from Info" }
    static func listScroll(_ dataset: DatasetState) -> (scroll: ScrollState, count: Int)? { nil }

    static func render(_ state: AppState, dataset: DatasetState, into screen: inout Screen, area: Rect, focused: Bool) {
        InfoTabView.render(state, dataset: dataset, into: &screen, area: area)
    }
}
