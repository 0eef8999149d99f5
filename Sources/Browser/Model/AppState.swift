import SegmentsAPI
import TerminalUI

/// Where the browser is connected, as the header and status bar describe it.
public struct SessionInfo: Hashable, Sendable {
    /// e.g. "embedded workspace ~/.local/share/segments-tui" or "https://api.segments.ai".
    public var server: String
    /// Said once in the status bar at start-up, e.g. that the demo was seeded.
    public var notice: String?
    public var readOnly: Bool

    public init(server: String, notice: String? = nil, readOnly: Bool = false) {
        self.server = server
        self.notice = notice
        self.readOnly = readOnly
    }
}

/// A status-bar message: information or an error. It stays until the next key, then is
/// only in the message log (`:messages`).
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, error }
    public var kind: Kind
    public var text: String
    /// Seconds since 1970 when it was said.
    public var time: Int64 = 0
}

/// The whole state of the browser: a value, changed only by `update`.
public struct AppState: Sendable {
    public var size: Size
    public var session: SessionInfo
    /// Seconds since 1970, for relative times; set by the runtime before each event.
    public var now: Int64 = 0
    public var user: User?

    public var focus: Pane = .datasets
    /// The focused pane takes the whole body.
    public var zoomed = false
    /// The sample detail shows the picture (`i` turns it to the outline of the label only).
    public var picturesShown = true

    public var datasets = ListResource<Dataset>()
    /// The open dataset: follows the selection in the datasets list.
    public var dataset: DatasetState?

    public var overlay: Overlay?
    public var message: StatusMessage?
    /// Every message of the session, oldest first (the last `messageLogLimit`).
    public var messageLog: [StatusMessage] = []
    public static let messageLogLimit = 500
    /// Accept/reject decisions of this session and the label write in flight.
    public var triage = TriageState()
    /// Issue, release, collaborator and labelset changes not saved yet, in order per slot.
    public var writes = WriteQueues()

    /// Keys typed while the screen they act on was still loading, applied in order once it
    /// is there (see `handleKey`).
    public var typeAhead: [Key] = []

    /// The request in flight per slot; results with any other id are stale.
    public var inFlight: [Slot: RequestID] = [:]
    /// The dataset each write in flight was made in (its answer is applied only there).
    public var writeDatasets: [Slot: String] = [:]
    public var nextRequestNumber = 1
    /// Spinner frame counter.
    public var tick = 0
    public var isQuitting = false

    public init(size: Size, session: SessionInfo) {
        self.size = size
        self.session = session
        if let notice = session.notice {
            message = StatusMessage(kind: .info, text: notice)
            messageLog = [StatusMessage(kind: .info, text: notice)]
        }
    }

    /// Something is in flight: the spinner turns and the app is not idle.
    public var isBusy: Bool { !inFlight.isEmpty }

    /// The datasets as the list shows them (after the `/` filter).
    public var visibleDatasets: [Dataset] {
        datasets.visibleItems { [$0.fullName, $0.taskType.rawValue] }
    }

    public var selectedDataset: Dataset? {
        let visible = visibleDatasets
        return visible[safe: datasets.scroll.selected]
    }
}

/// A list fetched whole (datasets, issues, releases …) with its selection and `/` filter.
public struct ListResource<Item: Sendable>: Sendable {
    /// nil until the first answer.
    public var items: [Item]?
    public var error: SegmentsError?
    public var scroll = ScrollState()
    /// Case-insensitive substring filter typed after `/`.
    public var filter = ""

    public init() {}

    public var isLoaded: Bool { items != nil }

    /// Items whose searchable texts contain the filter.
    public func visibleItems(searchable: (Item) -> [String]) -> [Item] {
        guard let items else { return [] }
        let needle = filter.lowercased()
        guard !needle.isEmpty else { return items }
        return items.filter { item in searchable(item).contains { $0.lowercased().contains(needle) } }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
