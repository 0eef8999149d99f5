import GRDB
import SegmentsAPI

// Issues and their comments. (How the records are shaped: AccountRecords.swift.)

/// An issue with the uuid and name of its sample, as the API shows it: read through `withSample()`.
struct IssueRow: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "issue"
    var id: Int64
    var uuid: String
    var datasetID: Int64
    var sampleID: Int64
    var sampleUUID: String
    var sampleName: String
    var description: String
    var status: IssueStatus
    var anchorText: String?
    var createdBy: String
    var createdAt: String
    var updatedBy: String
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, uuid, datasetID = "dataset_id", sampleID = "sample_id", sampleUUID = "sample_uuid"
        case sampleName = "sample_name", description, status, anchorText = "anchor", createdBy = "created_by"
        case createdAt = "created_at", updatedBy = "updated_by", updatedAt = "updated_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let uuid = Column(CodingKeys.uuid)
        static let datasetID = Column(CodingKeys.datasetID)
        static let sampleID = Column(CodingKeys.sampleID)
        static let description = Column(CodingKeys.description)
        static let status = Column(CodingKeys.status)
        static let anchor = Column(CodingKeys.anchorText)
        static let createdAt = Column(CodingKeys.createdAt)
        static let updatedBy = Column(CodingKeys.updatedBy)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    static let sample = belongsTo(SampleRow.self, using: ForeignKey([Columns.sampleID]))
    static let comments = hasMany(IssueCommentRow.self, using: ForeignKey([IssueCommentRow.Columns.issueID]))

    static func withSample() -> QueryInterfaceRequest<IssueRow> {
        annotated(withRequired: sample.select(
            SampleRow.Columns.uuid.forKey(CodingKeys.sampleUUID), SampleRow.Columns.name.forKey(CodingKeys.sampleName)))
    }
}

struct NewIssueRow: Encodable, PersistableRecord {
    static let databaseTableName = IssueRow.databaseTableName
    var uuid: String
    var datasetID: Int64
    var sampleID: Int64
    var description: String
    var status: IssueStatus
    var anchor: String?
    var createdBy: String
    var createdAt: String
    var updatedBy: String
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case uuid, datasetID = "dataset_id", sampleID = "sample_id", description, status, anchor
        case createdBy = "created_by", createdAt = "created_at", updatedBy = "updated_by", updatedAt = "updated_at"
    }
}

struct IssueCommentRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "issue_comment"
    var issueID: Int64
    var text: String
    var createdBy: String
    var createdAt: String

    enum CodingKeys: String, CodingKey { case issueID = "issue_id", text, createdBy = "created_by", createdAt = "created_at" }

    enum Columns {
        static let id = Column("id")
        static let issueID = Column(CodingKeys.issueID)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}
