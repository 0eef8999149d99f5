import Foundation
import SegmentsAPI
import SegmentsStore

/// `segments-bench store WORKSPACE DATASET [--rounds N]`: the store's answers to what the
/// browser asks when it opens a large dataset, jumps to its end (`G`), filters and sorts,
/// timed in process (no HTTP) on an existing workspace. Pages of 100 with the ground-truth
/// label summary, as the browser's samples table asks for them. Prints one tab-separated
/// line per query: `store <what> <median ms> <rows>`
enum StoreBench {
    static func run(_ arguments: [String]) async throws {
        guard arguments.count >= 2 else {
            throw SegmentsBench.UsageError(description: "usage: segments-bench store WORKSPACE DATASET [--rounds N]")
        }
        let (path, dataset) = (arguments[0], arguments[1])
        let rounds = arguments.count >= 4 && arguments[2] == "--rounds" ? max(1, Int(arguments[3]) ?? 5) : 5
        let workspace = try await Workspace(folder: URL(fileURLWithPath: path, isDirectory: true))
        let store = workspace.store(actingAs: "jane", baseURL: workspace.fileBaseURL)
        let clock = ContinuousClock()

        func time(_ what: String, _ body: () async throws -> Int) async throws {
            var durations: [Duration] = []
            var rows = 0
            for _ in 0..<rounds {
                let started = clock.now
                rows = try await body()
                durations.append(clock.now - started)
            }
            let median = durations.sorted()[durations.count / 2]
            print("store\t\(what)\t\(SegmentsBench.seconds(median) * 1000)\t\(rows)")
        }
        func page(_ query: SampleQuery) async throws -> Int { try await store.getSamples(dataset, query: query).count }
        func query(
            _ statuses: [LabelStatus] = [], _ metadata: [MetadataFilter] = [], sort: SampleSort = .name,
            _ direction: SortDirection = .ascending, page: Int = 1
        ) -> SampleQuery {
            SampleQuery(labelset: "ground-truth", labelStatuses: statuses, metadata: metadata, sort: sort,
                        direction: direction, perPage: 100, page: page)
        }
        /// The last page of a filter, as `G` finds it: from the count the label stats give.
        func lastPage(_ statuses: [LabelStatus]) async throws -> Int {
            let stats = try await store.getDataset(dataset).labelStats
            let count = statuses.isEmpty ? (stats.total ?? 0) : statuses.reduce(0) { total, status in
                total + (Self.count(stats, status) ?? 0)
            }
            return max(1, (count + 99) / 100)
        }

        try await time("get_datasets") { try await store.getDatasets(user: nil, perPage: 1000, page: 1).count }
        try await time("get_dataset") { try await store.getDataset(dataset).sampleCount ?? 0 }
        try await time("open (page 1 by name)") { try await page(query()) }
        let last = try await lastPage([])
        try await time("G (page \(last) by name)") { try await page(query(page: last)) }
        for sort in SampleSort.allCases {
            for direction in [SortDirection.ascending, .descending] {
                try await time("sort \(sort.rawValue) \(direction.rawValue)") {
                    try await page(query(sort: sort, direction))
                }
            }
        }
        let labeled = try await lastPage([.labeled])
        for sort in SampleSort.allCases {
            for direction in [SortDirection.ascending, .descending] {
                try await time("status LABELED, sort \(sort.rawValue) \(direction.rawValue)") {
                    try await page(query([.labeled], sort: sort, direction))
                }
            }
            try await time("status LABELED, sort \(sort.rawValue), G (page \(labeled))") {
                try await page(query([.labeled], sort: sort, page: labeled))
            }
            try await time("status LABELED+REVIEWED, sort \(sort.rawValue)") {
                try await page(query([.labeled, .reviewed], sort: sort))
            }
        }
        let paris = [MetadataFilter(key: "city", value: "Paris")]
        let tokyoFog = [MetadataFilter(key: "city", value: "東京"), MetadataFilter(key: "weather", value: "fog")]
        for sort in SampleSort.allCases {
            for direction in [SortDirection.ascending, .descending] {
                try await time("metadata city:Paris, sort \(sort.rawValue) \(direction.rawValue)") {
                    try await page(query([], paris, sort: sort, direction))
                }
            }
            try await time("metadata city:東京+weather:fog, sort \(sort.rawValue)") {
                try await page(query([], tokyoFog, sort: sort))
            }
            try await time("status LABELED + city:Paris, sort \(sort.rawValue)") {
                try await page(query([.labeled], paris, sort: sort))
            }
        }
        await workspace.shutdown()
    }

    static func count(_ stats: LabelStats, _ status: LabelStatus) -> Int? {
        switch status {
        case .labeled: stats.labeled
        case .reviewed: stats.reviewed
        case .unlabeled: stats.unlabeled
        case .rejected: stats.rejected
        case .prelabeled: stats.prelabeled
        case .labelingInProgress: stats.labelingInProgress
        case .reviewingInProgress: stats.reviewingInProgress
        case .skipped: stats.skipped
        case .verified: stats.verified
        default: nil
        }
    }
}
