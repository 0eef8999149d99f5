import Foundation
import GRDB
import SegmentsAPI

// Releases are built in the background, as on the hosted service: the release is
// stored PENDING, and a job writes the export file and marks it SUCCEEDED (or
// FAILED with the reason in status_info).
extension Workspace {
    func scheduleReleaseJob(_ releaseUUID: String) {
        releaseJobs.start(releaseUUID) { [self] in await runReleaseJob(releaseUUID) }
    }

    /// Releases left PENDING by a process that ended are built now.
    func resumePendingReleases() async throws {
        let pending = try await database.read { db in
            try ReleaseRow
                .filter { $0.status == ReleaseStatus.pending.rawValue }
                .order(\.id)
                .select({ $0.uuid }, as: String.self)
                .fetchAll(db)
        }
        for uuid in pending { scheduleReleaseJob(uuid) }
    }

    private func runReleaseJob(_ releaseUUID: String) async {
        let key = "releases/\(releaseUUID).json"
        let file = folder.appendingPathComponent(key)
        do {
            // One read transaction: the export is a consistent snapshot even while others write.
            guard let export = try await database.read({ db in try ReleaseExport.build(db, releaseUUID: releaseUUID) })
            else { return }
            try PrivateFiles.write(export.data, to: file)
            let stored = try await database.write { db in
                try Self.pendingRelease(releaseUUID).updateAll(db) { [
                    $0.status.set(to: ReleaseStatus.succeeded.rawValue), $0.statusInfo.set(to: nil),
                    $0.filePath.set(to: key), $0.samplesCount.set(to: export.samplesCount),
                ] } == 1
            }
            // Deleted while it was being built: the file belongs to nobody.
            if !stored { try? FileManager.default.removeItem(at: file) }
        } catch is CancellationError {
            return  // Cancelled by shutdown: the release stays PENDING and is resumed on the next open.
        } catch {
            logger.error("Release \(releaseUUID) failed: \(error)")
            let reason = "The export could not be written: \(error)"
            _ = try? await database.write { db in
                try Self.pendingRelease(releaseUUID).updateAll(db) {
                    [$0.status.set(to: ReleaseStatus.failed.rawValue), $0.statusInfo.set(to: reason)]
                }
            }
        }
    }

    /// The release while it is PENDING: one deleted or finished meanwhile is left alone.
    private static func pendingRelease(_ releaseUUID: String) -> QueryInterfaceRequest<ReleaseRow> {
        ReleaseRow.filter { $0.uuid == releaseUUID && $0.status == ReleaseStatus.pending.rawValue }
    }
}

/// The release file of reference section 9: the dataset with its task attributes
/// and labelsets, and every sample with its label in every labelset (null when
/// it has none).
enum ReleaseExport {
    struct Output: Sendable {
        var data: Data
        var samplesCount: Int
    }

    static func build(_ db: Database, releaseUUID: String) throws -> Output? {
        guard
            let release = try ReleaseRow.filter({ $0.uuid == releaseUUID }).fetchOne(db),
            let dataset = try DatasetRow.find(db, id: release.datasetID)
        else { return nil }
        let labelsets = try LabelsetRow.all(db, datasetID: dataset.id)
        let labelsetNames = Dictionary(uniqueKeysWithValues: labelsets.map { ($0.id, $0.name) })
        var labelsBySample: [Int64: [String: JSONValue]] = [:]
        let labelRows = try LabelRow.joining(required: LabelRow.sample.filter { $0.datasetID == dataset.id }).fetchAll(db)
        for label in labelRows {
            guard let name = labelsetNames[label.labelsetID] else { continue }
            var object: JSONObject = [
                "label_status": .string(label.labelStatus.rawValue),
                "attributes": JSONText.value(from: label.attributesText) ?? .null,
                "created_at": .string(label.createdAt), "created_by": .string(label.createdBy),
                "updated_at": .string(label.updatedAt), "updated_by": .string(label.updatedBy),
            ]
            if let score = label.score { object["score"] = .double(score) }
            if let reviewedBy = label.reviewedBy { object["reviewed_by"] = .string(reviewedBy) }
            labelsBySample[label.sampleID, default: [:]][name] = .object(object)
        }
        let sampleRows = try SampleRow.filter { $0.datasetID == dataset.id }.order(\.name).fetchAll(db)
        let samples: [JSONValue] = sampleRows.map { sample in
            let found = labelsBySample[sample.id] ?? [:]
            let labels = Dictionary(uniqueKeysWithValues: labelsets.map { ($0.name, found[$0.name] ?? .null) })
            return .object([
                "uuid": .string(sample.uuid), "name": .string(sample.name),
                "metadata": .object(JSONText.object(from: sample.metadataText)),
                "attributes": JSONText.value(from: sample.attributesText) ?? .null,
                "priority": .double(sample.priority), "created_at": .string(sample.createdAt),
                "labels": .object(labels),
            ])
        }
        let document: JSONValue = .object([
            "name": .string(release.name), "description": .string(release.description),
            "created_at": .string(release.createdAt), "release_type": "JSON",
            "dataset": .object([
                "name": .string(dataset.name), "owner": .string(dataset.ownerUsername),
                "task_type": .string(dataset.taskType.rawValue),
                "task_attributes": JSONText.value(from: dataset.taskAttributesText) ?? .object([:]),
                "labelsets": .array(labelsets.map {
                    .object(["name": .string($0.name), "description": .string($0.description),
                             "is_groundtruth": .bool($0.isGroundTruth)])
                }),
                "samples": .array(samples),
            ]),
        ])
        return Output(data: try JSONEncoder.segments.encode(document), samplesCount: samples.count)
    }
}
