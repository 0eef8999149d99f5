import SegmentsAPI

/// The issue change in flight (one at a time), with what is needed to roll it back.
public enum IssueWrite: Hashable, Sendable {
    /// Open ↔ closed, already shown; `previous` comes back if the server refuses.
    case toggle(Issue, previous: IssueStatus)
    /// A new description, already shown; `previous` comes back if the server refuses.
    case edit(Issue, previous: String)
    /// A comment on an issue; it appears in the thread when the server has it.
    case comment(Issue)
    /// A new issue on a sample; it appears when the server has it.
    case create(sampleName: String, description: String)
    /// Deleting an issue, confirmed; the row is gone at once and comes back (at `index` of
    /// the dataset's issues) if the server refuses.
    case delete(Issue, index: Int)
}

extension IssueStatus {
    /// What `o` turns this status into.
    var toggled: IssueStatus { self == .open ? .closed : .open }
}
