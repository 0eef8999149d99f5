import SegmentsAPI

/// The reviewer's triage in the sample detail: `a` accept, `x` reject (then on to the next
/// sample), `u` undo. One label write at a time: keys pressed while it is saving send nothing.
extension AppState {
    mutating func decide(_ status: LabelStatus) -> [Effect] {
        guard let current = dataset, let detail = current.detail, let label = detail.label else { return [] }
        guard !refuseWhileSaving() else { return [] }
        let decision = TriageDecision(
            sampleUUID: detail.uuid, sampleName: detail.sample?.name ?? detail.uuid, labelset: label.labelset,
            previous: label.labelStatus, applied: status)
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
            message = nil
            if dataset?.detail?.uuid == decision.sampleUUID {
                dataset?.detail?.label = label
                effects = moveDetail(by: 1)
            }
            let atEnd = message.map { " · \($0.text)" } ?? ""
            showInfo("\(decision.verb) \(decision.sampleName) (\(label.labelStatus.rawValue))\(atEnd)")
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
