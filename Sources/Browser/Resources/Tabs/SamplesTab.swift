import SegmentsAPI
import TerminalUI

/// The samples table: fetched a page at a time around the cursor, filtered and sorted by
/// the server.
enum SamplesTab: DatasetTabBehaviour {
    static let bindingContexts: [BindingContext] = [.samples, .lists]

    static func navigate(_ state: inout AppState, _ navigation: NavigationCommand) -> [Effect] {
        state.moveSamples(navigation)
    }

    static func filterText(_ dataset: DatasetState) -> String? { dataset.samples.filter.name }

    static func setFilter(_ state: inout AppState, _ text: String) -> [Effect] {
        state.changeSampleFilter { $0.name = text }
    }

    static func copyText(_ dataset: DatasetState) -> String? { selected(dataset)?.uuid }

    static func load(_ state: inout AppState, force: Bool) -> [Effect] {
        guard force, let current = state.dataset else { return state.ensureSamplePages() }
        state.dataset?.samples.reset()
        state.dataset?.samples.table = current.samples.table
        return state.cancel(where: { if case .samplePage = $0 { true } else { false } }) + state.ensureSamplePages()
    }

    static func hasFailedLoad(_ dataset: DatasetState) -> Bool { dataset.samples.error != nil }

    static func open(_ state: inout AppState) -> [Effect] {
        guard let sample = state.dataset.flatMap(selected) else { return [] }
        return state.openDetail(uuid: sample.uuid, source: .samples, sample: sample)
    }

    static func openReason(_ dataset: DatasetState) -> String? { selected(dataset) == nil ? "no sample is selected" : nil }

    static func listScroll(_ dataset: DatasetState) -> (scroll: ScrollState, count: Int)? {
        (dataset.samples.table, dataset.samples.rowCount)
    }

    static func render(_ state: AppState, dataset: DatasetState, into screen: inout Screen, area: Rect, focused: Bool) {
        SamplesTabView.render(state, dataset: dataset, into: &screen, area: area, focused: focused)
    }

    private static func selected(_ dataset: DatasetState) -> Sample? { dataset.samples.sample(at: dataset.samples.table.selected) }
}
