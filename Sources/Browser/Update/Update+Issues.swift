import SegmentsAPI

/// Issue curation, on the Issues tab and in the sample detail: `o` opens or closes,
/// `e` edits the description. Both show at once (optimistic) and roll back with a message
/// if the server refuses.
extension AppState {
    /// The issue the Issues tab has selected.
    var selectedIssue: Issue? { dataset.flatMap(IssuesTab.selected) }

    /// The open sample's issues, in the order the detail lists them.
    var detailIssues: [Issue] {
        guard let current = dataset, let detail = current.detail, !detail.uuid.isEmpty else { return [] }
        return (current.issues.items ?? []).filter { $0.sampleUUID == detail.uuid }
    }

    /// What `o`, `e` and `D` act on: the detail's selected issue, or the Issues tab's.
    var targetIssue: Issue? {
        guard let detail = dataset?.detail else { return selectedIssue }
        let issues = detailIssues
        return issues.isEmpty ? nil : issues[min(max(0, detail.issueCursor), issues.count - 1)]
    }

    /// Why `o`/`e` cannot act now, or nil.
    var issueActionReason: String? {
        guard targetIssue == nil else { return nil }
        return dataset?.detail != nil ? "this sample has no issues" : "no issue is selected"
    }

    /// Why `D` cannot delete: reviewers and up may, and authors their own (docs/permissions.md).
    var issueDeleteReason: String? {
        if let reason = issueActionReason { return reason }
        guard let issue = targetIssue, let access = dataset?.access, access < .reviewer, issue.createdBy != user?.username
        else { return nil }
        return "needs the reviewer role (or to be its author); you are \(access)"
    }

    /// `i` in the detail: the next of the sample's issues, round.
    mutating func selectNextDetailIssue() {
        let issues = detailIssues
        guard !issues.isEmpty, let cursor = dataset?.detail?.issueCursor else { return }
        let next = (cursor + 1) % issues.count
        dataset?.detail?.issueCursor = next
        showInfo("issue \(next + 1) of \(issues.count): “\(Self.short(issues[next].description))”")
    }

    mutating func toggleTargetIssue() -> [Effect] {
        guard let issue = targetIssue, !refuseWhileIssueSaving() else { return [] }
        let status = issue.status.toggled
        issueWrite = .toggle(issue, previous: issue.status)
        replaceIssue(uuid: issue.uuid) { $0.status = status }
        showInfo("\(status == .closed ? "closing" : "reopening") issue “\(Self.short(issue.description))”…")
        return [startIssueWrite(ServiceCalls.setIssueStatus(uuid: issue.uuid, status: status))]
    }

    mutating func askToEditTargetIssue() {
        guard let issue = targetIssue else { return }
        overlay = .modal(
            .textArea(title: "Edit issue on \(issue.sampleName)", prompt: "Description:", text: issue.description),
            .editIssue(issue))
    }

    /// `c`: a comment on the selected issue, typed in a text area.
    mutating func askForComment() {
        guard let issue = targetIssue else { return }
        overlay = .modal(
            .textArea(title: "Comment on “\(Self.short(issue.description))”", prompt: "Comment:"),
            .commentIssue(issue))
    }

    mutating func comment(on issue: Issue, text: String) -> [Effect] {
        let comment = text.trimmingBlankEdges
        guard !comment.isEmpty else {
            showInfo("An empty comment was not sent.")
            return []
        }
        issueWrite = .comment(issue)
        showInfo("sending the comment on issue “\(Self.short(issue.description))”…")
        return [startIssueWrite(ServiceCalls.addIssueComment(uuid: issue.uuid, text: comment))]
    }

    mutating func editIssue(_ issue: Issue, description text: String) -> [Effect] {
        let description = text.trimmingBlankEdges
        guard !description.isEmpty else {
            showError("An issue needs a description; it still reads “\(Self.short(issue.description))”.")
            return []
        }
        guard description != issue.description else {
            showInfo("The description is unchanged.")
            return []
        }
        issueWrite = .edit(issue, previous: issue.description)
        replaceIssue(uuid: issue.uuid) { $0.description = description }
        showInfo("saving the description of issue “\(Self.short(description))”…")
        return [startIssueWrite(ServiceCalls.setIssueDescription(uuid: issue.uuid, description: description))]
    }

    /// True (and said) when an issue change is in flight: the key press is dropped.
    mutating func refuseWhileIssueSaving() -> Bool {
        guard issueWrite != nil else { return false }
        showInfo("Still saving the last issue change…")
        return true
    }

    mutating func applyIssueWrite(_ saved: Issue) -> [Effect] {
        guard let write = issueWrite else { return [] }
        issueWrite = nil
        switch write {
        case .toggle(let issue, _):
            replaceIssue(uuid: issue.uuid) { $0 = saved }
            showInfo("\(saved.status == .closed ? "closed" : "reopened") issue “\(Self.short(saved.description))”")
        case .edit(let issue, _):
            replaceIssue(uuid: issue.uuid) { $0 = saved }
            showInfo("saved the description of issue “\(Self.short(saved.description))”")
        case .comment(let issue):
            replaceIssue(uuid: issue.uuid) { $0 = saved }
            showInfo("commented on issue “\(Self.short(saved.description))” (\(Formatting.count(saved.comments.count, "comment")))")
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
    mutating func failIssueWrite(_ failure: SegmentsError) -> [Effect] {
        guard let write = issueWrite else { return [] }
        issueWrite = nil
        switch write {
        case .toggle(let issue, let previous):
            replaceIssue(uuid: issue.uuid) { $0.status = previous }
            showError("Could not \(previous == .open ? "close" : "reopen") issue “\(Self.short(issue.description))”, still \(previous.rawValue): \(failure.text)")
        case .edit(let issue, let previous):
            replaceIssue(uuid: issue.uuid) { $0.description = previous }
            showError("Could not change issue “\(Self.short(previous))”, its description is unchanged: \(failure.text)")
        case .comment(let issue):
            showError("Could not comment on issue “\(Self.short(issue.description))”: \(failure.text)")
        case .create(let sampleName, _):
            showError("Could not open an issue on \(sampleName): \(failure.text)")
        case .delete(let issue, let index):
            var items = dataset?.issues.items ?? []
            if !items.contains(where: { $0.uuid == issue.uuid }) { items.insert(issue, at: min(index, items.count)) }
            dataset?.issues.items = items
            clampIssueSelection()
            showError("Could not delete issue “\(Self.short(issue.description))”: \(failure.text)")
        }
        return []
    }

    /// Every issue write but deletion answers with the issue as saved.
    mutating func startIssueWrite(_ call: ServiceCall<Issue>) -> Effect {
        start(.issueWrite, call, then: { $0.applyIssueWrite($1) }, otherwise: { $0.failIssueWrite($1) })
    }

    /// Changes one issue in the dataset's list and keeps the selection in range.
    private mutating func replaceIssue(uuid: String, _ change: (inout Issue) -> Void) {
        guard var items = dataset?.issues.items, let index = items.firstIndex(where: { $0.uuid == uuid }) else { return }
        change(&items[index])
        dataset?.issues.items = items
        clampIssueSelection()
    }

    /// One line of a description, for messages and dialogs.
    static func short(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let more = line.count < text.trimmingBlankEdges.count
        if line.count > 40 { return String(line.prefix(39)) + "…" }
        return more ? line + " …" : line
    }
}

extension String {
    /// Without leading and trailing spaces and line breaks (a description's inner lines stay).
    var trimmingBlankEdges: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}
