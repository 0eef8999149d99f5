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
