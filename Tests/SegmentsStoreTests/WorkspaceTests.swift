import Foundation
import GRDB
import SegmentsAPI
import Testing
@testable import SegmentsStore

@Suite("Workspace")
struct WorkspaceTests {
    @Test("concurrent writers from many tasks lose no update")
    func concurrentWriters() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(await fixture.samples(["a"]).first)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for index in 0..<25 {
                        _ = try await fixture.jane.addSample(
                            "jane/cars", NewSample(name: "w\(writer)-\(index)", attributes: image("x")))
                        _ = try await fixture.jane.addIssue(sampleUUID: sample.uuid, description: "w\(writer)-\(index)")
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await fixture.jane.getDataset("jane/cars").sampleCount == 201)
        #expect(try await fixture.jane.getIssues("jane/cars").count == 200)
    }

    @Test("reopening the file keeps everything")
    func reopen() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(await fixture.jane.addSamples("jane/cars", [
            NewSample(name: "a", attributes: image("a"), metadata: ["k": "v"])
        ]).first)
        _ = try await fixture.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes())
        let before = try await fixture.jane.getSamples("jane/cars", labelset: "ground-truth", includeFullLabel: true)
        let reopened = try await Workspace(folder: fixture.folder)
        let store = reopened.store(actingAs: "jane", baseURL: "http://127.0.0.1:8321")
        #expect(try await store.getSamples("jane/cars", labelset: "ground-truth", includeFullLabel: true) == before)
        #expect(try await reopened.authenticate(apiKey: try #require(fixture.keys["jane"])) == "jane")
        #expect(try await reopened.isEmpty == false)
    }

    @Test("the default folder follows XDG_DATA_HOME")
    func defaultFolder() {
        let folder = Workspace.defaultFolder().path
        if let dataHome = ProcessInfo.processInfo.environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            #expect(folder == dataHome + "/segments-tui")
        } else {
            #expect(folder.hasSuffix("/.local/share/segments-tui"))
        }
    }
}

@Suite("Demo seed")
struct DemoSeedTests {
    static func makeFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("segments-seed-\(UUID().uuidString)")
    }

    /// Everything the seed wrote that does not depend on the clock or on random keys.
    static func dump(_ workspace: Workspace) throws -> [String] {
        try workspace.database.read { db in
            var lines: [String] = []
            for (table, order) in [("account", "id"), ("dataset", "id"), ("sample", "id"), ("label", "id"),
                                   ("issue", "id"), ("issue_comment", "id"), ("workunit", "id"),
                                   ("collaborator", "dataset_id, account_id")] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    lines.append("\(table) \(row)")
                }
            }
            for row in try Row.fetchAll(db, sql: "SELECT uuid, name, status FROM dataset_release ORDER BY id") {
                lines.append("release \(row)")
            }
            return lines
        }
    }

    @Test("the same seed gives the same data")
    func deterministic() async throws {
        let first = try await Workspace(folder: Self.makeFolder(), options: WorkspaceOptions(releaseJobs: .held))
        let second = try await Workspace(folder: Self.makeFolder(), options: WorkspaceOptions(releaseJobs: .held))
        defer {
            try? FileManager.default.removeItem(at: first.folder)
            try? FileManager.default.removeItem(at: second.folder)
        }
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        _ = try await DemoSeed.seed(into: first, samplesPerDataset: 60, randomSeed: 7, now: now)
        _ = try await DemoSeed.seed(into: second, samplesPerDataset: 60, randomSeed: 7, now: now)
        let dump = try Self.dump(first)
        #expect(dump.count > 300)
        #expect(dump == (try Self.dump(second)))
        await first.shutdown()
        await second.shutdown()
    }

    /// Every table the seed writes, row by row, except the random API keys and upload secret.
    static func fullDump(_ workspace: Workspace) throws -> String {
        try workspace.database.read { db in
            var lines: [String] = []
            for (table, order) in [("account", "id"), ("organization_member", "organization_id, account_id"),
                                   ("dataset", "id"), ("collaborator", "dataset_id, account_id"), ("labelset", "id"),
                                   ("sample", "id"), ("sample_metadata", "sample_id, meta_key"), ("label", "id"),
                                   ("issue", "id"), ("issue_comment", "id"), ("workunit", "id"),
                                   ("dataset_release", "id"), ("asset", "id")] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    lines.append("\(table) \(row)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    @Test("the demo data is what it was: a fixed seed and day give the rows pinned when this test was written")
    func pinned() async throws {
        let workspace = try await Workspace(folder: Self.makeFolder(), options: WorkspaceOptions(releaseJobs: .held))
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        _ = try await DemoSeed.seed(
            into: workspace, samplesPerDataset: 40, largeDatasetSamples: 25, randomSeed: 7,
            now: Date(timeIntervalSince1970: 1_780_000_000))
        let dump = try Self.fullDump(workspace)
        #expect(dump.count > 100_000)
        // Re-pinned when the demo gained jane/dashcam-clips (issue 12): the earlier datasets
        // draw the same random numbers; the large dataset's come after the new one's.
        #expect(Hashes.sha256Hex(dump) == "09f280f4695de02b20ff51ad9a546877c77be820295adafcbad6a8e77a8cbe3f")
        await workspace.shutdown()
    }

    @Test("the demo has five task types, every status, Japanese and emoji names, all roles, issues and releases")
    func content() async throws {
        let workspace = try await Workspace(folder: Self.makeFolder())
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let summary = try await DemoSeed.seed(into: workspace)
        #expect(summary.samples == 1500 && summary.apiKeys.count == 5)
        #expect(try await workspace.ownerUsername() == "jane")
        let jane = workspace.store(actingAs: "jane", baseURL: workspace.fileBaseURL)
        let datasets = try await jane.getDatasets()
        #expect(Set(datasets.map(\.taskType)) == [.bboxes, .segmentationBitmap, .vector, .pointcloudCuboid, .imageVectorSequence])
        for dataset in datasets {
            let stats = dataset.labelStats
            let counts = [stats.prelabeled, stats.labelingInProgress, stats.labeled, stats.reviewingInProgress,
                          stats.reviewed, stats.rejected, stats.skipped, stats.verified, stats.unlabeled]
            #expect(counts.allSatisfy { ($0 ?? 0) > 0 }, "\(dataset.fullName)")
            // Every stored label fits the dataset's task type.
            let samples = try await jane.getSamples(dataset.fullName, labelset: "ground-truth", includeFullLabel: true)
            #expect(samples.allSatisfy { $0.label?.fullLabel?.attributes?.fits(dataset.taskType) ?? true })
            #expect(samples.allSatisfy { $0.attributes?.fits(dataset.taskType) == true })
        }
        let names = try await jane.getSamples("jane/street-scenes", name: "東京").map(\.name)
        #expect(!names.isEmpty)
        #expect(try await !jane.getSamples("jane/street-scenes", name: "🚗").isEmpty)
        let street = try await jane.getDataset("jane/street-scenes")
        #expect(street.collaboratorsCount == 4 && street.labelsets?.count == 2)
        let issues = try await jane.getIssues("jane/street-scenes")
        #expect(Set(issues.map(\.status)) == [.open, .closed] && issues.contains { !$0.comments.isEmpty })
        await workspace.waitForReleaseJobs()
        let releases = try await jane.getReleases("jane/street-scenes")
        #expect(releases.count == 3 && releases.allSatisfy { $0.status == .succeeded })
        let workunits = try await jane.getWorkunits("jane/street-scenes")
        let days = Set(workunits.map { $0.createdAt.prefix(10) })
        #expect(days.count >= 4)
        // carol collaborates on three of jane's; acme/parking-lots is private and membership alone does not open it.
        #expect(try await workspace.store(actingAs: "carol", baseURL: "").getDatasets().count == 3)
        #expect(await error { try await DemoSeed.seed(into: workspace) }?.kind == "ValidationError")
    }
}
