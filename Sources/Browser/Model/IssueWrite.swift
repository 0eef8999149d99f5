import SegmentsAPI

/// The issue change in flight (one at a time), with what is needed to roll it back.
public enum IssueWrite: Hashable, Sendable {
    /// Open ↔ closed, already shown; `previous` comes back if the server refuses.
    case toggle(Issue, previous: IssueStatus)
}

extension IssueStatus {
    /// What `o` turns this status into.
    var toggled: IssueStatus { self == .open ? .closed : .open }
}
