import SegmentsAPI

/// The issue change in flight (one at a time), with what is needed to roll it back.
public enum IssueWrite: Hashable, Sendable {
    /// Open ↔ closed, already shown; `previous` comes back if the server refuses.
    case toggle(Issue, previous: IssueStatus)
    /// A new issue on a sample; it appears when the server has it.
    case create(sampleName: String, description: String)
    /// Deleting an issue, confirmed; the row goes when the server agrees.
    case delete(Issue)
}

/// A dialog over the browser and what its answer is for.
public enum ModalPurpose: Hashable, Sendable {
    case newIssue(sampleUUID: String, sampleName: String)
    case deleteIssue(Issue)
    case newRelease
}

extension IssueStatus {
    /// What `o` turns this status into.
    var toggled: IssueStatus { self == .open ? .closed : .open }
}
