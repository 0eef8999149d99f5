import SegmentsAPI

/// The triage queue's "only samples assigned to …" (the web app's assignee filter). The API
/// can neither filter nor sort samples by assignee, so the queue skips, as it walks the
/// server's order, the samples assigned to someone else.
public struct AssigneeFilter: Hashable, Sendable, CustomStringConvertible {
    public enum Role: String, Hashable, Sendable { case labeler, reviewer }

    public var role: Role
    public var username: String

    public init(_ role: Role, _ username: String) {
        self.role = role
        self.username = username
    }

    public func admits(_ sample: Sample) -> Bool {
        switch role {
        case .labeler: sample.assignedLabeler == username
        case .reviewer: sample.assignedReviewer == username
        }
    }

    public var description: String { "\(role.rawValue) \(username)" }

    /// What the menu offers: the signed-in user first, then everyone assigned in the rows
    /// loaded so far, reviewers before labelers.
    static func choices(me: String?, samples: [Sample]) -> [AssigneeFilter] {
        var choices: [AssigneeFilter] = []
        func add(_ filter: AssigneeFilter) { if !choices.contains(filter) { choices.append(filter) } }
        if let me {
            add(AssigneeFilter(.reviewer, me))
            add(AssigneeFilter(.labeler, me))
        }
        for name in Set(samples.compactMap(\.assignedReviewer)).sorted() { add(AssigneeFilter(.reviewer, name)) }
        for name in Set(samples.compactMap(\.assignedLabeler)).sorted() { add(AssigneeFilter(.labeler, name)) }
        return choices
    }
}
