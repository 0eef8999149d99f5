import SegmentsAPI

/// Times typical sample-list queries on one dataset, as the browser issues
/// them, to show that filtered and sorted pages stay fast at 100k samples.
public enum StoreBenchmark {
    public struct Measurement: Sendable {
        public var name: String
        public var duration: Duration
        public var results: Int
    }

    public static func run(_ store: SegmentsStore, dataset: String, repetitions: Int = 5) async throws -> [Measurement] {
        let queries: [(String, SampleQuery)] = [
            ("page 1, by name", SampleQuery(perPage: 100)),
            ("page 500, by name", SampleQuery(perPage: 100, page: 500)),
            ("created_at desc", SampleQuery(sort: .createdAt, direction: .descending, perPage: 100)),
            ("priority desc, page 20", SampleQuery(sort: .priority, direction: .descending, perPage: 100, page: 20)),
            ("gt_label__updated_at desc", SampleQuery(sort: .groundTruthLabelUpdatedAt, direction: .descending, perPage: 100)),
            ("status LABELED,REVIEWED", SampleQuery(labelStatuses: [.labeled, .reviewed], perPage: 100)),
            ("status UNLABELED, labelset summary", SampleQuery(labelset: "ground-truth", labelStatuses: [.unlabeled], perPage: 100)),
            ("metadata city:Paris", SampleQuery(metadata: [MetadataFilter(key: "city", value: "Paris")], perPage: 100)),
            ("metadata city:東京 + weather:fog, by priority",
             SampleQuery(metadata: [MetadataFilter(key: "city", value: "東京"), MetadataFilter(key: "weather", value: "fog")],
                         sort: .priority, direction: .descending, perPage: 100)),
            ("name contains 東京", SampleQuery(name: "東京", perPage: 100)),
            ("full labels, 1000 per page", SampleQuery(labelset: "ground-truth", perPage: 1000, includeFullLabel: true)),
        ]
        let clock = ContinuousClock()
        var measurements: [Measurement] = []
        for (name, query) in queries {
            var best = Duration.seconds(3600)
            var count = 0
            for _ in 0..<max(1, repetitions) {
                let started = clock.now
                count = try await store.getSamples(dataset, query: query).count
                best = min(best, clock.now - started)
            }
            measurements.append(Measurement(name: name, duration: best, results: count))
        }
        var best = Duration.seconds(3600)
        for _ in 0..<max(1, repetitions) {
            let started = clock.now
            _ = try await store.getDataset(dataset)
            best = min(best, clock.now - started)
        }
        measurements.append(Measurement(name: "get_dataset (label stats)", duration: best, results: 1))
        return measurements
    }
}
