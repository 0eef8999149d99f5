import SegmentsAPI

/// Issue curation on the Issues tab: `o` opens or closes the selected issue at once
/// (optimistic) and rolls it back with a message if the server refuses.
extension AppState {
    /// The issue the Issues tab has selected.
    var selectedIssue: Issue? {
        guard let current = dataset else { return nil }
        return current.visibleIssues[safe: current.issues.scroll.selected]
    }

    /// Why `o` cannot toggle now, or nil.
    var issueToggleReason: String? {
        selectedIssue == nil ? "no issue is selected" : nil
    }

    mutating func toggleSelectedIssue() -> [Effect] {
        guard let issue = selectedIssue else { return [] }
        guard issueWrite == nil else {
            showInfo("Still saving the last issue change…")
            return []
        }
        let status = issue.status.toggled
        issueWrite = .toggle(issue, previous: issue.status)
        replaceIssue(uuid: issue.uuid) { $0.status = status }
        showInfo("\(status == .closed ? "closing" : "reopening") issue “\(Self.short(issue.description))”…")
        return [start(.issueWrite, .setIssueStatus(uuid: issue.uuid, status: status))]
    }

    mutating func applyIssueWrite(_ saved: Issue) -> [Effect] {
        guard let write = issueWrite else { return [] }
        issueWrite = nil
        switch write {
        case .toggle(let issue, _):
            replaceIssue(uuid: issue.uuid) { $0 = saved }
            showInfo("\(saved.status == .closed ? "closed" : "reopened") issue “\(Self.short(saved.description))”")
        case .create(let sampleName, _):
            let items = (dataset?.issues.items ?? []) + [saved]
            dataset?.issues.items = items
            showInfo("opened issue “\(Self.short(saved.description))” on \(sampleName)")
        case .delete:
            break
        }
        return []
    }

    /// The server refused: the row goes back to what it was, and the message says why.
    mutating func failIssueWrite(_ failure: RequestFailure) {
        guard let write = issueWrite else { return }
        issueWrite = nil
        switch write {
        case .toggle(let issue, let previous):
            replaceIssue(uuid: issue.uuid) { $0.status = previous }
            showError("Could not \(previous == .open ? "close" : "reopen") issue “\(Self.short(issue.description))”, still \(previous.rawValue): \(failure.text)")
        case .create(let sampleName, _):
            showError("Could not open an issue on \(sampleName): \(failure.text)")
        case .delete(let issue):
            showError("Could not delete issue “\(Self.short(issue.description))”: \(failure.text)")
        }
    }

    /// Changes one issue in the dataset's list and keeps the selection in range.
    private mutating func replaceIssue(uuid: String, _ change: (inout Issue) -> Void) {
        guard var items = dataset?.issues.items, let index = items.firstIndex(where: { $0.uuid == uuid }) else { return }
        change(&items[index])
        dataset?.issues.items = items
        clampIssueSelection()
    }

    static func short(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(39)) + "…" : text
    }
}
