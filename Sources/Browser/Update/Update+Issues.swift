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

    /// `I` in the detail: the next of the sample's issues, round.
    mutating func selectNextDetailIssue() {
        let issues = detailIssues
        guard !issues.isEmpty, let cursor = dataset?.detail?.issueCursor else { return }
        let next = (cursor + 1) % issues.count
        dataset?.detail?.issueCursor = next
        showInfo("issue \(next + 1) of \(issues.count): “\(Self.short(issues[next].description))”")
    }

    mutating func toggleTargetIssue() -> [Effect] {
        guard let issue = targetIssue else { return [] }
        let (uuid, previous) = (issue.uuid, issue.status)
        let status = previous.toggled
        replaceIssue(uuid: uuid) { $0.status = status }
        showInfo("\(status == .closed ? "closing" : "reopening") issue “\(Self.short(issue.description))”…")
        return write(
            .issueWrite, "\(status == .closed ? "close" : "reopen") issue “\(Self.short(issue.description))”",
            ServiceCalls.setIssueStatus(uuid: uuid, status: status), undone: "still \(previous.rawValue)",
            rollback: { $0.replaceIssue(uuid: uuid) { $0.status = previous } },
            landed: { state, saved in
                state.landIssue(saved, said: "\(saved.status == .closed ? "closed" : "reopened") issue “\(Self.short(saved.description))”")
            })
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
        showInfo("sending the comment on issue “\(Self.short(issue.description))”…")
        return write(
            .issueWrite, "comment on issue “\(Self.short(issue.description))”", ServiceCalls.addIssueComment(uuid: issue.uuid, text: comment),
            landed: { state, saved in
                state.landIssue(saved, said: "commented on issue “\(Self.short(saved.description))” (\(Formatting.count(saved.comments.count, "comment")))")
            })
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
        let (uuid, previous) = (issue.uuid, issue.description)
        replaceIssue(uuid: uuid) { $0.description = description }
        showInfo("saving the description of issue “\(Self.short(description))”…")
        return write(
            .issueWrite, "change issue “\(Self.short(previous))”", ServiceCalls.setIssueDescription(uuid: uuid, description: description),
            undone: "its description is unchanged",
            rollback: { $0.replaceIssue(uuid: uuid) { $0.description = previous } },
            landed: { state, saved in state.landIssue(saved, said: "saved the description of issue “\(Self.short(saved.description))”") })
    }

    /// The server's issue replaces the shown one, unless a later change to the issues is
    /// still to be saved (then what the user sees is already the newer change).
    mutating func landIssue(_ saved: Issue, said: String) -> [Effect] {
        if !laterWritesPending(in: .issueWrite) { replaceIssue(uuid: saved.uuid) { $0 = saved } }
        showInfo(said)
        return []
    }

    /// Changes one issue in the dataset's list and keeps the selection in range.
    mutating func replaceIssue(uuid: String, _ change: (inout Issue) -> Void) {
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
