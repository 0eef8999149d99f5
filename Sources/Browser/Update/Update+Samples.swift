import SegmentsAPI
import TerminalUI

extension AppState {
    /// Fetches the pages around the visible rows (and one ahead, so scrolling does not wait)
    /// and cancels page requests that scrolled far away.
    mutating func ensureSamplePages() -> [Effect] {
        guard let current = dataset, current.tab == .samples || current.detail != nil else { return [] }
        let samples = current.samples
        if samples.error != nil { return [] }
        let rows = layout.samplesTableRows
        let count = samples.rowCount
        let view = samples.table.clamped(count: count, visibleRows: rows)
        let firstRow = view.offset
        let lastRow = view.offset + rows - 1 + samples.pageSize / 2
        var wanted = Set<Int>()
        if count > 0 {
            let lastKnownRow = count - 1
            for page in samples.page(of: firstRow)...samples.page(of: max(firstRow, min(lastRow, lastKnownRow))) {
                wanted.insert(page)
            }
            // The detail may sit on a row off screen (n/p): keep its page.
            wanted.insert(samples.page(of: view.selected))
        }
        if samples.mayHaveMore, lastRow >= samples.loadedPrefixCount {
            wanted.insert(samples.loadedPrefixCount / samples.pageSize + 1)
        }
        if count == 0 && samples.knownCount == nil { wanted.insert(1) }
        if let known = samples.knownCount {
            wanted = wanted.filter { ($0 - 1) * samples.pageSize < known }
        }
        dataset?.samples.evictPages(keeping: wanted, near: samples.page(of: firstRow))
        var effects = cancel { slot in
            if case .samplePage(let page) = slot { return !wanted.contains(page) }
            return false
        }
        for page in wanted.sorted() where samples.pages[page] == nil && inFlight[.samplePage(page)] == nil {
            let query = samples.filter.query(labelset: current.labelset, page: page, perPage: samples.pageSize)
            effects.append(
                start(
                    .samplePage(page), ServiceCalls.samples(dataset: current.fullName, query: query),
                    then: { $0.landSamplePage(page, $1) }, otherwise: { $0.failSamplePage(page, $1) }))
        }
        return effects
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
}
