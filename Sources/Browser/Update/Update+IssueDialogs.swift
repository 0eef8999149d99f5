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
        showInfo("opening issue on \(sampleName)…")
        return createIssue(on: sampleUUID, sampleName: sampleName, description: description)
    }

    mutating func confirmDeleteTargetIssue() {
        guard let issue = targetIssue else { return }
        let message = "Delete the issue “\(Self.short(issue.description))” on \(issue.sampleName)?\nIts comments go with it."
        askToConfirm("Delete issue", message, for: .deleteIssue(issue))
    }

    /// A new issue shows when the server has made it (it names its uuid and author).
    mutating func createIssue(on sampleUUID: String, sampleName: String, description: String) -> [Effect] {
        write(
            .issueWrite, "open an issue on \(sampleName)", ServiceCalls.addIssue(sampleUUID: sampleUUID, description: description),
            landed: { state, saved in
                state.dataset?.issues.items?.append(saved)
                state.showInfo("opened issue “\(Self.short(saved.description))” on \(sampleName)")
                return []
            })
    }

    mutating func deleteIssue(_ issue: Issue) -> [Effect] {
        let index = dataset?.issues.items?.firstIndex { $0.uuid == issue.uuid } ?? 0
        dataset?.issues.items?.removeAll { $0.uuid == issue.uuid }
        clampIssueSelection()
        showInfo("deleting issue “\(Self.short(issue.description))”…")
        return write(
            .issueWrite, "delete issue “\(Self.short(issue.description))”", ServiceCalls.deleteIssue(uuid: issue.uuid),
            rollback: { state in
                guard var items = state.dataset?.issues.items, !items.contains(where: { $0.uuid == issue.uuid }) else { return }
                items.insert(issue, at: min(index, items.count))
                state.dataset?.issues.items = items
                state.clampIssueSelection()
            },
            landed: { state, _ in
                state.showInfo("deleted issue “\(Self.short(issue.description))”")
                return []
            })
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
