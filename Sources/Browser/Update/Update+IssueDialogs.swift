import SegmentsAPI
import TerminalUI

/// `N` new issue (a multi-line description) and `D` delete (a destructive confirmation
/// naming the issue).
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
            .textArea(title: "New issue on \(target.name)", prompt: "Describe the problem:"),
            .newIssue(sampleUUID: target.uuid, sampleName: target.name))
    }

    mutating func openIssue(on sampleUUID: String, sampleName: String, description text: String) -> [Effect] {
        let description = text.trimmingBlankEdges
        guard !description.isEmpty else {
            showError("An issue needs a description; nothing was opened.")
            return []
        }
        guard !refuseWhileIssueSaving() else { return [] }
        issueWrite = .create(sampleName: sampleName, description: description)
        showInfo("opening issue on \(sampleName)…")
        return [startIssueWrite(ServiceCalls.addIssue(sampleUUID: sampleUUID, description: description))]
    }

    mutating func confirmDeleteTargetIssue() {
        guard let issue = targetIssue else { return }
        let message = "Delete the issue “\(Self.short(issue.description))” on \(issue.sampleName)?\nIts comments go with it."
        askToConfirm("Delete issue", message, for: .deleteIssue(issue))
    }

    mutating func deleteIssue(_ issue: Issue) -> [Effect] {
        guard !refuseWhileIssueSaving() else { return [] }
        let index = dataset?.issues.items?.firstIndex { $0.uuid == issue.uuid } ?? 0
        issueWrite = .delete(issue, index: index)
        dataset?.issues.items?.removeAll { $0.uuid == issue.uuid }
        clampIssueSelection()
        showInfo("deleting issue “\(Self.short(issue.description))”…")
        let uuid = issue.uuid
        return [
            start(.issueWrite, ServiceCalls.deleteIssue(uuid: uuid), then: { state, _ in state.applyIssueDeleted(uuid) }, otherwise: { $0.failIssueWrite($1) })
        ]
    }

    mutating func applyIssueDeleted(_ uuid: String) -> [Effect] {
        guard case .delete(let issue, _)? = issueWrite else { return [] }
        issueWrite = nil
        showInfo("deleted issue “\(Self.short(issue.description))”")
        return []
    }

    mutating func clampIssueSelection() {
        let rows = layout.tabTableRows
        if let current = dataset {
            let scroll = current.issues.scroll.clamped(count: current.visibleIssues.count, visibleRows: rows)
            dataset?.issues.scroll = scroll
        }
        let count = detailIssues.count
        if let cursor = dataset?.detail?.issueCursor, cursor >= count { dataset?.detail?.issueCursor = max(0, count - 1) }
    }
}
