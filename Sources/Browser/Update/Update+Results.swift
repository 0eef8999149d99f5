import SegmentsAPI

/// Where answers land. Each request names its handler when it starts (`start(_:_:then:)`),
/// typed by its call; what is here is shared: the check that a write still belongs to the
/// open dataset, and the failures of the slots without a handler of their own.
extension AppState {
    mutating func land(_ landing: Landing) -> [Effect] {
        // A write made in another dataset than the one open now: said, not applied here.
        if let madeIn = writeDatasets.removeValue(forKey: landing.slot), madeIn != dataset?.fullName {
            if let failure = landing.failure {
                showError("The change in \(madeIn) was not saved: \(failure.text)")
            } else {
                showInfo("The change in \(madeIn) was saved.")
            }
            return writeSettledElsewhere(in: landing.slot, landing.failure)
        }
        return landing.apply(&self)
    }

    mutating func loadDatasets() -> Effect {
        start(.datasets, ServiceCalls.datasets, then: { $0.landDatasets($1) })
    }

    mutating func landDatasets(_ listing: DatasetListing) -> [Effect] {
        user = listing.user
        datasets.items = listing.datasets
        datasets.error = nil
        datasets.scroll = datasets.scroll.clamped(count: visibleDatasets.count, visibleRows: layout.datasetRows)
        if let current = dataset, let fresh = listing.datasets.first(where: { $0.fullName == current.fullName }) {
            dataset?.dataset = fresh
            return []
        }
        return followDatasetSelection()
    }

    mutating func landSamplePage(_ page: Int, _ samples: [Sample]) -> [Effect] {
        guard var samplesState = dataset?.samples else { return [] }
        samplesState.store(samples, page: page)
        samplesState.error = nil
        if samples.count < samplesState.pageSize {
            samplesState.knownCount = (page - 1) * samplesState.pageSize + samples.count
        } else if let expected = samplesState.statsCount, page * samplesState.pageSize > expected {
            // The label counts were behind (labels changed since): the pages tell from here.
            samplesState.statsCount = nil
        }
        dataset?.samples = samplesState
        return ensureSamplePages() + refreshDetailIfWaiting() + readListsAhead()
    }

    mutating func failSamplePage(_ page: Int, _ failure: SegmentsError) -> [Effect] {
        // Past the end of a dataset whose count was an estimate: the end is now known.
        if case .notFound = failure, page > 1, let pageSize = dataset?.samples.pageSize {
            let known = min(dataset?.samples.knownCount ?? Int.max, (page - 1) * pageSize)
            dataset?.samples.knownCount = known
            return ensureSamplePages()
        }
        showError(failure.text)
        dataset?.samples.error = failure
        return []
    }

    mutating func landSampleDetail(_ answer: SampleWithLabel) -> [Effect] {
        guard var detail = dataset?.detail, detail.uuid == answer.sample.uuid else { return [] }
        detail.sample = answer.sample
        detail.label = answer.label
        // A decision typed ahead for this sample is shown until its write lands.
        if let label = answer.label, label.labelset == dataset?.labelset, let pending = triage.pendingStatus(of: answer.sample.uuid) {
            detail.label?.labelStatus = pending
        }
        detail.isLoaded = true
        detail.error = nil
        dataset?.detail = detail
        return []
    }

    mutating func failSampleDetail(_ failure: SegmentsError) -> [Effect] {
        showError(failure.text)
        dataset?.detail?.error = failure
        dataset?.detail?.isLoaded = true
        return []
    }

    /// The failure of a request whose slot has no handler of its own: said, and kept where
    /// the view shows it.
    mutating func recordFailure(_ failure: SegmentsError, in slot: Slot) -> [Effect] {
        if let action = Self.writeAction(slot) {
            showError("Could not \(action): \(failure.text)")
            return []
        }
        showError(failure.text)
        if slot == .datasets { datasets.error = failure }
        return []
    }

    /// What a refused write was, for its message (nothing on screen changed before it).
    private static func writeAction(_ slot: Slot) -> String? {
        switch slot {
        case .releaseWrite: "change the releases"
        case .collaboratorWrite: "change the collaborators"
        case .labelsetWrite: "change the labelsets"
        default: nil
        }
    }

    mutating func landSampleMatches(_ name: String, _ samples: [Sample]) -> [Effect] {
        if message?.kind == .info { message = nil }
        switch CommandLine.pick(samples, named: name) {
        case .one(let sample): return openLookedUp(sample)
        case .none: showError("No sample's name contains \(name) in \(dataset?.fullName ?? "this dataset").")
        case .several(let count, let names): showError("\(name) matches \(count) samples (\(names)); type more of the name or a uuid.")
        }
        return []
    }

    /// A `:sample` lookup came back: open its dataset and show it.
    mutating func openLookedUp(_ sample: Sample) -> [Effect] {
        if message?.kind == .info { message = nil }
        guard let owner = sample.datasetFullName ?? dataset?.fullName else {
            showError("Sample \(sample.uuid) has no dataset I can open.")
            return []
        }
        var effects = selectDataset(named: owner)
        guard dataset?.fullName == owner else {
            showError("Sample \(sample.name) is in \(owner), which is not in your datasets.")
            return effects
        }
        focus = .content
        effects += openDetail(uuid: sample.uuid, source: .lookup, sample: sample)
        return effects
    }
}
