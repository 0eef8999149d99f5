import SegmentsAPI
import TerminalUI

extension AppState {
    /// Shows the sample `uuid` in the detail view and fetches it with its label.
    mutating func openDetail(uuid: String, source: DetailSource, sample: Sample? = nil) -> [Effect] {
        guard let current = dataset else { return [] }
        var detail = SampleDetailState(uuid: uuid, source: source, sample: sample)
        detail.scroll = 0
        dataset?.detail = detail
        // The triage queue fetched this one ahead: shown at once, still fetched again below
        // so what is on screen ends up being what the server has now.
        if let fetched = takeFetchedAhead(uuid) { _ = landSampleDetail(fetched) }
        return [
            start(
                .sampleDetail, ServiceCalls.sampleDetail(uuid: uuid, labelset: current.labelset),
                then: { $0.landSampleDetail($1) }, otherwise: { $0.failSampleDetail($1) })
        ] + fetchAhead()
    }

    mutating func closeDetail() -> [Effect] {
        dataset?.detail = nil
        dataset?.queue = nil
        return [cancel(.sampleDetail)].compactMap { $0 } + ensureSamplePages()
    }

    /// `n`/`p`: the neighbour in the order the detail was opened from, without going back.
    mutating func moveDetail(by step: Int) -> [Effect] {
        guard let current = dataset, let detail = current.detail else { return [] }
        switch detail.source {
        case .lookup:
            return []
        case .issues:
            let issues = current.visibleIssues
            let index = current.issues.scroll.selected + step
            guard let issue = issues[safe: index] else {
                showInfo(step > 0 ? "Last issue." : "First issue.")
                return []
            }
            let rows = layout.tabTableRows
            dataset?.issues.scroll = ScrollStateHelpers.select(index, count: issues.count, rows: rows)
            return openDetail(uuid: issue.sampleUUID, source: .issues)
        case .samples:
            let samples = current.samples
            let index = queueRow(after: samples.table.selected, step: step)
            guard index >= 0, index < samples.rowCount || samples.mayHaveMore else {
                showInfo(endOfQueue(forward: step > 0))
                return []
            }
            let rows = layout.samplesTableRows
            dataset?.samples.table = ScrollStateHelpers.select(index, count: max(samples.rowCount, index + 1), rows: rows)
            if let sample = samples.sample(at: index) {
                return openDetail(uuid: sample.uuid, source: .samples, sample: sample)
            }
            var waiting = SampleDetailState(uuid: "", source: .samples)
            waiting.waitingForRow = index
            dataset?.detail = waiting
            return [cancel(.sampleDetail)].compactMap { $0 } + ensureSamplePages()
        }
    }

    /// A page landed: open the row `n`/`p` was waiting for.
    mutating func refreshDetailIfWaiting() -> [Effect] {
        guard let current = dataset, let waiting = current.detail?.waitingForRow else { return [] }
        // In a queue for one assignee the rows that just arrived may belong to someone else.
        let row = current.samples.sample(at: waiting).map { current.queue?.assignee?.admits($0) == false } == true
            ? queueRow(after: waiting, step: 1) : waiting
        if let sample = current.samples.sample(at: row) {
            return openDetail(uuid: sample.uuid, source: .samples, sample: sample)
        }
        if let known = current.samples.knownCount, row >= known {
            showInfo(endOfQueue(forward: true))
            dataset?.detail = nil
            return []
        }
        guard row != waiting else { return [] }
        dataset?.detail?.waitingForRow = row
        let table = ScrollStateHelpers.select(row, count: max(current.samples.rowCount, row + 1), rows: layout.samplesTableRows)
        dataset?.samples.table = table
        return ensureSamplePages()
    }

    private func endOfQueue(forward: Bool) -> String {
        if let assignee = dataset?.queue?.assignee {
            return "No \(forward ? "later" : "earlier") sample is assigned to \(assignee)."
        }
        return forward ? "Last sample." : "First sample."
    }
}
