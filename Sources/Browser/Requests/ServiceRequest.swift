import SegmentsAPI

/// Identifies one request; results carry it back so stale ones can be dropped.
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
    public let value: Int
    public var description: String { "#\(value)" }
}

/// A place a result lands in. At most one request per slot is in flight: a new one
/// replaces (and cancels) the previous one, so the latest always wins.
public enum Slot: Hashable, Sendable {
    case datasets
    case samplePage(Int)
    case tab(DatasetTab)
    /// A tab's list read ahead in the background, before the tab is shown.
    case listAhead(DatasetTab)
    /// Issues are needed by two tabs (Samples' open-issue column, Issues) and the detail.
    case datasetIssues
    case sampleDetail
    /// A sample the triage queue will open next, fetched ahead (by uuid).
    case detailAhead(String)
    case sampleLookup
    /// A label status written by the triage keys; never replaced while one is in flight.
    case labelWrite
    /// An issue change (Issues tab or sample detail); one at a time.
    case issueWrite
    /// Creating or deleting a release; one at a time.
    case releaseWrite
    /// Adding, changing or removing a collaborator; one at a time.
    case collaboratorWrite
    /// Adding or deleting a labelset; one at a time.
    case labelsetWrite
    /// The signed-in user's role on the open dataset.
    case access
    /// One username asked about on the Collaborators tab (the API cannot list them).
    case collaboratorLookup
    /// The status check of the watched release; one at a time.
    case releasePoll
}

/// What to ask the service. The runner turns each into one or a few `SegmentsService` calls.
public enum ServiceRequest: Hashable, Sendable {
    /// The user, then the datasets of the user and of every organisation the user is in.
    case datasets
    case samples(dataset: String, query: SampleQuery)
    case issues(dataset: String)
    /// There is no listing endpoint: probes each candidate username.
    case collaborators(dataset: String, candidates: [String])
    case releases(dataset: String)
    case labelsets(dataset: String)
    case workunits(dataset: String, query: WorkunitQuery)
    case dataset(String)
    /// The sample and its label in the labelset (nil when it has none).
    case sampleDetail(uuid: String, labelset: String)
    /// Finds a sample by uuid (`:sample`), to learn its dataset.
    case sampleLookup(uuid: String)
    /// Finds the samples of a dataset whose name contains `name` (`:sample <name>`).
    case findSamples(dataset: String, name: String)
    /// Sets the status of the sample's label in the labelset.
    case setLabelStatus(sampleUUID: String, labelset: String, status: LabelStatus)
    case setIssueStatus(uuid: String, status: IssueStatus)
    case addIssue(sampleUUID: String, description: String)
    case deleteIssue(uuid: String)
    case setIssueDescription(uuid: String, description: String)
    case addIssueComment(uuid: String, text: String)
    case addRelease(dataset: String, name: String, description: String)
    case deleteRelease(dataset: String, name: String)
    /// The user's collaborator role on the dataset (nil when not a collaborator).
    case access(dataset: String, username: String)
    case addCollaborator(dataset: String, username: String, role: Role)
    case setCollaboratorRole(dataset: String, username: String, role: Role)
    case removeCollaborator(dataset: String, username: String)
    /// The collaborator `username`, or a not-found failure.
    case collaborator(dataset: String, username: String)
    case addLabelset(dataset: String, name: String, description: String)
    case deleteLabelset(dataset: String, name: String)
    /// Waits, then asks for the release's status.
    case pollRelease(dataset: String, name: String, afterSeconds: Int)
}

/// A started request, as an effect: the runner runs it, tests read what it asks.
/// Two tickets are equal when they ask the same thing in the same slot with the same id.
public struct RequestTicket: Hashable, Sendable {
    public let slot: Slot
    public let id: RequestID
    public let request: ServiceRequest
    /// Runs the call and gives the landing of its answer.
    let run: @Sendable (any SegmentsService) async -> Landing
    /// The landing of an answer given by hand (tests, replays); nil when `answer` is not
    /// of the call's response type, so a wrong answer cannot land.
    let land: @Sendable (Result<any Sendable, SegmentsError>) -> Landing?

    public static func == (lhs: RequestTicket, rhs: RequestTicket) -> Bool {
        lhs.slot == rhs.slot && lhs.id == rhs.id && lhs.request == rhs.request
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(slot)
        hasher.combine(id)
        hasher.combine(request)
    }

    /// The event of this request answered with `value`; nil when the call answers another type.
    public func answered(_ value: any Sendable) -> Event? { land(.success(value)).map(Event.loaded) }

    /// The event of this request failing with `error`.
    public func failed(_ error: SegmentsError) -> Event? { land(.failure(error)).map(Event.loaded) }
}

/// An answer on its way into the state: applied only if its request is still the slot's.
public struct Landing: Sendable {
    public let slot: Slot
    public let id: RequestID
    /// nil when it succeeded; what went wrong otherwise.
    public let failure: SegmentsError?
    let apply: @Sendable (inout AppState) -> [Effect]
}

extension SegmentsError {
    /// Wraps what a call threw: the service's own errors as they are, anything else as a
    /// network error with its description (the runner has no other kinds to report).
    init(wrapping error: any Error) {
        self = (error as? SegmentsError) ?? .network(String(describing: error))
    }

    /// The SDK's exception name and the message, as the status bar says them.
    public var text: String { "\(kind): \(message)" }
}
