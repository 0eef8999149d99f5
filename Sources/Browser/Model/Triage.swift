import SegmentsAPI

/// One accept or reject made in this session, kept so `u` can put the label back.
public struct TriageDecision: Hashable, Sendable {
    public var sampleUUID: String
    public var sampleName: String
    public var labelset: String
    /// The status the label had before the decision.
    public var previous: LabelStatus
    /// The status the decision wrote (REVIEWED or REJECTED).
    public var applied: LabelStatus
    /// A reject that also opens an issue saying why (triage `X`).
    public var issueDescription: String?

    public var verb: String { applied == .rejected ? "rejected" : "accepted" }
}

/// The reviewer's triage queue in the sample detail: the decisions of this session and the
/// write in flight, if any (at most one: a second key press while it is saving sends nothing).
public struct TriageState: Sendable {
    public enum Pending: Hashable, Sendable {
        case decide(TriageDecision)
        case undo(TriageDecision)
    }

    public var decisions: [TriageDecision] = []
    public var pending: Pending?

    public init() {}

    /// How many samples were accepted or rejected in this session (undos take theirs back).
    public var reviewedCount: Int { decisions.count }

    public var isSaving: Bool { pending != nil }
}

/// The triage queue: the sample detail walking the current filter (by default the LABELED
/// samples by priority), one sample at a time, with the progress of this queue.
public struct TriageQueue: Hashable, Sendable {
    /// How many samples the filter held when the queue started, when the dataset's label
    /// counts tell (ground-truth, filtered by status only); nil when unknown.
    public var total: Int?
    /// The session's decision count when the queue started.
    public var baseline: Int
    public var skipped = 0

    public init(total: Int?, baseline: Int) {
        self.total = total
        self.baseline = baseline
    }

    /// Decisions made in this queue (undos take theirs back).
    func reviewed(_ triage: TriageState) -> Int { max(0, triage.reviewedCount - baseline) }

    /// "12 of 240 reviewed this session · 3 skipped".
    func progress(_ triage: TriageState) -> String {
        let of = total.map { " of \(Formatting.thousands($0))" } ?? ""
        let skips = skipped > 0 ? " · \(skipped) skipped" : ""
        return "\(Formatting.thousands(reviewed(triage)))\(of) reviewed this session\(skips)"
    }
}
