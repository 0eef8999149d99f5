import SegmentsAPI
import TerminalUI

extension AppState {
    /// Fetches the pages on screen at once and reads ahead in the direction of scrolling
    /// (`SamplePagePlan`), at most `SamplePagePlan.maxInFlight` pages at a time; cancels
    /// page requests that scrolled out of reach.
    mutating func ensureSamplePages() -> [Effect] {
        guard let current = dataset, current.tab == .samples || current.detail != nil else { return [] }
        var samples = current.samples
        if samples.error != nil { return [] }
        let rows = layout.samplesTableRows
        let selected = samples.table.clamped(count: samples.rowCount, visibleRows: rows).selected
        samples.motion = samples.motion.after(from: samples.plannedSelection, to: selected)
        samples.plannedSelection = selected
        let plan = SamplePagePlan(samples, visibleRows: rows)
        samples.evictPages(keeping: plan.keep, near: samples.page(of: samples.table.offset))
        dataset?.samples = samples

        var effects = cancel { slot in
            if case .samplePage(let page) = slot { return !plan.keep.contains(page) }
            return false
        }
        var inFlightPages = inFlight.keys.filter { if case .samplePage = $0 { true } else { false } }.count
        let requested = Set(inFlight.keys)
        let missing = { (page: Int) in samples.pages[page] == nil && !requested.contains(.samplePage(page)) }
        for page in plan.needed where missing(page) {
            effects.append(fetchSamplePage(page, of: current))
            inFlightPages += 1
        }
        for page in plan.ahead where missing(page) && inFlightPages < SamplePagePlan.maxInFlight {
            effects.append(fetchSamplePage(page, of: current))
            inFlightPages += 1
        }
        return effects
    }

    private mutating func fetchSamplePage(_ page: Int, of current: DatasetState) -> Effect {
        let samples = current.samples
        let query = samples.filter.query(labelset: current.labelset, page: page, perPage: samples.pageSize)
        return start(
            .samplePage(page), ServiceCalls.samples(dataset: current.fullName, query: query),
            then: { $0.landSamplePage(page, $1) }, otherwise: { $0.failSamplePage(page, $1) })
    }

    /// The filter, order or labelset changed: start again from the first row.
    mutating func reloadSamples() -> [Effect] {
        guard dataset != nil else { return [] }
        dataset?.samples.reset()
        let expected = dataset.flatMap(Self.statusFilterCount)
        dataset?.samples.statsCount = expected
        return cancel(where: { if case .samplePage = $0 { true } else { false } }) + ensureSamplePages()
    }

    mutating func changeSampleFilter(_ change: (inout SampleFilter) -> Void) -> [Effect] {
        guard var filter = dataset?.samples.filter else { return [] }
        change(&filter)
        guard filter != dataset?.samples.filter else { return [] }
        dataset?.samples.filter = filter
        return reloadSamples()
    }

    mutating func moveSamples(_ command: NavigationCommand) -> [Effect] {
        guard let samples = dataset?.samples else { return [] }
        let rows = layout.samplesTableRows
        dataset?.samples.table = samples.table.applying(command, count: samples.rowCount, visibleRows: rows)
        return ensureSamplePages()
    }

    /// The samples table's visible rows, loaded or not (a table still waiting for its
    /// first page counts its whole height as unloaded); zeros when it is not on screen.
    var visibleSampleRows: (unloaded: Int, loaded: Int, selected: Int) {
        guard let current = dataset, current.tab == .samples, current.detail == nil else { return (0, 0, -1) }
        let samples = current.samples
        let rows = layout.samplesTableRows
        let count = samples.rowCount
        if count == 0 { return (samples.knownCount == nil ? rows : 0, 0, -1) }
        let view = samples.table.clamped(count: count, visibleRows: rows)
        let shown = view.offset..<min(count, view.offset + rows)
        let loaded = shown.filter { samples.sample(at: $0) != nil }.count
        return (shown.count - loaded, loaded, view.selected)
    }
}
