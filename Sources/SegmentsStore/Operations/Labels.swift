import GRDB
import SegmentsAPI

extension SegmentsStore {
    public func getLabel(sampleUUID: String, labelset: String) async throws -> Label {
        try await read { db in
            let (sample, access) = try self.sample(db, sampleUUID, for: .read)
            let labelset = try self.labelset(db, access, name: labelset)
            guard let label = try LabelRow.find(db, sampleID: sample.id, labelsetID: labelset.id) else {
                throw SegmentsError.notFoundError
            }
            return labelResponse(label, sampleUUID: sample.uuid, taskType: access.row.taskType, labelset: labelset.name)
        }
    }

    /// PUT: creates the label or replaces it (keeping who created it and when).
    public func addLabel(
        sampleUUID: String, labelset: String, attributes: LabelAttributes, labelStatus: LabelStatus, score: Double?
    ) async throws -> Label {
        try LabelWriter.validate(status: labelStatus, score: score)
        let now = Timestamp.now()
        return try await write { db in
            let (sample, access) = try self.sample(db, sampleUUID, for: .read)
            try access.require(Permissions.action(forWriting: labelStatus))
            let labelset = try self.labelset(db, access, name: labelset)
            try LabelWriter.requireFit(attributes, access.row.taskType)
            let label = try LabelWriter.write(
                db, sampleID: sample.id, labelset: labelset, status: labelStatus,
                attributesText: try JSONText.encode(attributes), score: score, by: access.account.username, at: now)
            try WorkunitWriter.record(db, dataset: access.row, sample: sample, status: labelStatus,
                                      by: access.account.username, at: now)
            return labelResponse(label, sampleUUID: sample.uuid, taskType: access.row.taskType, labelset: labelset.name)
        }
    }

    /// PATCH: changes the given fields of an existing label.
    public func updateLabel(sampleUUID: String, labelset: String, _ update: LabelUpdate) async throws -> Label {
        if let status = update.labelStatus { try LabelWriter.validate(status: status, score: update.score) }
        try Validate.finite(update.score, what: "score")
        let now = Timestamp.now()
        return try await write { db in
            let (sample, access) = try self.sample(db, sampleUUID, for: .read)
            let labelset = try self.labelset(db, access, name: labelset)
            guard let existing = try LabelRow.find(db, sampleID: sample.id, labelsetID: labelset.id) else {
                throw SegmentsError.notFoundError
            }
            let status = update.labelStatus ?? existing.labelStatus
            try access.require(Permissions.action(forWriting: status))
            var attributesText = existing.attributesText
            if let attributes = update.attributes {
                try LabelWriter.requireFit(attributes, access.row.taskType)
                attributesText = try JSONText.encode(attributes)
            }
            let label = try LabelWriter.write(
                db, sampleID: sample.id, labelset: labelset, status: status, attributesText: attributesText,
                score: update.score ?? existing.score, by: access.account.username, at: now)
            try WorkunitWriter.record(db, dataset: access.row, sample: sample, status: status,
                                      by: access.account.username, at: now)
            return labelResponse(label, sampleUUID: sample.uuid, taskType: access.row.taskType, labelset: labelset.name)
        }
    }

    public func deleteLabel(sampleUUID: String, labelset: String) async throws {
        try await write { db in
            let (sample, access) = try self.sample(db, sampleUUID, for: .manageSamples)
            let labelset = try self.labelset(db, access, name: labelset)
            let deleted = try LabelRow.filter { $0.sampleID == sample.id && $0.labelsetID == labelset.id }.deleteAll(db)
            guard deleted == 1 else { throw SegmentsError.notFoundError }
            if labelset.isGroundTruth {
                try LabelWriter.copyGroundTruth(db, sampleID: sample.id, status: .unlabeled, updatedAt: nil)
            }
        }
    }
}

/// Writing label rows: shared by the operations above and the demo seed.
enum LabelWriter {
    static func validate(status: LabelStatus, score: Double?) throws {
        try Validate.known(status, what: "label status")
        guard status != .unlabeled else {
            throw SegmentsError.validation("A label cannot have the status UNLABELED; delete it instead.")
        }
        try Validate.finite(score, what: "score")
    }

    static func requireFit(_ attributes: LabelAttributes, _ taskType: TaskType) throws {
        guard attributes.fits(taskType) else {
            throw SegmentsError.validation("The label attributes do not fit the task type \"\(taskType.rawValue)\".")
        }
    }

    /// Creates or replaces the label of a sample in a labelset, and keeps the
    /// sample's copy of its ground-truth status and update time in step.
    @discardableResult
    static func write(
        _ db: Database, sampleID: Int64, labelset: LabelsetRow, status: LabelStatus, attributesText: String?,
        score: Double?, by username: String, at now: String
    ) throws -> LabelRow {
        let reviewed = status == .reviewed || status == .rejected || status == .verified
        let label = NewLabelRow(
            sampleID: sampleID, labelsetID: labelset.id, labelStatus: status, attributes: attributesText, score: score,
            createdBy: username, createdAt: now, updatedBy: username, updatedAt: now,
            reviewedBy: reviewed ? username : nil, reviewedAt: reviewed ? now : nil)
        // A replaced label keeps who created it and when, and its reviewer unless this write is a review.
        let written = try label.upsertAndFetch(db, as: LabelRow.self, onConflict: ["sample_id", "labelset_id"]) { excluded in
            typealias Columns = LabelRow.Columns
            return [
                Columns.createdBy.noOverwrite, Columns.createdAt.noOverwrite,
                Columns.reviewedBy.set(to: excluded[Columns.reviewedBy] ?? Columns.reviewedBy),
                Columns.reviewedAt.set(to: excluded[Columns.reviewedAt] ?? Columns.reviewedAt),
            ]
        }
        if labelset.isGroundTruth { try copyGroundTruth(db, sampleID: sampleID, status: status, updatedAt: now) }
        return written
    }

    /// The sample's copy of its ground-truth label's status and update time.
    static func copyGroundTruth(_ db: Database, sampleID: Int64, status: LabelStatus, updatedAt: String?) throws {
        try SampleRow.filter { $0.id == sampleID }.updateAll(db) {
            [$0.gtLabelStatus.set(to: status.rawValue), $0.gtLabelUpdatedAt.set(to: updatedAt)]
        }
    }
}
