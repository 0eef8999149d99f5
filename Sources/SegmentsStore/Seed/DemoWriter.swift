import Foundation
import GRDB
import SegmentsAPI

/// Writes the demo content inside one transaction, with prepared statements so
/// that 100k samples take seconds. All randomness comes from `random` and all
/// times from `timeline`, which is what makes the seed deterministic.
struct DemoWriter {
    struct Counts {
        var datasets: [String] = []
        var samples = 0
        var labels = 0
        var issues = 0
        var releases = 0
        var workunits = 0
    }

    let db: Database
    var random: SeededRandom
    let folder: URL
    var counts = Counts()
    var pendingReleases: [String] = []
    private var accountIDs: [String: Int64] = [:]
    /// JSON texts written once and reused (by picture reference).
    private var textCache: [String: String] = [:]
    /// Sample attributes' JSON text per picture (an image, or a clip's frames): the same for
    /// every sample showing it.
    private var attributeCache: [String: String] = [:]
    /// The demo week starts here (microseconds since 1970, UTC).
    private let weekStart: Int64
    private static let hour: Int64 = 3_600_000_000
    private static let day: Int64 = 24 * hour

    init(db: Database, random: SeededRandom, folder: URL, weekStart: Int64) {
        self.db = db
        self.random = random
        self.folder = folder
        self.weekStart = weekStart
    }

    mutating func createAccounts(apiKeys: [String: String]) throws {
        for (index, username) in DemoSeed.users.enumerated() {
            let createdAt = Timestamp.string(micros: weekStart - 60 * Self.day + Int64(index) * Self.hour)
            let account = try Workspace.insertAccount(
                db, username: username, email: "\(username)@example.com", isOrganization: false, createdAt: createdAt)
            accountIDs[username] = account.id
            if let key = apiKeys[username] {
                try Workspace.insertAPIKey(db, accountID: account.id, key: key, createdAt: createdAt)
            }
        }
        let organization = try Workspace.insertAccount(
            db, username: DemoSeed.organization, email: nil, isOrganization: true,
            createdAt: Timestamp.string(micros: weekStart - 50 * Self.day))
        accountIDs[DemoSeed.organization] = organization.id
        for (member, role) in [("jane", Role.admin), ("bob", .manager), ("carol", .labeler)] {
            try OrganizationMemberRow(organizationID: organization.id, accountID: try accountID(member), role: role).insert(db)
        }
    }

    private func accountID(_ username: String) throws -> Int64 {
        guard let id = accountIDs[username] else { throw SegmentsError.notFoundError }
        return id
    }

    /// A dataset whose samples are being written, chunk by chunk for a large one.
    struct DatasetInProgress {
        let spec: DemoDatasetSpec
        let datasetID: Int64
        let sampleCount: Int
        let groundTruth: LabelsetRow
        let predictions: LabelsetRow?
        let labelers: [String]
        let reviewers: [String]
        let content: DemoContent
        var images: DemoImageAssets?
    }

    mutating func createDataset(_ spec: DemoDatasetSpec, samples sampleCount: Int) throws {
        var dataset = try beginDataset(spec, samples: sampleCount)
        try addSamples(&dataset, 0..<sampleCount)
        try finishDataset(dataset)
    }

    /// The dataset, its collaborators and labelsets, before any sample.
    mutating func beginDataset(_ spec: DemoDatasetSpec, samples sampleCount: Int) throws -> DatasetInProgress {
        guard let ownerID = accountIDs[spec.owner] else { throw SegmentsError.notFoundError }
        let palette: [[Int]] = [[230, 25, 75], [60, 180, 75], [255, 225, 25], [0, 130, 200], [245, 130, 48], [145, 30, 180]]
        let categories = spec.categories.enumerated().map { index, name in
            TaskCategory(name: name, id: index + 1, color: palette[index % palette.count])
        }
        let created = weekStart - 20 * Self.day
        let datasetID = try DatasetWriter.insert(
            db,
            NewDatasetRow(
                ownerID: ownerID, name: spec.name, description: spec.description, category: spec.category.rawValue,
                isPublic: spec.isPublic, archived: false, taskType: spec.taskType.rawValue,
                taskAttributes: try JSONText.encode(TaskAttributes(formatVersion: "0.1", categories: categories)),
                metadata: try JSONText.encode(["source": "demo", "week": "2025-W10"] as JSONObject),
                readme: "# \(spec.name)\n\n\(spec.description)\n", settings: try JSONText.encode(DatasetSettings()),
                clonedFrom: nil, createdAt: Timestamp.string(micros: created)))
        counts.datasets.append("\(spec.owner)/\(spec.name)")
        for (username, role) in spec.collaborators {
            try CollaboratorRow(
                datasetID: datasetID, accountID: try accountID(username), role: role,
                createdAt: Timestamp.string(micros: created + Self.hour)
            ).insert(db)
        }
        guard let groundTruth = try LabelsetRow.find(db, datasetID: datasetID, name: "ground-truth") else {
            throw SegmentsError.notFoundError
        }
        let predictions = spec.predictions
            ? try LabelsetWriter.insert(
                db, datasetID: datasetID, name: "predictions", description: "model v3 (nightly)",
                at: Timestamp.string(micros: created + 2 * Self.hour))
            : nil
        let labelers = spec.collaborators.filter { $0.1 == .labeler }.map(\.0) + [spec.owner]
        let reviewers = spec.collaborators.filter { $0.1 == .reviewer || $0.1 == .admin }.map(\.0) + [spec.owner]
        let content = DemoContent(spec: spec, categoryCount: categories.count)
        let images = DemoImageAssets(
            spec: spec, categoryCount: categories.count, samples: sampleCount, createdAt: Timestamp.string(micros: created))
        return DatasetInProgress(
            spec: spec, datasetID: datasetID, sampleCount: sampleCount, groundTruth: groundTruth,
            predictions: predictions, labelers: labelers, reviewers: reviewers, content: content, images: images)
    }

    /// Samples `range` of the dataset (in order: the random choices depend on it).
    mutating func addSamples(_ dataset: inout DatasetInProgress, _ range: Range<Int>) throws {
        let (spec, datasetID, sampleCount) = (dataset.spec, dataset.datasetID, dataset.sampleCount)
        let (groundTruth, predictions, content) = (dataset.groundTruth, dataset.predictions, dataset.content)
        let (labelers, reviewers) = (dataset.labelers, dataset.reviewers)
        for index in range {
            // Samples arrive over the demo week, in order.
            let createdAt = weekStart + Int64(index) * (7 * Self.day) / Int64(max(sampleCount, 1))
                + Int64(random.int(0...59)) * 1_000_000
            let slot = try dataset.images?.slot(forSample: index, db: db, folder: folder)
            let drawn = drawSample(spec: spec, content: content, index: index, createdAt: createdAt)
            // Every status appears in the first nine samples, then at random.
            let statusIndex = index < 9 ? index : random.int(0...8)
            var label: DrawnLabel?
            if statusIndex > 0 {
                let status = DemoContent.statuses[statusIndex - 1]
                let labeler = random.pick(labelers)
                let labeledAt = createdAt + Int64(random.int(1...36)) * Self.hour / 3
                let reviewing = Permissions.isReviewing(status)
                let reviewer = random.pick(reviewers)
                let updatedAt = reviewing ? labeledAt + Int64(random.int(1...48)) * Self.hour / 4 : labeledAt
                label = DrawnLabel(
                    status: status, labeler: labeler, labeledAt: labeledAt, reviewing: reviewing, reviewer: reviewer,
                    updatedAt: updatedAt)
            }
            // The sample row carries its ground-truth status from the start (what LabelWriter.copyGroundTruth
            // keeps), instead of an UPDATE after the label: one write per sample, one count trigger.
            let labelUpdated = label.map { Timestamp.string(micros: $0.updatedAt) }
            let sample = try insertSample(
                drawn, datasetID: datasetID, spec: spec, content: content, index: index, slot: slot,
                groundTruth: label.map { ($0.status, labelUpdated ?? "") })
            if let label, let labelUpdated {
                try insertLabel(
                    sampleID: sample.id, labelsetID: groundTruth.id, status: label.status,
                    attributesText: groundTruthText(content: content, index: index, slot: slot),
                    score: nil, createdBy: label.labeler,
                    createdAt: label.labeledAt, updatedBy: label.reviewing ? label.reviewer : label.labeler,
                    updatedAt: labelUpdated,
                    reviewed: label.status == .reviewed || label.status == .rejected || label.status == .verified)
                if !spec.isLarge {
                    try insertWorkunit(
                        datasetID: datasetID, sample: sample, by: label.labeler, at: label.labeledAt,
                        status: label.reviewing ? .labeled : label.status)
                    if label.reviewing {
                        try insertWorkunit(
                            datasetID: datasetID, sample: sample, by: label.reviewer, at: label.updatedAt,
                            status: label.status)
                    }
                }
            }
            if let predictions, random.chance(0.6) {
                let at = createdAt + Self.hour
                try insertLabel(
                    sampleID: sample.id, labelsetID: predictions.id, status: .prelabeled,
                    attributesText: JSONText.compact(
                        Self.label(content.label(&random, index: index), slot: slot, prediction: index)),
                    score: (random.double(0.3...0.99) * 100).rounded() / 100, createdBy: spec.owner, createdAt: at,
                    updatedBy: spec.owner, updatedAt: Timestamp.string(micros: at), reviewed: false)
            }
            if !spec.isLarge && index % 17 == 3 {
                try insertIssue(datasetID: datasetID, sample: sample, spec: spec, at: createdAt + 30 * Self.hour)
            }
        }
    }

    /// The dataset's releases, after its samples.
    mutating func finishDataset(_ dataset: DatasetInProgress) throws {
        for (offset, (name, status)) in dataset.spec.releases.enumerated() {
            try insertRelease(datasetID: dataset.datasetID, name: name, status: status,
                              at: weekStart + Int64(offset * 2 + 2) * Self.day)
        }
    }

    /// The label of a sample with a demo picture matches the picture; the random one is
    /// still drawn first (and dropped) so that every later random choice of the demo stays
    /// what it was before the demo had pictures.
    private static func label(_ generated: JSONValue, slot: DemoImageAssets.Slot?, prediction index: Int?) -> JSONValue {
        guard let slot else { return generated }
        var jitter = index.map { SeededRandom(seed: UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ 0xBAD5EED) }
        return DemoImageAssets.label(for: slot, jitter: &jitter)
    }

    /// A sample's random parts, drawn in the order the demo has always drawn them.
    private struct DrawnSample {
        var uuid: String
        var metadata: JSONObject
        var priority: Double
        var createdAt: Int64
    }

    private struct DrawnLabel {
        var status: LabelStatus
        var labeler: String
        var labeledAt: Int64
        var reviewing: Bool
        var reviewer: String
        var updatedAt: Int64
    }

    private mutating func drawSample(spec: DemoDatasetSpec, content: DemoContent, index: Int, createdAt: Int64)
        -> DrawnSample
    {
        let uuid = random.uuid()
        let metadata = content.metadata(&random, index: index)
        return DrawnSample(uuid: uuid, metadata: metadata, priority: Double(random.int(0...10)), createdAt: createdAt)
    }

    /// The ground-truth label's JSON text. A picture's own annotations replace the random label
    /// (whose choices are still made) and are the same for every sample showing the picture:
    /// written once per picture.
    private mutating func groundTruthText(content: DemoContent, index: Int, slot: DemoImageAssets.Slot?) -> String {
        guard let slot else { return JSONText.compact(content.label(&random, index: index)) }
        content.skipLabel(&random, index: index)
        if let known = textCache[slot.imageReference] { return known }
        let text = JSONText.compact(Self.label(.null, slot: slot, prediction: nil))
        textCache[slot.imageReference] = text
        return text
    }

    private mutating func insertSample(
        _ drawn: DrawnSample, datasetID: Int64, spec: DemoDatasetSpec, content: DemoContent, index: Int,
        slot: DemoImageAssets.Slot?, groundTruth: (status: LabelStatus, updatedAt: String)?
    ) throws -> (id: Int64, uuid: String, name: String) {
        let name = content.sampleName(index: index)
        let attributes: String
        if let slot {
            attributes = attributeCache[slot.imageReference] ?? JSONText.compact(slot.sampleAttributes)
            attributeCache[slot.imageReference] = attributes
        } else {
            attributes = JSONText.compact(content.sampleAttributes(index: index))
        }
        let stamp = Timestamp.string(micros: drawn.createdAt)
        // Raw SQL: one prepared statement for every sample, as a large seed writes a million of them.
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO sample (uuid, dataset_id, name, attributes, metadata, priority, readme, created_by,
                    created_at, updated_at, gt_label_status, gt_label_updated_at)
                VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            drawn.uuid, datasetID, name, attributes, JSONText.compact(.object(drawn.metadata)), drawn.priority,
            spec.owner, stamp, stamp, (groundTruth?.status ?? .unlabeled).rawValue, groundTruth?.updatedAt,
        ])
        let id = db.lastInsertedRowID
        try SampleWriter.insertMetadata(db, sampleID: id, metadata: drawn.metadata)
        counts.samples += 1
        return (id, drawn.uuid, name)
    }

    private mutating func insertLabel(
        sampleID: Int64, labelsetID: Int64, status: LabelStatus, attributesText: String, score: Double?,
        createdBy: String, createdAt: Int64, updatedBy: String, updatedAt updated: String, reviewed: Bool
    ) throws {
        // Raw SQL: one prepared statement for every label, as a large seed writes 900k of them.
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO label (sample_id, labelset_id, label_status, attributes, score, created_by, created_at,
                    updated_by, updated_at, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            sampleID, labelsetID, status.rawValue, attributesText, score, createdBy,
            Timestamp.string(micros: createdAt), updatedBy, updated, reviewed ? updatedBy : nil,
            reviewed ? updated : nil,
        ])
        counts.labels += 1
    }

    private mutating func insertWorkunit(
        datasetID: Int64, sample: (id: Int64, uuid: String, name: String), by username: String, at time: Int64,
        status: LabelStatus
    ) throws {
        try WorkunitWriter.insert(
            db, uuid: random.uuid(), datasetID: datasetID, sampleUUID: sample.uuid, sampleName: sample.name,
            createdBy: username, createdAt: Timestamp.string(micros: time), status: status,
            time: random.int(15...600), inactiveTime: random.int(0...30))
        counts.workunits += 1
    }

    private mutating func insertIssue(
        datasetID: Int64, sample: (id: Int64, uuid: String, name: String), spec: DemoDatasetSpec, at time: Int64
    ) throws {
        let people = spec.collaborators.map(\.0) + [spec.owner]
        let uuid = random.uuid()
        let author = random.pick(people)
        let status: IssueStatus = random.chance(0.6) ? .open : .closed
        let anchor: IssueAnchor? = spec.taskType.isPointcloud || random.chance(0.5)
            ? nil
            : IssueAnchor(type: .location, location: AnchorLocation(
                type: "2d", x: Double(random.int(10...900)), y: Double(random.int(10...700))))
        let issueID = try IssueWriter.insert(
            db, uuid: uuid, datasetID: datasetID, sampleID: sample.id, description: random.pick(DemoContent.issueTexts),
            status: status, anchor: anchor, by: author, at: Timestamp.string(micros: time))
        let commentCount = random.int(0...3)
        var last = time
        for number in 0..<commentCount {
            last += Int64(random.int(1...20)) * Self.hour / 2
            try IssueWriter.insertComment(
                db, issueID: issueID, text: DemoContent.commentTexts[(number + random.int(0...5)) % DemoContent.commentTexts.count],
                by: random.pick(people), at: Timestamp.string(micros: last))
        }
        if status == .closed || commentCount > 0 {
            try IssueWriter.touch(db, issueID: issueID, by: random.pick(people), at: Timestamp.string(micros: last + Self.hour))
        }
        counts.issues += 1
    }

    /// Finished releases get their export file now; a pending one is left to the job.
    private mutating func insertRelease(datasetID: Int64, name: String, status: ReleaseStatus, at time: Int64) throws {
        let uuid = random.uuid()
        try ReleaseWriter.insert(
            db, uuid: uuid, datasetID: datasetID, name: name, description: "Demo release \(name)",
            at: Timestamp.string(micros: time))
        counts.releases += 1
        guard status == .succeeded else {
            pendingReleases.append(uuid)
            return
        }
        guard let export = try ReleaseExport.build(db, releaseUUID: uuid) else { return }
        let key = "releases/\(uuid).json"
        let file = folder.appendingPathComponent(key)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try export.data.write(to: file, options: .atomic)
        try ReleaseRow.filter { $0.uuid == uuid }.updateAll(db) { [
            $0.status.set(to: ReleaseStatus.succeeded.rawValue), $0.filePath.set(to: key),
            $0.samplesCount.set(to: export.samplesCount),
        ] }
    }
}
