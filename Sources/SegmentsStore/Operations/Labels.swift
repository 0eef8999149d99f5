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
            try db.execute(
                sql: "DELETE FROM label WHERE sample_id = ? AND labelset_id = ?", arguments: [sample.id, labelset.id])
            guard db.changesCount == 1 else { throw SegmentsError.notFoundError }
            if labelset.isGroundTruth {
                try db.execute(
                    sql: "UPDATE sample SET gt_label_status = 'UNLABELED', gt_label_updated_at = NULL WHERE id = ?",
                    arguments: [sample.id])
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
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO label (sample_id, labelset_id, label_status, attributes, score, created_by, created_at,
                    updated_by, updated_at, reviewed_by, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sample_id, labelset_id) DO UPDATE SET
                    label_status = excluded.label_status, attributes = excluded.attributes, score = excluded.score,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                    reviewed_by = COALESCE(excluded.reviewed_by, label.reviewed_by),
                    reviewed_at = COALESCE(excluded.reviewed_at, label.reviewed_at)
                """)
        try statement.execute(arguments: [
            sampleID, labelset.id, status.rawValue, attributesText, score, username, now, username, now,
            reviewed ? username : nil, reviewed ? now : nil,
        ])
        if labelset.isGroundTruth {
            let update = try db.cachedStatement(
                sql: "UPDATE sample SET gt_label_status = ?, gt_label_updated_at = ? WHERE id = ?")
            try update.execute(arguments: [status.rawValue, now, sampleID])
        }
        guard let label = try LabelRow.find(db, sampleID: sampleID, labelsetID: labelset.id) else {
            throw SegmentsError.notFoundError
        }
        return label
    }
}
