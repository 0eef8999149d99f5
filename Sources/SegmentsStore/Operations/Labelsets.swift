import GRDB
import SegmentsAPI

extension SegmentsStore {
    public func getLabelsets(_ datasetIdentifier: String) async throws -> [Labelset] {
        try await read { db in
            let access = try dataset(db, datasetIdentifier, for: .read)
            return try LabelsetRow.all(db, datasetID: access.row.id).map(labelsetResponse)
        }
    }

    public func getLabelset(_ datasetIdentifier: String, name: String) async throws -> Labelset {
        try await read { db in
            labelsetResponse(try labelset(db, dataset(db, datasetIdentifier, for: .read), name: name))
        }
    }

    public func addLabelset(_ datasetIdentifier: String, name: String, description: String) async throws -> Labelset {
        try Validate.identifierName(name, what: "labelset")
        let now = Timestamp.now()
        return try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageLabelsets)
            return labelsetResponse(
                try LabelsetWriter.insert(db, datasetID: access.row.id, name: name, description: description, at: now))
        }
    }

    /// Deletes a labelset and its labels; the ground-truth labelset stays.
    public func deleteLabelset(_ datasetIdentifier: String, name: String) async throws {
        try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageLabelsets)
            let labelset = try labelset(db, access, name: name)
            guard !labelset.isGroundTruth else {
                throw SegmentsError.validation("The ground-truth labelset cannot be deleted.")
            }
            try LabelsetRow.deleteOne(db, key: labelset.id)
        }
    }
}

enum LabelsetWriter {
    static func insert(_ db: Database, datasetID: Int64, name: String, description: String, at now: String) throws
        -> LabelsetRow
    {
        guard try LabelsetRow.find(db, datasetID: datasetID, name: name) == nil else {
            throw SegmentsError.alreadyExists("A labelset with this name already exists.")
        }
        let row = NewLabelsetRow(datasetID: datasetID, name: name, description: description, isGroundTruth: false, createdAt: now)
        return try row.insertAndFetch(db, as: LabelsetRow.self)
    }
}
