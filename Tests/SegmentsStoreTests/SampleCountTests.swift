import Foundation
import GRDB
import SegmentsAPI
import Testing
@testable import SegmentsStore

/// `get_dataset`'s label stats come from `sample_count`, which SQLite's triggers keep;
/// after every kind of write they must equal a count of the samples themselves.
@Suite("Sample counts")
struct SampleCountTests {
    /// The kept counts of every dataset, zeros left out, against a recount; and the
    /// label stats `get_dataset` answers against the same recount.
    static func expectRight(_ fixture: Fixture, _ step: String, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        let (kept, counted) = try await fixture.workspace.database.read { db in
            var kept: [Int64: [String: Int]] = [:]
            var counted: [Int64: [String: Int]] = [:]
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM dataset") {
                kept[id] = try SampleCounts.byStatus(db, datasetID: id).filter { $0.value != 0 }
                counted[id] = try SampleCounts.recount(db, datasetID: id)
            }
            // No counts are left for datasets that are gone.
            let orphans = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM sample_count WHERE dataset_id NOT IN (SELECT id FROM dataset)") ?? -1
            #expect(orphans == 0, "\(step): counts of deleted datasets", sourceLocation: sourceLocation)
            return (kept, counted)
        }
        #expect(kept == counted, "\(step)", sourceLocation: sourceLocation)
        for dataset in try await fixture.jane.getDatasets() {
            let id = try await fixture.workspace.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM dataset WHERE name = ?", arguments: [dataset.name])
            }
            let counts = counted[id ?? -1] ?? [:]
            let stats = dataset.labelStats
            func count(_ status: LabelStatus) -> Int { counts[status.rawValue] ?? 0 }
            #expect(stats.labeled == count(.labeled) && stats.reviewed == count(.reviewed)
                && stats.unlabeled == count(.unlabeled) && stats.rejected == count(.rejected)
                && stats.total == counts.values.reduce(0, +) && dataset.sampleCount == stats.total,
                "\(step): \(dataset.fullName) \(stats) vs \(counts)", sourceLocation: sourceLocation)
        }
    }

    @Test("every sample and label write keeps the counts right, in its own transaction")
    func everyWritePath() async throws {
        let fixture = try await Fixture()
        let jane = fixture.jane
        try await fixture.dataset()
        try await Self.expectRight(fixture, "empty dataset")
        let one = try await jane.addSample("jane/cars", NewSample(name: "one", attributes: image("1")))
        try await Self.expectRight(fixture, "add_sample")
        var samples = try await jane.addSamples("jane/cars", (0..<12).map { NewSample(name: "s\($0)", attributes: image("s")) })
        samples.insert(one, at: 0)
        try await Self.expectRight(fixture, "add_samples")
        // A bulk add that fails adds nothing, counts included.
        _ = await error {
            try await jane.addSamples("jane/cars", [
                NewSample(name: "fine", attributes: image("f")),
                NewSample(name: "bad", attributes: SampleAttributes(json: ["pcd": ["url": "x", "type": "pcd"]])),
            ])
        }
        try await Self.expectRight(fixture, "failed add_samples")
        _ = try await jane.addLabelset("jane/cars", name: "predictions")
        let statuses: [LabelStatus] = [.labeled, .reviewed, .rejected, .labelingInProgress, .prelabeled, .skipped]
        for (index, sample) in samples.prefix(9).enumerated() {
            _ = try await jane.addLabel(
                sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes(),
                labelStatus: statuses[index % statuses.count], score: nil)
            _ = try await jane.addLabel(sampleUUID: sample.uuid, labelset: "predictions", attributes: boxes())
        }
        try await Self.expectRight(fixture, "add_label (ground truth and another labelset)")
        _ = try await jane.addLabel(
            sampleUUID: samples[0].uuid, labelset: "ground-truth", attributes: boxes(2), labelStatus: .verified,
            score: nil)
        try await Self.expectRight(fixture, "add_label replacing a label")
        _ = try await jane.updateLabel(sampleUUID: samples[1].uuid, labelset: "ground-truth", labelStatus: .reviewed)
        _ = try await jane.updateLabel(sampleUUID: samples[2].uuid, labelset: "ground-truth", score: 0.5)
        _ = try await jane.updateLabel(sampleUUID: samples[3].uuid, labelset: "predictions", labelStatus: .labeled)
        try await Self.expectRight(fixture, "update_label")
        try await jane.deleteLabel(sampleUUID: samples[4].uuid, labelset: "ground-truth")
        try await jane.deleteLabel(sampleUUID: samples[5].uuid, labelset: "predictions")
        try await Self.expectRight(fixture, "delete_label")
        _ = try await jane.updateSample(samples[6].uuid, SampleUpdate(name: "renamed", metadata: ["k": "v"], priority: 3))
        try await Self.expectRight(fixture, "update_sample")
        try await jane.deleteSample(samples[7].uuid)
        try await Self.expectRight(fixture, "delete_sample")
        let deleted = try await jane.deleteSamples(
            "jane/cars", uuids: [samples[0].uuid, samples[8].uuid, samples[9].uuid, UUID().uuidString])
        #expect(deleted == 3)
        try await Self.expectRight(fixture, "delete_samples")
        _ = try await jane.cloneDataset("jane/cars", newName: "with-labels", cloneLabels: true)
        _ = try await jane.cloneDataset("jane/cars", newName: "without-labels")
        try await Self.expectRight(fixture, "clone_dataset")
        try await jane.deleteDataset("jane/with-labels")
        try await Self.expectRight(fixture, "delete_dataset")
        let labelsLeft = try await jane.getSamples("jane/without-labels", labelset: "ground-truth")
        #expect(labelsLeft.allSatisfy { $0.label == nil })
    }

    @Test("the demo seed's datasets, the large one included, are counted right")
    func seed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segments-counts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try await Workspace(folder: folder, options: WorkspaceOptions(releaseJobs: .held))
        let summary = try await DemoSeed.seed(into: workspace, samplesPerDataset: 30, largeDatasetSamples: 2_500)
        let jane = workspace.store(actingAs: "jane", baseURL: "")
        for name in summary.datasets {
            let stats = try await jane.getDataset(name).labelStats
            let counted = try await workspace.database.read { db in
                let id = try #require(try Int64.fetchOne(
                    db, sql: "SELECT dataset.id FROM dataset JOIN account ON account.id = owner_id"
                        + " WHERE account.username || '/' || dataset.name = ?", arguments: [name]))
                return try SampleCounts.recount(db, datasetID: id)
            }
            #expect(stats.total == counted.values.reduce(0, +) && stats.labeled == counted["LABELED"] ?? 0
                && stats.unlabeled == counted["UNLABELED"] ?? 0, "\(name)")
        }
        #expect(try await jane.getDataset("jane/scale-2500").sampleCount == 2_500)
        await workspace.shutdown()
    }

    @Test("a workspace from before the counts is counted once when opened, then kept")
    func migration() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segments-old-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The schema as the previous build left it, with data it wrote.
        let old = try DatabaseQueue(path: folder.appendingPathComponent("workspace.sqlite").path)
        try Schema.migrator.migrate(old, upTo: "v1-initial")
        try await old.write { db in
            try db.execute(sql: """
                INSERT INTO account (id, username, created_at) VALUES (1, 'jane', '2025-01-01T00:00:00.000000Z');
                INSERT INTO dataset (id, owner_id, name, category, task_type, task_attributes, created_at)
                    VALUES (1, 1, 'old', 'other', 'bboxes', '{}', '2025-01-01T00:00:00.000000Z'),
                           (2, 1, 'older', 'other', 'bboxes', '{}', '2025-01-01T00:00:00.000000Z');
                """)
            let statuses = ["UNLABELED", "LABELED", "REVIEWED", "LABELED", "REJECTED"]
            for index in 0..<40 {
                try db.execute(
                    sql: """
                        INSERT INTO sample (uuid, dataset_id, name, created_by, created_at, updated_at, gt_label_status)
                        VALUES (?, ?, ?, 'jane', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z', ?)
                        """,
                    arguments: [UUID().uuidString.lowercased(), index % 3 == 0 ? 2 : 1, "s\(index)",
                                statuses[index % statuses.count]])
            }
        }
        try old.close()
        let workspace = try await Workspace(folder: folder)
        let (kept, counted, migrations) = try await workspace.database.read { db in
            (try [1, 2].map { try SampleCounts.byStatus(db, datasetID: $0) },
             try [1, 2].map { try SampleCounts.recount(db, datasetID: $0) },
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(kept == counted && counted[0].values.reduce(0, +) == 26 && counted[1].values.reduce(0, +) == 14)
        #expect(migrations.filter { $0 == "v2-sample-counts" }.count == 1)
        // From now on the triggers keep them: a write after the migration moves them.
        try await workspace.database.write { db in
            try db.execute(sql: "UPDATE sample SET gt_label_status = 'VERIFIED' WHERE dataset_id = 1 AND name = 's1'")
            try db.execute(sql: "DELETE FROM sample WHERE dataset_id = 2 AND name = 's0'")
        }
        let reopened = try await Workspace(folder: folder)
        let after = try await reopened.database.read { db in
            (try [1, 2].map { try SampleCounts.byStatus(db, datasetID: $0).filter { $0.value != 0 } },
             try [1, 2].map { try SampleCounts.recount(db, datasetID: $0) })
        }
        #expect(after.0 == after.1 && after.1[0]["VERIFIED"] == 1 && after.1[1].values.reduce(0, +) == 13)
    }
}
