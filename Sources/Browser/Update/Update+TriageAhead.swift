import SegmentsAPI

/// The triage queue reads ahead: while the reviewer looks at one sample, the next few are
/// fetched with their labels, so `a` or `x` opens the next sample at once. Over a slow link
/// that is the difference between a decision per round trip and a decision per key.
extension AppState {
    /// How many samples past the open one are fetched ahead.
    static let triageLookAhead = 3

    /// The rows the queue opens next, in order (the assignee filter skips others).
    var queueRowsAhead: [Int] {
        guard let current = dataset, current.queue != nil, let detail = current.detail, detail.source == .samples
        else { return [] }
        var rows: [Int] = []
        var row = current.samples.table.selected
        for _ in 0..<Self.triageLookAhead {
            row = queueRow(after: row, step: 1)
            guard current.samples.sample(at: row) != nil else { break }
            rows.append(row)
        }
        return rows
    }

    /// Starts fetching the samples ahead that are neither fetched nor on their way; stops
    /// fetching the ones no longer ahead, and forgets what was fetched for them.
    mutating func fetchAhead() -> [Effect] {
        guard let current = dataset, current.queue != nil else { return [] }
        let uuids = queueRowsAhead.compactMap { current.samples.sample(at: $0)?.uuid }
        let wanted = Set(uuids)
        var effects = cancel { slot in
            if case .detailAhead(let uuid) = slot { return !wanted.contains(uuid) }
            return false
        }
        dataset?.queue?.ahead = current.queue?.ahead.filter { wanted.contains($0.key) } ?? [:]
        // A sample decided in this session is fetched when opened: its status is news.
        let decided = Set(triage.decisions.map(\.sampleUUID))
        for uuid in uuids
        where current.queue?.ahead[uuid] == nil && inFlight[.detailAhead(uuid)] == nil && !decided.contains(uuid) {
            effects.append(
                start(
                    .detailAhead(uuid), ServiceCalls.sampleDetail(uuid: uuid, labelset: current.labelset),
                    then: { state, fetched in
                        state.dataset?.queue?.ahead[uuid] = fetched
                        return []
                    },
                    // The sample is fetched again when opened; its error shows then.
                    otherwise: { _, _ in [] }))
        }
        return effects
    }

    /// What was fetched ahead for `uuid`, taken out of the queue's store; nil when nothing
    /// was, or when it may be stale (a decision of this session touched the sample).
    mutating func takeFetchedAhead(_ uuid: String) -> SampleWithLabel? {
        guard let fetched = dataset?.queue?.ahead.removeValue(forKey: uuid),
            fetched.labelset == dataset?.labelset,
            !triage.decisions.contains(where: { $0.sampleUUID == uuid })
        else { return nil }
        return fetched
    }
}
