import SegmentsAPI
import TerminalUI

/// The reviewer's triage in the sample detail: `a` accept, `x` reject (then on to the next
/// sample), `u` undo; in the triage queue also `X` reject with an issue and `s` skip.
/// One label write at a time: keys pressed while it is saving send nothing.
extension AppState {
    /// `T` on the Samples tab: the queue over the current filter, or, when it has no status
    /// filter, over the LABELED samples by priority (highest first).
    mutating func startTriageQueue() -> [Effect] {
        guard let current = dataset else { return [] }
        var effects: [Effect] = []
        if current.samples.filter.statuses.isEmpty {
            effects += changeSampleFilter { filter in
                filter.statuses = [.labeled]
                filter.sort = .priority
                filter.direction = .descending
            }
        }
        guard let filtered = dataset else { return effects }
        dataset?.queue = TriageQueue(total: Self.queueTotal(filtered), baseline: triage.reviewedCount)
        dataset?.samples.table = ScrollState()
        if let sample = filtered.samples.sample(at: 0) {
            effects += openDetail(uuid: sample.uuid, source: .samples, sample: sample)
        } else {
            var waiting = SampleDetailState(uuid: "", source: .samples)
            waiting.waitingForRow = 0
            dataset?.detail = waiting
            effects += ensureSamplePages()
        }
        showInfo("Triage queue: a accept · x reject · X reject with an issue · s skip · u undo · Esc leaves")
        return effects
    }

    /// The queue's size when the dataset's ground-truth label counts tell it.
    static func queueTotal(_ dataset: DatasetState) -> Int? {
        let filter = dataset.samples.filter
        if let known = dataset.samples.knownCount { return known }
        guard dataset.labelset == "ground-truth", filter.name.isEmpty, filter.metadata.isEmpty else { return nil }
        let stats = dataset.dataset.labelStats
        if filter.statuses.isEmpty { return stats.total ?? dataset.dataset.sampleCount }
        let counts = filter.statuses.map { stats.count(of: $0) }
        return counts.contains(nil) ? nil : counts.reduce(0) { $0 + ($1 ?? 0) }
    }

    /// `s` in the queue: no decision, on to the next sample.
    mutating func skipSample() -> [Effect] {
        guard let detail = dataset?.detail, !detail.uuid.isEmpty else { return [] }
        dataset?.queue?.skipped += 1
        let name = detail.sample?.name ?? detail.uuid
        message = nil
        let effects = moveDetail(by: 1)
        let atEnd = message.map { " · \($0.text)" } ?? ""
        showInfo("skipped \(name)\(atEnd)")
        return effects
    }

    /// `X` in the queue: ask why, then reject and open the issue in one step.
    mutating func askToRejectWithIssue() {
        guard let detail = dataset?.detail, let sample = detail.sample else { return }
        overlay = .modal(
            .textArea(title: "Reject \(sample.name)", prompt: "Why? This opens an issue on the sample (empty: just reject)."),
            .rejectWithIssue(sampleUUID: sample.uuid, sampleName: sample.name))
    }

    mutating func rejectWithIssue(sampleUUID: String, sampleName: String, description text: String) -> [Effect] {
        guard dataset?.detail?.uuid == sampleUUID else {
            showError("The sample changed before the reject; nothing was written.")
            return []
        }
        let description = text.trimmingBlankEdges
        return decide(.rejected, issueDescription: description.isEmpty ? nil : description)
    }

    /// Esc in the queue: back to the table, with the queue's tally.
    mutating func leaveTriageQueue() -> [Effect] {
        let tally = dataset?.queue?.progress(triage)
        let effects = closeDetail()
        if let tally { showInfo("Left the triage queue: \(tally)") }
        return effects
    }

    mutating func decide(_ status: LabelStatus, issueDescription: String? = nil) -> [Effect] {
        guard let current = dataset, let detail = current.detail, let label = detail.label else { return [] }
        guard !refuseWhileSaving() else { return [] }
        let decision = TriageDecision(
            sampleUUID: detail.uuid, sampleName: detail.sample?.name ?? detail.uuid, labelset: label.labelset,
            previous: label.labelStatus, applied: status, issueDescription: issueDescription)
        triage.pending = .decide(decision)
        showInfo("\(decision.verb.dropLast(2))ing \(decision.sampleName)…")
        return [start(.labelWrite, .setLabelStatus(sampleUUID: decision.sampleUUID, labelset: decision.labelset, status: status))]
    }

    mutating func undoLastDecision() -> [Effect] {
        guard let decision = triage.decisions.last else { return [] }
        guard !refuseWhileSaving() else { return [] }
        triage.pending = .undo(decision)
        showInfo("undoing \(decision.verb.dropLast(2)) of \(decision.sampleName)…")
        return [
            start(.labelWrite, .setLabelStatus(sampleUUID: decision.sampleUUID, labelset: decision.labelset, status: decision.previous))
        ]
    }

    /// True (and said) when a write is in flight: the key press is dropped.
    private mutating func refuseWhileSaving() -> Bool {
        guard triage.isSaving else { return false }
        showInfo("Still saving the last decision…")
        return true
    }

    /// The write landed: remember the decision and move on, or take the undone one back.
    mutating func applyLabelWrite(_ label: Label) -> [Effect] {
        guard let pending = triage.pending else { return [] }
        triage.pending = nil
        refreshSampleRow(uuid: label.sampleUUID, label: label)
        switch pending {
        case .decide(let decision):
            triage.decisions.append(decision)
            var effects: [Effect] = []
            var issueNote = ""
            if let description = decision.issueDescription {
                if issueWrite == nil {
                    issueWrite = .create(sampleName: decision.sampleName, description: description)
                    effects.append(start(.issueWrite, .addIssue(sampleUUID: decision.sampleUUID, description: description)))
                    issueNote = ", opening the issue"
                } else {
                    issueNote = ", but the issue was not opened (another issue change is saving)"
                }
            }
            message = nil
            if dataset?.detail?.uuid == decision.sampleUUID {
                dataset?.detail?.label = label
                effects += moveDetail(by: 1)
            }
            let atEnd = message.map { " · \($0.text)" } ?? ""
            showInfo("\(decision.verb) \(decision.sampleName) (\(label.labelStatus.rawValue))\(issueNote)\(atEnd)")
            return effects
        case .undo(let decision):
            if let index = triage.decisions.lastIndex(of: decision) { triage.decisions.remove(at: index) }
            if dataset?.detail?.uuid == decision.sampleUUID { dataset?.detail?.label = label }
            showInfo("undid \(decision.verb.dropLast(2)) of \(decision.sampleName): back to \(label.labelStatus.rawValue)")
            return []
        }
    }

    /// The samples table shows the new status without a reload.
    private mutating func refreshSampleRow(uuid: String, label: Label) {
        guard var pages = dataset?.samples.pages else { return }
        for (page, samples) in pages {
            guard let index = samples.firstIndex(where: { $0.uuid == uuid }) else { continue }
            pages[page]?[index].label = .full(label)
            dataset?.samples.pages = pages
            return
        }
    }

    /// The server refused: nothing changes but the message.
    mutating func failLabelWrite(_ failure: RequestFailure) {
        triage.pending = nil
        showError(failure.text)
    }
}

extension LabelStats {
    /// The count for one status, when the server sent it.
    func count(of status: LabelStatus) -> Int? {
        switch status {
        case .unlabeled: unlabeled
        case .labeled: labeled
        case .prelabeled: prelabeled
        case .labelingInProgress: labelingInProgress
        case .reviewingInProgress: reviewingInProgress
        case .reviewed: reviewed
        case .rejected: rejected
        case .skipped: skipped
        case .verified: verified
        case .unknown: nil
        }
    }
}
