import SegmentsAPI
import TerminalUI

/// `N` new issue (text input) and `D` delete (destructive confirmation naming the issue).
extension AppState {
    /// The sample a new issue goes on: the open sample, or the selected issue's sample.
    var newIssueTarget: (uuid: String, name: String)? {
        guard let current = dataset else { return nil }
        if let detail = current.detail {
            guard let sample = detail.sample else { return nil }
            return (sample.uuid, sample.name)
        }
        return selectedIssue.map { ($0.sampleUUID, $0.sampleName) }
    }

    var newIssueReason: String? {
        guard newIssueTarget == nil else { return nil }
        return dataset?.detail != nil ? "the sample is still loading" : "no issue is selected"
    }

    mutating func askForNewIssue() {
        guard let target = newIssueTarget else { return }
        overlay = .modal(
            .textInput(title: "New issue on \(target.name)", prompt: "Describe the problem, Enter to open it:"),
            .newIssue(sampleUUID: target.uuid, sampleName: target.name))
    }

    mutating func confirmDeleteSelectedIssue() {
        guard let issue = selectedIssue else { return }
        let message = "Delete the issue “\(Self.short(issue.description))” on \(issue.sampleName)?\nIts comments go with it."
        overlay = .modal(.confirm(title: "Delete issue", message: message, confirmLabel: "Delete", cancelLabel: "Keep", destructive: true), .deleteIssue(issue))
    }

    /// What a dialog's answer starts.
    mutating func answer(_ outcome: Modal.Outcome, for purpose: ModalPurpose) -> [Effect] {
        guard outcome != .pending, outcome != .cancelled else { return [] }
        if case (.newRelease, .submitted(let name)) = (purpose, outcome) { return createRelease(named: name) }
        guard issueWrite == nil else {
            showInfo("Still saving the last issue change…")
            return []
        }
        switch (purpose, outcome) {
        case (.newIssue(let uuid, let name), .submitted(let text)):
            let description = text.trimmingSpaces
            guard !description.isEmpty else {
                showError("An issue needs a description; nothing was opened.")
                return []
            }
            issueWrite = .create(sampleName: name, description: description)
            showInfo("opening issue on \(name)…")
            return [start(.issueWrite, .addIssue(sampleUUID: uuid, description: description))]
        case (.deleteIssue(let issue), .confirmed):
            issueWrite = .delete(issue)
            showInfo("deleting issue “\(Self.short(issue.description))”…")
            return [start(.issueWrite, .deleteIssue(uuid: issue.uuid))]
        default:
            return []
        }
    }

    mutating func applyIssueDeleted(_ uuid: String) -> [Effect] {
        guard case .delete(let issue)? = issueWrite else { return [] }
        issueWrite = nil
        dataset?.issues.items?.removeAll { $0.uuid == uuid }
        clampIssueSelection()
        showInfo("deleted issue “\(Self.short(issue.description))”")
        return []
    }

    mutating func clampIssueSelection() {
        let rows = layout.tabTableRows
        if let current = dataset {
            let scroll = current.issues.scroll.clamped(count: current.visibleIssues.count, visibleRows: rows)
            dataset?.issues.scroll = scroll
        }
    }
}
