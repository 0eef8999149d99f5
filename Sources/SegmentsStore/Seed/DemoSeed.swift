import Foundation
import GRDB
import SegmentsAPI

/// What the demo seed created.
public struct DemoSeedSummary: Sendable {
    /// The API key of each demo user (printed once; only hashes are stored).
    public var apiKeys: [String: String]
    /// Full names of the datasets created.
    public var datasets: [String]
    public var samples: Int
    public var labels: Int
    public var issues: Int
    public var releases: Int
    public var workunits: Int
    public var elapsed: Duration
}

/// The demo workspace: users jane (the owner), bob, carol, dave and erin; the
/// organisation acme; datasets of five task types with hundreds of samples,
/// labels in every status with real geometry, prediction labelsets with scores,
/// open and closed issues with comments, collaborators in every role, releases
/// (finished ones and one pending) and workunits over several days. The same
/// `randomSeed` and `now` give the same data (API keys excepted); by default the
/// demo week ended yesterday, so relative times in the browser read "2d ago", not "1y ago".
public enum DemoSeed {
    public static let users = ["jane", "bob", "carol", "dave", "erin"]
    public static let organization = "acme"

    public static func seed(
        into workspace: Workspace, samplesPerDataset: Int = 300, largeDatasetSamples: Int? = nil,
        randomSeed: UInt64 = 42, now: Date = Date()
    ) async throws -> DemoSeedSummary {
        guard samplesPerDataset >= 1, samplesPerDataset <= 100_000, (largeDatasetSamples ?? 1) >= 1 else {
            throw SegmentsError.validation("The number of samples must be at least 1.")
        }
        guard try await workspace.isEmpty else {
            throw SegmentsError.validation("The workspace already has data; seed a new folder.")
        }
        let clock = ContinuousClock()
        let started = clock.now
        var keys: [String: String] = [:]
        for user in users { keys[user] = Workspace.newAPIKey() }
        let apiKeys = keys
        let folder = workspace.folder
        let weekStart = Self.weekStart(endingAt: now)
        // On GRDB's writer queue: the seconds a large seed takes are not spent on a cooperative
        // thread. The demo datasets are one transaction; the large dataset is written in chunks
        // of `BulkLoad.chunkSize` samples, with its tables' secondary indexes built after the load.
        let (counts, pendingRelease) = try await workspace.database.writeWithoutTransaction { db in
            try BulkLoad.withFastWrites(db) {
                var writer = DemoWriter(
                    db: db, random: SeededRandom(seed: randomSeed), folder: folder, weekStart: weekStart)
                try db.inTransaction {
                    try writer.createAccounts(apiKeys: apiKeys)
                    for spec in DemoDatasetSpec.demo { try writer.createDataset(spec, samples: samplesPerDataset) }
                    return .commit
                }
                if let largeDatasetSamples {
                    try BulkLoad.withoutSecondaryIndexes(db) {
                        let spec = DemoDatasetSpec.large(samples: largeDatasetSamples)
                        var begun: DemoWriter.DatasetInProgress?
                        try db.inTransaction {
                            begun = try writer.beginDataset(spec, samples: largeDatasetSamples)
                            return .commit
                        }
                        guard var dataset = begun else { throw SegmentsError.notFoundError }
                        for start in stride(from: 0, to: largeDatasetSamples, by: BulkLoad.chunkSize) {
                            try db.inTransaction {
                                try writer.addSamples(
                                    &dataset, start..<min(largeDatasetSamples, start + BulkLoad.chunkSize))
                                return .commit
                            }
                        }
                        try db.inTransaction {
                            try writer.finishDataset(dataset)
                            return .commit
                        }
                    }
                }
                return (writer.counts, writer.pendingReleases)
            }
        }
        for uuid in pendingRelease { workspace.scheduleReleaseJob(uuid) }
        return DemoSeedSummary(
            apiKeys: apiKeys, datasets: counts.datasets, samples: counts.samples, labels: counts.labels,
            issues: counts.issues, releases: counts.releases, workunits: counts.workunits,
            elapsed: clock.now - started)
    }

    /// 08:00 UTC nine days before `now`'s day: the latest demo event (a release on
    /// day eight) lands yesterday, never in the future.
    static func weekStart(endingAt now: Date) -> Int64 {
        let day: Int64 = 86_400
        let today = Int64(now.timeIntervalSince1970) / day * day
        return (today - 9 * day + 8 * 3_600) * 1_000_000
    }
}

/// What one demo dataset looks like.
struct DemoDatasetSpec: Sendable {
    var owner: String
    var name: String
    var description: String
    var taskType: TaskType
    var category: Category
    var isPublic: Bool
    var categories: [String]
    var collaborators: [(String, Role)]
    var predictions: Bool
    var releases: [(String, ReleaseStatus)]
    /// The large scale-test dataset: lighter content (no issues, workunits or predictions).
    var isLarge = false

    static let demo: [DemoDatasetSpec] = [
        DemoDatasetSpec(
            owner: "jane", name: "street-scenes", description: "Dash-cam frames from five cities, boxes around road users.",
            taskType: .bboxes, category: .streetScenery, isPublic: false,
            categories: ["car", "pedestrian", "cyclist", "traffic_light", "bus"],
            collaborators: [("bob", .labeler), ("carol", .reviewer), ("dave", .manager), ("erin", .admin)],
            predictions: true, releases: [("v1.0", .succeeded), ("v1.1", .succeeded), ("v2.0-rc1", .pending)]),
        DemoDatasetSpec(
            owner: "jane", name: "flower-segmentation", description: "Garden flowers, instance segmentation bitmaps.",
            taskType: .segmentationBitmap, category: .garden, isPublic: true,
            categories: ["petal", "stem", "leaf", "bee"],
            collaborators: [("carol", .labeler), ("bob", .reviewer)], predictions: false,
            releases: [("initial", .succeeded)]),
        DemoDatasetSpec(
            owner: "acme", name: "parking-lots", description: "Aerial images of parking lots, polygons per bay.",
            taskType: .vector, category: .satellite, isPublic: false,
            categories: ["parking_bay", "vehicle", "tree", "building"],
            collaborators: [("dave", .reviewer), ("erin", .labeler)], predictions: false, releases: []),
        DemoDatasetSpec(
            owner: "jane", name: "lidar-highway", description: "Highway LiDAR sweeps with 3D cuboids.",
            taskType: .pointcloudCuboid, category: .streetScenery, isPublic: false,
            categories: ["car", "truck", "pedestrian", "motorcycle"],
            collaborators: [("bob", .reviewer), ("dave", .labeler)], predictions: true,
            releases: [("2025-03-weekly", .succeeded)]),
        DemoDatasetSpec(
            owner: "jane", name: "dashcam-clips", description: "Short dash-cam clips, road users tracked from frame to frame.",
            taskType: .imageVectorSequence, category: .streetScenery, isPublic: false,
            categories: ["car", "pedestrian", "cyclist", "traffic_light", "bus"],
            collaborators: [("carol", .reviewer), ("bob", .labeler)], predictions: false, releases: []),
    ]

    static func large(samples: Int) -> DemoDatasetSpec {
        DemoDatasetSpec(
            owner: "jane", name: "scale-\(samples)", description: "\(samples) samples for scale tests.",
            taskType: .bboxes, category: .streetScenery, isPublic: false, categories: ["car", "pedestrian", "cyclist"],
            collaborators: [("bob", .labeler), ("carol", .reviewer)], predictions: false, releases: [], isLarge: true)
    }
}
