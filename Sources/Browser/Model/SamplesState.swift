import SegmentsAPI
import TerminalUI

/// The server-side filter and order of the samples table.
public struct SampleFilter: Hashable, Sendable {
    public var name = ""
    public var statuses: [LabelStatus] = []
    public var metadata: [MetadataFilter] = []
    public var sort = SampleSort.name
    public var direction = SortDirection.ascending

    public init() {}

    /// True when the API returns a subset of the dataset.
    public var narrows: Bool { !name.isEmpty || !statuses.isEmpty || !metadata.isEmpty }

    func query(labelset: String, page: Int, perPage: Int) -> SampleQuery {
        SampleQuery(
            labelset: labelset, name: name.isEmpty ? nil : name, labelStatuses: statuses, metadata: metadata,
            sort: sort, direction: direction, perPage: perPage, page: page)
    }
}

/// The virtualised samples table: pages fetched on demand around the visible rows, at most
/// `pageCacheLimit` of them kept (a 100,000-row dataset costs what a few pages cost).
public struct SamplesState: Sendable {
    public var filter = SampleFilter()
    public var pageSize = 100
    /// Page number (1-based) → its samples.
    public private(set) var pages: [Int: [Sample]] = [:]
    /// Pages kept at most: those around the visible rows (and the open sample's), then the
    /// nearest others, for scrolling back without a fetch.
    public static let pageCacheLimit = 8
    /// Exact count, once a short (or past-the-end) page was seen.
    public var knownCount: Int?
    /// The dataset's sample count; the row count while unfiltered and the end is unseen.
    public var estimatedCount: Int?
    /// The count the dataset's label stats give for a status filter; the row count while
    /// filtered and the end is unseen (so `G` reaches the real end).
    public var statsCount: Int?
    public var table = ScrollState()
    /// How the selection last moved, and where it was when the pages were last planned.
    public var motion = ScrollMotion()
    var plannedSelection = 0
    public var error: SegmentsError?

    public init(estimatedCount: Int?) {
        self.estimatedCount = estimatedCount
    }

    /// Rows the table has. Unfiltered, the dataset's count lets you jump anywhere (End in a
    /// 100k dataset fetches the last page). Filtered, the table grows page by page.
    public var rowCount: Int {
        if let knownCount { return knownCount }
        if let expected = filter.narrows ? statsCount : estimatedCount { return max(expected, loadedPrefixCount) }
        return loadedPrefixCount
    }

    /// Whether more rows may exist past `rowCount`.
    public var mayHaveMore: Bool { knownCount == nil && (filter.narrows ? statsCount : estimatedCount) == nil }

    /// Rows loaded from the first page on without a gap (still counted once their pages
    /// left the cache: the table does not shrink).
    public private(set) var loadedPrefixCount = 0

    /// Keeps a page that arrived.
    mutating func store(_ samples: [Sample], page: Int) {
        pages[page] = samples
        while loadedPrefixCount % pageSize == 0, let next = pages[loadedPrefixCount / pageSize + 1], !next.isEmpty {
            loadedPrefixCount += next.count
        }
    }

    /// Drops pages, farthest from page `near` first, until at most `pageCacheLimit` are kept;
    /// the pages in `keep` always stay.
    mutating func evictPages(keeping keep: Set<Int>, near page: Int) {
        guard pages.count > Self.pageCacheLimit else { return }
        let candidates = pages.keys.filter { !keep.contains($0) }.sorted { abs($0 - page) > abs($1 - page) }
        for victim in candidates.prefix(pages.count - Self.pageCacheLimit) { pages[victim] = nil }
    }

    public func sample(at index: Int) -> Sample? {
        guard index >= 0 else { return nil }
        return pages[index / pageSize + 1]?[safe: index % pageSize]
    }

    public func page(of index: Int) -> Int { index / pageSize + 1 }

    /// The row of the loaded sample `uuid`, if its page is here.
    public func row(of uuid: String) -> Int? {
        for (page, samples) in pages {
            if let index = samples.firstIndex(where: { $0.uuid == uuid }) { return (page - 1) * pageSize + index }
        }
        return nil
    }

    /// Changes the loaded row of sample `uuid` in place (a label written from the detail).
    mutating func updateRow(uuid: String, _ change: (inout Sample) -> Void) {
        guard let row = row(of: uuid) else { return }
        let page = self.page(of: row)
        guard var samples = pages[page] else { return }
        change(&samples[row % pageSize])
        pages[page] = samples
    }

    /// Forgets every row (filter, sort or labelset changed).
    mutating func reset() {
        pages = [:]
        loadedPrefixCount = 0
        knownCount = nil
        error = nil
        table = ScrollState()
        motion = ScrollMotion()
        plannedSelection = 0
    }
}
