import SegmentsAPI
import TerminalUI

extension AppState {
    /// Shows the sample `uuid` in the detail view and fetches it with its label.
    mutating func openDetail(uuid: String, source: DetailSource, sample: Sample? = nil) -> [Effect] {
        guard let current = dataset else { return [] }
        var detail = SampleDetailState(uuid: uuid, source: source, sample: sample)
        detail.scroll = 0
        dataset?.detail = detail
        return [
            start(
                .sampleDetail, ServiceCalls.sampleDetail(uuid: uuid, labelset: current.labelset),
                then: { $0.landSampleDetail($1) }, otherwise: { $0.failSampleDetail($1) })
        ]
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
            let index = samples.table.selected + step
            guard index >= 0, index < samples.rowCount || samples.mayHaveMore else {
                showInfo(step > 0 ? "Last sample." : "First sample.")
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
        guard let current = dataset, let row = current.detail?.waitingForRow else { return [] }
        if let sample = current.samples.sample(at: row) {
            return openDetail(uuid: sample.uuid, source: .samples, sample: sample)
        }
        if let known = current.samples.knownCount, row >= known {
            showInfo("Last sample.")
            dataset?.detail = nil
        }
        return []
    }
}
