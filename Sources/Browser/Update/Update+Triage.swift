import SegmentsAPI
import TerminalUI

/// The reviewer's triage in the sample detail: `a` accept, `x` reject (then on to the next
/// sample), `u` undo; in the triage queue also `X` reject with an issue and `s` skip.
/// Decisions apply at once and are written in the order they were typed (see `TriageState`).
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
        if filtered.samples.filter != current.samples.filter { dataset?.queue?.filterBefore = current.samples.filter }
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
        dataset.samples.knownCount ?? statusFilterCount(dataset)
    }

    /// How many samples a filter by label status alone holds, from the dataset's
    /// ground-truth label counts; nil when they cannot tell.
    static func statusFilterCount(_ dataset: DatasetState) -> Int? {
        let filter = dataset.samples.filter
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
        let filterBefore = dataset?.queue?.filterBefore
        var effects = closeDetail()
        if let filterBefore { effects += changeSampleFilter { $0 = filterBefore } }
        if let tally { showInfo("Left the triage queue: \(tally)") }
        return effects
    }

    /// `a`/`x`/`X`: the decision shows at once and the detail moves on; the write joins the
    /// outbox and is sent after the ones typed before it.
    mutating func decide(_ status: LabelStatus, issueDescription: String? = nil) -> [Effect] {
        guard let current = dataset, let detail = current.detail, let label = detail.label else { return [] }
        let decision = TriageDecision(
            sampleUUID: detail.uuid, sampleName: detail.sample?.name ?? detail.uuid, labelset: label.labelset,
            previous: label.labelStatus, applied: status, issueDescription: issueDescription)
        triage.decisions.append(decision)
        var effects = enqueue(.decide(decision))
        message = nil
        effects += moveDetail(by: 1)
        let atEnd = message.map { " · \($0.text)" } ?? ""
        let issueNote = issueDescription == nil ? "" : ", opening an issue"
        showInfo("\(decision.verb) \(decision.sampleName) (\(status.rawValue))\(issueNote)\(atEnd)")
        return effects
    }

    /// `u`: takes the last decision back and shows its sample again. A decision still
    /// waiting in the outbox is simply not sent; a sent one is written back.
    mutating func undoLastDecision() -> [Effect] {
        guard let decision = triage.decisions.popLast() else { return [] }
        var effects: [Effect] = []
        if let index = triage.outbox.lastIndex(of: .decide(decision)), index > 0 {
            triage.outbox.remove(at: index)
            showStatus(decision.previous, of: decision)
        } else {
            effects += enqueue(.undo(decision))
        }
        effects += reopen(decision.sampleUUID)
        showInfo("undid \(decision.verb.dropLast(2)) of \(decision.sampleName): back to \(decision.previous.rawValue)")
        return effects
    }

    /// Shows the write's status at once and sends it when nothing is ahead of it.
    private mutating func enqueue(_ write: LabelWrite) -> [Effect] {
        showStatus(write.status, of: write.decision)
        triage.outbox.append(write)
        return triage.outbox.count == 1 ? sendFirstLabelWrite() : []
    }

    private mutating func sendFirstLabelWrite() -> [Effect] {
        guard let first = triage.outbox.first else { return [] }
        let decision = first.decision
        let call = ServiceCalls.setLabelStatus(sampleUUID: decision.sampleUUID, labelset: decision.labelset, status: first.status)
        return [start(.labelWrite, call, then: { $0.applyLabelWrite($1) }, otherwise: { $0.failLabelWrite($1) })]
    }

    /// The sample's label shows `status` in the detail and in the samples table.
    private mutating func showStatus(_ status: LabelStatus, of decision: TriageDecision) {
        guard dataset?.labelset == decision.labelset else { return }
        if dataset?.detail?.uuid == decision.sampleUUID { dataset?.detail?.label?.labelStatus = status }
        dataset?.samples.updateRow(uuid: decision.sampleUUID) { $0.label = $0.label?.with(status: status) }
    }

    /// Opens the detail on a sample, selecting its row when the table holds it.
    private mutating func reopen(_ uuid: String) -> [Effect] {
        guard let current = dataset, let detail = current.detail else { return [] }
        if detail.uuid == uuid { return [] }
        if detail.source == .samples, let row = current.samples.row(of: uuid) {
            let rows = layout.samplesTableRows
            dataset?.samples.table = ScrollStateHelpers.select(row, count: current.samples.rowCount, rows: rows)
            return openDetail(uuid: uuid, source: .samples, sample: current.samples.sample(at: row))
        }
        return openDetail(uuid: uuid, source: detail.source)
    }

    /// The first write of the outbox landed: the server's label is shown (unless a later
    /// write will change it again), a reject with an issue opens it, and the next is sent.
    mutating func applyLabelWrite(_ label: Label) -> [Effect] {
        guard let first = triage.outbox.first, first.decision.sampleUUID == label.sampleUUID else { return [] }
        triage.outbox.removeFirst()
        if triage.pendingStatus(of: label.sampleUUID) == nil, dataset?.labelset == label.labelset {
            if dataset?.detail?.uuid == label.sampleUUID { dataset?.detail?.label = label }
            dataset?.samples.updateRow(uuid: label.sampleUUID) { $0.label = .full(label) }
        }
        var effects = sendFirstLabelWrite()
        if case .decide(let decision) = first, let description = decision.issueDescription {
            effects += createIssue(on: decision.sampleUUID, sampleName: decision.sampleName, description: description)
        }
        return effects
    }

    /// The server refused the first write: it and every write typed after it are rolled
    /// back, the keys typed ahead are dropped, and the detail goes back to its sample.
    mutating func failLabelWrite(_ failure: SegmentsError) -> [Effect] {
        let refused = triage.outbox
        triage.outbox = []
        guard let first = refused.first else {
            showError(failure.text)
            return []
        }
        for write in refused.reversed() {
            switch write {
            case .decide(let decision):
                if let index = triage.decisions.lastIndex(of: decision) { triage.decisions.remove(at: index) }
            case .undo(let decision):
                triage.decisions.append(decision)
            }
            showStatus(write.statusBefore, of: write.decision)
        }
        let droppedKeys = typeAhead.count
        typeAhead = []
        // Which sample first: a long server message is cut at the screen's edge (:messages has it whole).
        var text = "\(first.summary.prefix(1).uppercased())\(first.summary.dropFirst()) not saved: \(failure.text)"
        var notSent: [String] = []
        if refused.count > 1 { notSent.append(Formatting.count(refused.count - 1, "later decision")) }
        if droppedKeys > 0 { notSent.append(Formatting.count(droppedKeys, "key typed ahead", plural: "keys typed ahead")) }
        if !notSent.isEmpty { text += ". Stopped there: \(notSent.joined(separator: " and ")) not applied" }
        let effects = reopen(first.decision.sampleUUID)
        showError(text)
        return effects
    }
}

extension SampleLabel {
    /// The same label with another status (shown before the server confirms it).
    func with(status: LabelStatus) -> SampleLabel {
        switch self {
        case .full(var label):
            label.labelStatus = status
            return .full(label)
        case .summary(var summary):
            summary.labelStatus = status
            return .summary(summary)
        }
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

/// The queue's assignee filter: `A` picks a labeler or reviewer, and the queue then walks only
/// the samples assigned to them (skipping the others as their pages arrive).
extension AppState {
    mutating func askForQueueAssignee() {
        guard let current = dataset, let queue = current.queue else { return }
        let loaded = current.samples.pages.values.flatMap { $0 }
        let choices = AssigneeFilter.choices(me: user?.username, samples: loaded)
        let selected = queue.assignee.flatMap { choices.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        overlay = .choice(
            ChoiceState(
                purpose: .queueAssignee(choices), title: "Triage only the samples assigned to",
                options: ["everyone"] + choices.map(\.description), selected: selected))
    }

    /// Sets the filter; the open sample stays if it is assigned to them, else the queue moves
    /// on to the next one that is.
    mutating func filterQueue(by assignee: AssigneeFilter?) -> [Effect] {
        guard dataset?.queue != nil else { return [] }
        dataset?.queue?.assignee = assignee
        guard let assignee else {
            showInfo("Triage queue: every sample")
            return []
        }
        showInfo("Triage queue: only the samples assigned to \(assignee)")
        if let sample = dataset?.detail?.sample, assignee.admits(sample) { return [] }
        return moveDetail(by: 1)
    }

    /// The row `n` (or a decision) moves to from `row` by `step`: the next one, or in a queue
    /// with an assignee filter, the next loaded one assigned to them (an unloaded row stops
    /// the search; the detail waits for it and the search goes on when its page lands).
    func queueRow(after row: Int, step: Int) -> Int {
        var index = row + step
        guard let current = dataset, let assignee = current.queue?.assignee else { return index }
        while index >= 0, let sample = current.samples.sample(at: index), !assignee.admits(sample) { index += step }
        return index
    }
}
