import SegmentsAPI
import TerminalUI

/// Which issues the Issues tab lists.
public enum IssueStatusFilter: String, CaseIterable, Hashable, Sendable {
    case open, closed, all

    public var next: IssueStatusFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self).map { $0 + 1 } ?? 0) % all.count]
    }

    func admits(_ status: IssueStatus) -> Bool {
        switch self {
        case .open: status == .open
        case .closed: status == .closed
        case .all: true
        }
    }
}

/// The date range of the Workunits tab.
public enum WorkunitRange: String, CaseIterable, Hashable, Sendable {
    case all = "all time"
    case day = "last 24 hours"
    case week = "last 7 days"
    case month = "last 30 days"

    var seconds: Int64? {
        switch self {
        case .all: nil
        case .day: 86_400
        case .week: 7 * 86_400
        case .month: 30 * 86_400
        }
    }

    /// The query for this range ending at `now` (the API takes UTC `YYYY-MM-DDTHH:MM:SS`).
    func query(now: Int64) -> WorkunitQuery {
        guard let seconds else { return WorkunitQuery(perPage: 1000) }
        return WorkunitQuery(start: Timestamp.isoString(epochSeconds: now - seconds), perPage: 1000)
    }
}

/// Everything the right-hand side holds for the open dataset.
public struct DatasetState: Sendable {
    public var dataset: Dataset
    public var tab: DatasetTab = .samples
    /// The labelset whose labels the Samples tab and the detail show.
    public var labelset: String = "ground-truth"
    public var samples: SamplesState
    public var issues = ListResource<Issue>()
    public var issueFilter = IssueStatusFilter.open
    public var collaborators = ListResource<Collaborator>()
    public var releases = ListResource<Release>()
    /// A release created in this session that is still being built.
    public var releaseWatch: ReleaseWatch?
    public var labelsets = ListResource<Labelset>()
    public var workunits = ListResource<Workunit>()
    public var workunitRange = WorkunitRange.all
    public var labelStatusCounts = ListResource<LabelStatusCount>()
    public var infoScroll = 0
    /// The sample detail, shown instead of the tab when open.
    public var detail: SampleDetailState?
    /// The triage queue, when the detail walks the filter as one (`T`).
    public var queue: TriageQueue?
    /// What the signed-in user may do here; nil until known (everything is offered).
    public var access: AccessLevel?

    public init(dataset: Dataset) {
        self.dataset = dataset
        samples = SamplesState(estimatedCount: dataset.sampleCount)
        if let names = dataset.labelsets?.map(\.name), !names.isEmpty, !names.contains("ground-truth") {
            labelset = names[0]
        }
    }

    public var fullName: String { dataset.fullName }

    /// Open issues per sample uuid (the Samples tab's column).
    public var openIssueCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for issue in issues.items ?? [] where issue.status == .open { counts[issue.sampleUUID, default: 0] += 1 }
        return counts
    }

    /// The issues as the Issues tab lists them (status and `/` filters applied).
    public var visibleIssues: [Issue] { IssuesTab.visible(in: self) }

    /// The labelset names known for this dataset (for the selector and completion).
    public var labelsetNames: [String] {
        let names = (labelsets.items ?? dataset.labelsets ?? []).map(\.name)
        return names.isEmpty ? ["ground-truth"] : names
    }
}

/// Where `n`/`p` move in the sample detail.
public enum DetailSource: Hashable, Sendable {
    /// The samples table, in its current filtered order.
    case samples
    /// The visible issues of the Issues tab.
    case issues
    /// A sample opened by uuid (`:sample`): no neighbours.
    case lookup
}

/// The sample detail view.
public struct SampleDetailState: Sendable {
    public var uuid: String
    public var source: DetailSource
    public var sample: Sample?
    public var label: Label?
    public var isLoaded = false
    public var error: SegmentsError?
    public var scroll = 0
    /// `n`/`p` moved to a row whose page is still loading; the detail opens when it lands.
    public var waitingForRow: Int?
    /// Which of the sample's issues `o`, `e` and `D` act on (`I` moves it).
    public var issueCursor = 0
    /// The frame of an image sequence the detail shows (`,` and `.` step it).
    public var frame = 0
    /// The part of the picture shown (`+`, `-`, arrows, `0`).
    public var pictureView = PictureView()

    public init(uuid: String, source: DetailSource, sample: Sample? = nil) {
        self.uuid = uuid
        self.source = source
        self.sample = sample
    }
}
