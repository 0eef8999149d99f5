import GRDB
import SegmentsAPI

// Samples, their metadata rows and labels. (How the records are shaped: AccountRecords.swift.)

/// A sample as the API shows it; the copies of its ground-truth label's status and
/// update time (`gt_label_*`) are written by the label writers.
struct SampleRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "sample"
    var id: Int64
    var uuid: String
    var datasetID: Int64
    var name: String
    var attributesText: String?
    var metadataText: String
    var priority: Double
    var readme: String
    var assignedLabeler: String?
    var assignedReviewer: String?
    var createdBy: String
    var createdAt: String
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, uuid, datasetID = "dataset_id", name, attributesText = "attributes", metadataText = "metadata"
        case priority, readme, assignedLabeler = "assigned_labeler", assignedReviewer = "assigned_reviewer"
        case createdBy = "created_by", createdAt = "created_at", updatedAt = "updated_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let uuid = Column(CodingKeys.uuid)
        static let datasetID = Column(CodingKeys.datasetID)
        static let name = Column(CodingKeys.name)
        static let attributes = Column(CodingKeys.attributesText)
        static let gtLabelStatus = Column("gt_label_status")
        static let gtLabelUpdatedAt = Column("gt_label_updated_at")
    }

    static func find(_ db: Database, uuid: String) throws -> SampleRow? {
        try filter { $0.uuid == uuid }.fetchOne(db)
    }

    static func find(_ db: Database, datasetID: Int64, name: String) throws -> SampleRow? {
        try filter { $0.datasetID == datasetID && $0.name == name }.fetchOne(db)
    }
}

struct NewSampleRow: Encodable, PersistableRecord {
    static let databaseTableName = SampleRow.databaseTableName
    var uuid: String
    var datasetID: Int64
    var name: String
    var attributes: String?
    var metadata: String
    var priority: Double
    var readme: String
    var assignedLabeler: String?
    var assignedReviewer: String?
    var createdBy: String
    var createdAt: String
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case uuid, datasetID = "dataset_id", name, attributes, metadata, priority, readme
        case assignedLabeler = "assigned_labeler", assignedReviewer = "assigned_reviewer", createdBy = "created_by"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// One metadata key of a sample with its value as filters compare it (`JSONValue.displayString`).
struct SampleMetadataRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "sample_metadata"
    var sampleID: Int64
    var metaKey: String
    var metaValue: String

    enum CodingKeys: String, CodingKey { case sampleID = "sample_id", metaKey = "meta_key", metaValue = "meta_value" }

    enum Columns {
        static let sampleID = Column(CodingKeys.sampleID)
    }
}

struct LabelRow: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "label"
    var id: Int64
    var sampleID: Int64
    var labelsetID: Int64
    var labelStatus: LabelStatus
    var attributesText: String?
    var score: Double?
    var createdBy: String
    var createdAt: String
    var updatedBy: String
    var updatedAt: String
    var reviewedBy: String?
    var reviewedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, sampleID = "sample_id", labelsetID = "labelset_id", labelStatus = "label_status"
        case attributesText = "attributes", score, createdBy = "created_by", createdAt = "created_at"
        case updatedBy = "updated_by", updatedAt = "updated_at", reviewedBy = "reviewed_by", reviewedAt = "reviewed_at"
    }

    enum Columns {
        static let sampleID = Column(CodingKeys.sampleID)
        static let labelsetID = Column(CodingKeys.labelsetID)
        static let createdBy = Column(CodingKeys.createdBy)
        static let createdAt = Column(CodingKeys.createdAt)
        static let reviewedBy = Column(CodingKeys.reviewedBy)
        static let reviewedAt = Column(CodingKeys.reviewedAt)
    }

    static let sample = belongsTo(SampleRow.self, using: ForeignKey([Columns.sampleID]))

    static func find(_ db: Database, sampleID: Int64, labelsetID: Int64) throws -> LabelRow? {
        try filter { $0.sampleID == sampleID && $0.labelsetID == labelsetID }.fetchOne(db)
    }
}

struct NewLabelRow: Encodable, PersistableRecord {
    static let databaseTableName = LabelRow.databaseTableName
    var sampleID: Int64
    var labelsetID: Int64
    var labelStatus: LabelStatus
    var attributes: String?
    var score: Double?
    var createdBy: String
    var createdAt: String
    var updatedBy: String
    var updatedAt: String
    var reviewedBy: String?
    var reviewedAt: String?

    enum CodingKeys: String, CodingKey {
        case sampleID = "sample_id", labelsetID = "labelset_id", labelStatus = "label_status", attributes, score
        case createdBy = "created_by", createdAt = "created_at", updatedBy = "updated_by", updatedAt = "updated_at"
        case reviewedBy = "reviewed_by", reviewedAt = "reviewed_at"
    }
}
