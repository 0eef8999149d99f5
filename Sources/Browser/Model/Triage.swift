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

/// A label write the triage keys asked for, in the order they were typed.
public enum LabelWrite: Hashable, Sendable {
    case decide(TriageDecision)
    case undo(TriageDecision)

    var decision: TriageDecision {
        switch self {
        case .decide(let decision), .undo(let decision): decision
        }
    }

    /// The status this write puts on the server.
    var status: LabelStatus {
        switch self {
        case .decide(let decision): decision.applied
        case .undo(let decision): decision.previous
        }
    }

    /// The status the label had before this write, put back when it is rolled back.
    var statusBefore: LabelStatus {
        switch self {
        case .decide(let decision): decision.previous
        case .undo(let decision): decision.applied
        }
    }

    /// "accept of street-0001", for messages.
    var summary: String {
        switch self {
        case .decide(let decision): "\(decision.verb.dropLast(2)) of \(decision.sampleName)"
        case .undo(let decision): "undo of \(decision.sampleName)"
        }
    }
}

/// The reviewer's triage: the decisions of this session and the label writes not yet
/// confirmed. Decisions apply on screen at once (optimistic) and are sent one at a time in
/// the order they were typed; a refused write rolls back itself and every write after it.
public struct TriageState: Sendable {
    /// Every decision of the session, the unconfirmed ones included (undos take theirs back).
    public var decisions: [TriageDecision] = []
    /// Writes not yet confirmed, oldest first; the first is in flight.
    public var outbox: [LabelWrite] = []

    public init() {}

    /// How many samples were accepted or rejected in this session (undos take theirs back).
    public var reviewedCount: Int { decisions.count }

    public var isSaving: Bool { !outbox.isEmpty }

    /// The status the outbox will leave on the sample's label, when it writes one.
    func pendingStatus(of sampleUUID: String) -> LabelStatus? {
        outbox.last { $0.decision.sampleUUID == sampleUUID }?.status
    }
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
    /// The samples filter from before `T` changed it, put back when the queue is left.
    public var filterBefore: SampleFilter?
    /// Only the samples assigned to this labeler or reviewer (`A`); nil: every sample.
    public var assignee: AssigneeFilter?
    /// The next samples with their labels, fetched while the reviewer looks at this one, so
    /// `a` opens the next at once (its keys need not wait a round trip). By uuid; bounded
    /// to the samples ahead.
    public var ahead: [String: SampleWithLabel] = [:]

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
        let only = assignee.map { " · only \($0)" } ?? ""
        return "\(Formatting.thousands(reviewed(triage)))\(of) reviewed this session\(skips)\(only)"
    }
}
