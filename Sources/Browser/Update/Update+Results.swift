import SegmentsAPI

extension AppState {
    mutating func handleResult(_ slot: Slot, _ result: Result<ServiceResponse, RequestFailure>) -> [Effect] {
        // A write made in another dataset than the one open now: said, not applied here.
        if let madeIn = writeDatasets.removeValue(forKey: slot), madeIn != dataset?.fullName {
            switch result {
            case .success: showInfo("The change in \(madeIn) was saved.")
            case .failure(let failure): showError("The change in \(madeIn) was not saved: \(failure.text)")
            }
            return []
        }
        switch result {
        case .success(let response):
            return apply(response, in: slot)
        case .failure(let failure):
            return record(failure, in: slot)
        }
    }

    private mutating func apply(_ response: ServiceResponse, in slot: Slot) -> [Effect] {
        switch (slot, response) {
        case (.datasets, .datasets(let user, let list)):
            self.user = user
            datasets.items = list
            datasets.error = nil
            datasets.scroll = datasets.scroll.clamped(count: visibleDatasets.count, visibleRows: layout.datasetRows)
            if let current = dataset, let fresh = list.first(where: { $0.fullName == current.fullName }) {
                dataset?.dataset = fresh
                return []
            }
            return followDatasetSelection()
        case (.samplePage(let page), .samples(let samples)):
            guard var samplesState = dataset?.samples else { return [] }
            samplesState.pages[page] = samples
            samplesState.error = nil
            if samples.count < samplesState.pageSize {
                samplesState.knownCount = (page - 1) * samplesState.pageSize + samples.count
            } else if let expected = samplesState.statsCount, page * samplesState.pageSize > expected {
                // The label counts were behind (labels changed since): the pages tell from here.
                samplesState.statsCount = nil
            }
            dataset?.samples = samplesState
            return ensureSamplePages() + refreshDetailIfWaiting()
        case (.datasetIssues, .issues(let issues)):
            dataset?.issues.items = issues
            dataset?.issues.error = nil
            return []
        case (.tab(.collaborators), .collaborators(let list)):
            dataset?.collaborators.items = list
            dataset?.collaborators.error = nil
        case (.tab(.releases), .releases(let list)):
            dataset?.releases.items = list
            dataset?.releases.error = nil
            return resumeReleaseWatch()
        case (.tab(.labelsets), .labelsets(let list)):
            dataset?.labelsets.items = list
            dataset?.labelsets.error = nil
        case (.tab(.workunits), .workunits(let list)):
            dataset?.workunits.items = list
            dataset?.workunits.error = nil
        case (.tab(.info), .dataset(let fresh)):
            dataset?.dataset = fresh
            if let count = fresh.sampleCount { dataset?.samples.estimatedCount = count }
        case (.sampleDetail, .sampleDetail(let sample, let label)):
            guard var detail = dataset?.detail, detail.uuid == sample.uuid else { return [] }
            detail.sample = sample
            detail.label = label
            // A decision typed ahead for this sample is shown until its write lands.
            if let label, label.labelset == dataset?.labelset, let pending = triage.pendingStatus(of: sample.uuid) {
                detail.label?.labelStatus = pending
            }
            detail.isLoaded = true
            detail.error = nil
            dataset?.detail = detail
        case (.sampleLookup, .sampleLookup(let sample)):
            if message?.kind == .info { message = nil }
            return openLookedUp(sample)
        case (.sampleLookup, .sampleMatches(let name, let samples)):
            if message?.kind == .info { message = nil }
            switch CommandLine.pick(samples, named: name) {
            case .one(let sample): return openLookedUp(sample)
            case .none: showError("No sample's name contains \(name) in \(dataset?.fullName ?? "this dataset").")
            case .several(let count, let names): showError("\(name) matches \(count) samples (\(names)); type more of the name or a uuid.")
            }
        case (.labelWrite, .label(let label)):
            return applyLabelWrite(label)
        case (.issueWrite, .issue(let issue)):
            return applyIssueWrite(issue)
        case (.issueWrite, .issueDeleted(let uuid)):
            return applyIssueDeleted(uuid)
        case (.releaseWrite, .release(let release)):
            return applyCreatedRelease(release)
        case (.releaseWrite, .releaseDeleted(let name)):
            return applyDeletedRelease(named: name)
        case (.access, .access(let role)):
            applyAccess(role)
        case (.collaboratorWrite, .collaborator(let collaborator)):
            return applyCollaborator(collaborator)
        case (.collaboratorLookup, .collaborator(let collaborator)):
            return applyLookedUpCollaborator(collaborator)
        case (.collaboratorWrite, .collaboratorRemoved(let username)):
            return applyCollaboratorRemoved(username)
        case (.labelsetWrite, .labelset(let labelset)):
            return applyAddedLabelset(labelset)
        case (.labelsetWrite, .labelsetDeleted(let name)):
            return applyDeletedLabelset(named: name)
        case (.releasePoll, .release(let release)):
            return applyPolledRelease(release)
        default:
            break
        }
        return []
    }

    private mutating func record(_ failure: RequestFailure, in slot: Slot) -> [Effect] {
        if slot == .labelWrite { return failLabelWrite(failure) }
        if slot == .issueWrite {
            failIssueWrite(failure)
            return []
        }
        if slot == .releasePoll {
            failReleasePoll(failure)
            return []
        }
        // Not knowing the role is no error to show: every action stays offered.
        if slot == .access { return [] }
        if slot == .collaboratorLookup {
            failCollaboratorLookup(failure)
            return []
        }
        if let action = Self.writeAction(slot) {
            showError("Could not \(action): \(failure.text)")
            return []
        }
        showError(failure.text)
        switch slot {
        case .datasets: datasets.error = failure
        case .samplePage(let page):
            // Past the end of a dataset whose count was an estimate: the end is now known.
            if failure.isNotFound, page > 1, let pageSize = dataset?.samples.pageSize {
                let known = min(dataset?.samples.knownCount ?? Int.max, (page - 1) * pageSize)
                dataset?.samples.knownCount = known
                message = nil
                return ensureSamplePages()
            }
            dataset?.samples.error = failure
        case .datasetIssues: dataset?.issues.error = failure
        case .tab(.collaborators): dataset?.collaborators.error = failure
        case .tab(.releases): dataset?.releases.error = failure
        case .tab(.labelsets): dataset?.labelsets.error = failure
        case .tab(.workunits): dataset?.workunits.error = failure
        case .tab: break
        case .sampleDetail:
            dataset?.detail?.error = failure
            dataset?.detail?.isLoaded = true
        case .sampleLookup, .labelWrite, .issueWrite, .releaseWrite, .releasePoll, .collaboratorWrite, .labelsetWrite, .access,
            .collaboratorLookup:
            break
        }
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

    /// A `:sample` lookup came back: open its dataset and show it.
    private mutating func openLookedUp(_ sample: Sample) -> [Effect] {
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
