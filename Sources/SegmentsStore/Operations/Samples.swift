import GRDB
import SegmentsAPI

extension SegmentsStore {
    public func getSample(_ uuid: String, labelset: String?, includeSignedURL: Bool) async throws -> Sample {
        // The SDK sends `?labelset=x?include_signed_urls=1` when both are asked (reference 3.5).
        let labelsetName = labelset.map { String($0.prefix { $0 != "?" }) }.flatMap { $0.isEmpty ? nil : $0 }
        return try await read { db in
            let (sample, access) = try self.sample(db, uuid, for: .read)
            var label: SampleLabel?
            if let labelsetName {
                let labelset = try self.labelset(db, access, name: labelsetName)
                label = try LabelRow.find(db, sampleID: sample.id, labelsetID: labelset.id).map {
                    .full(labelResponse($0, sampleUUID: sample.uuid, taskType: access.row.taskType, labelset: labelset.name))
                }
            }
            return sampleResponse(sample, datasetFullName: access.row.fullName, label: label)
        }
    }

    public func addSample(_ datasetIdentifier: String, _ sample: NewSample) async throws -> Sample {
        let sample = SampleWriter.normalized(sample)
        try SampleWriter.validate(sample)
        let now = Timestamp.now()
        return try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageSamples)
            try SampleWriter.check(db, sample, taskType: access.row.taskType)
            guard try SampleRow.find(db, datasetID: access.row.id, name: sample.name) == nil else {
                throw SegmentsError.alreadyExists("A sample with this name already exists.")
            }
            let row = try SampleWriter.insert(
                db, sample, datasetID: access.row.id, uuid: Identifiers.newUUID(), createdBy: access.account.username,
                createdAt: now)
            return sampleResponse(row, datasetFullName: access.row.fullName, label: nil)
        }
    }

    /// Adds the samples whose names are new; the others come back unchanged. One
    /// transaction: an invalid element means none is added.
    public func addSamples(_ datasetIdentifier: String, _ samples: [NewSample]) async throws -> [Sample] {
        let samples = samples.map(SampleWriter.normalized)
        for sample in samples { try SampleWriter.validate(sample) }
        let now = Timestamp.now()
        return try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageSamples)
            return try samples.map { sample in
                if let existing = try SampleRow.find(db, datasetID: access.row.id, name: sample.name) {
                    return sampleResponse(existing, datasetFullName: access.row.fullName, label: nil)
                }
                try SampleWriter.check(db, sample, taskType: access.row.taskType)
                let row = try SampleWriter.insert(
                    db, sample, datasetID: access.row.id, uuid: Identifiers.newUUID(),
                    createdBy: access.account.username, createdAt: now)
                return sampleResponse(row, datasetFullName: access.row.fullName, label: nil)
            }
        }
    }

    public func updateSample(_ uuid: String, _ update: SampleUpdate) async throws -> Sample {
        if let name = update.name { try Validate.sampleName(name) }
        try Validate.finite(update.priority, what: "priority")
        let now = Timestamp.now()
        return try await write { db in
            var (sample, access) = try self.sample(db, uuid, for: .manageSamples)
            if let name = update.name.map(NameForm.nfc), !NameForm.identical(name, sample.name) {
                guard try SampleRow.find(db, datasetID: access.row.id, name: name) == nil else {
                    throw SegmentsError.alreadyExists("A sample with this name already exists.")
                }
                sample.name = name
            }
            if let attributes = update.attributes {
                guard attributes.fits(access.row.taskType) else {
                    throw SegmentsError.validation(
                        "The sample attributes do not fit the task type \"\(access.row.taskType.rawValue)\".")
                }
                sample.attributesText = try JSONText.encode(attributes)
            }
            if let priority = update.priority { sample.priority = priority }
            if let readme = update.readme { sample.readme = readme }
            if let labeler = update.assignedLabeler {
                sample.assignedLabeler = try SampleWriter.assignee(db, labeler.wrapped)
            }
            if let reviewer = update.assignedReviewer {
                sample.assignedReviewer = try SampleWriter.assignee(db, reviewer.wrapped)
            }
            if let metadata = update.metadata {
                sample.metadataText = try JSONText.encode(metadata)
                try SampleMetadataRow.filter { $0.sampleID == sample.id }.deleteAll(db)
                try SampleWriter.insertMetadata(db, sampleID: sample.id, metadata: metadata)
            }
            sample.updatedAt = now
            try sample.update(db)
            return sampleResponse(sample, datasetFullName: access.row.fullName, label: nil)
        }
    }

    public func deleteSample(_ uuid: String) async throws {
        try await write { db in
            let (sample, _) = try self.sample(db, uuid, for: .manageSamples)
            try sample.delete(db)
        }
    }

    /// Deletes those of the uuids that are samples of this dataset; others are skipped.
    public func deleteSamples(_ datasetIdentifier: String, uuids: [String]) async throws -> Int {
        guard !uuids.isEmpty, uuids.count <= 1000 else {
            throw SegmentsError.validation("Give between 1 and 1000 sample uuids.")
        }
        let canonical = Set(uuids.compactMap { try? Validate.uuid($0) })
        return try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageSamples)
            return try SampleRow.filter { canonical.contains($0.uuid) && $0.datasetID == access.row.id }.deleteAll(db)
        }
    }
}

/// Writing sample rows: shared by the operations above and the demo seed.
enum SampleWriter {
    static func validate(_ sample: NewSample) throws {
        try Validate.sampleName(sample.name)
        try Validate.finite(sample.priority, what: "priority")
    }

    /// Checks that need the database and the dataset.
    static func check(_ db: Database, _ sample: NewSample, taskType: TaskType) throws {
        guard sample.attributes.fits(taskType) else {
            throw SegmentsError.validation("The sample attributes do not fit the task type \"\(taskType.rawValue)\".")
        }
        _ = try assignee(db, sample.assignedLabeler)
        _ = try assignee(db, sample.assignedReviewer)
    }

    /// Any account may be assigned, users and organisations alike, as on the platform
    /// (the SDK's own tests assign an organisation); a name that is no account is refused.
    static func assignee(_ db: Database, _ username: String?) throws -> String? {
        guard let username else { return nil }
        guard let account = try AccountRow.find(db, username: username) else {
            throw SegmentsError.validation("There is no account \"\(username)\" to assign.")
        }
        return account.username
    }

    /// The sample with its name in NFC, the form names are stored and compared in.
    static func normalized(_ sample: NewSample) -> NewSample {
        var sample = sample
        sample.name = NameForm.nfc(sample.name)
        return sample
    }

    @discardableResult
    static func insert(
        _ db: Database, _ sample: NewSample, datasetID: Int64, uuid: String, createdBy: String, createdAt: String
    ) throws -> SampleRow {
        let metadata = sample.metadata ?? [:]
        let row = NewSampleRow(
            uuid: uuid, datasetID: datasetID, name: sample.name, attributes: JSONText.compact(sample.attributes.json),
            metadata: JSONText.compact(.object(metadata)), priority: sample.priority, readme: sample.readme,
            assignedLabeler: sample.assignedLabeler, assignedReviewer: sample.assignedReviewer, createdBy: createdBy,
            createdAt: createdAt, updatedAt: createdAt)
        let inserted = try row.insertAndFetch(db, as: SampleRow.self)
        try insertMetadata(db, sampleID: inserted.id, metadata: metadata)
        return inserted
    }

    /// One row per key, the value rendered as metadata filters compare it. A key or value
    /// holding a NUL gets no row: SQLite would cut it short and a filter on the shorter
    /// text would find it (the metadata itself is stored whole, as JSON).
    /// Raw SQL: one prepared statement for every key, as the demo seed writes hundreds of thousands.
    static func insertMetadata(_ db: Database, sampleID: Int64, metadata: JSONObject) throws {
        guard !metadata.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT INTO sample_metadata (sample_id, meta_key, meta_value) VALUES (?, ?, ?)")
        for (key, value) in metadata {
            let text = value.displayString
            if key.unicodeScalars.contains("\0") || text.unicodeScalars.contains("\0") { continue }
            try statement.execute(arguments: [sampleID, NameForm.nfc(key), NameForm.nfc(text)])
        }
    }
}
