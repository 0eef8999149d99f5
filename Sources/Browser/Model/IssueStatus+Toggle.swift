import SegmentsAPI

extension IssueStatus {
    /// What `o` turns this status into.
    var toggled: IssueStatus { self == .open ? .closed : .open }
}
