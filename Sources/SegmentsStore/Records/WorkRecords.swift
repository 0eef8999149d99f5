import GRDB
import SegmentsAPI

// Releases, workunits, uploaded assets and workspace settings. (How the records are shaped: AccountRecords.swift.)

struct ReleaseRow: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "dataset_release"
    var id: Int64
    var uuid: String
    var datasetID: Int64
    var name: String
    var description: String
    var status: ReleaseStatus
    var statusInfo: String?
    var filePath: String?
    var samplesCount: Int
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, uuid, datasetID = "dataset_id", name, description, status, statusInfo = "status_info"
        case filePath = "file_path", samplesCount = "samples_count", createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let uuid = Column(CodingKeys.uuid)
        static let datasetID = Column(CodingKeys.datasetID)
        static let name = Column(CodingKeys.name)
        static let status = Column(CodingKeys.status)
        static let statusInfo = Column(CodingKeys.statusInfo)
        static let filePath = Column(CodingKeys.filePath)
        static let samplesCount = Column(CodingKeys.samplesCount)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}

struct NewReleaseRow: Encodable, PersistableRecord {
    static let databaseTableName = ReleaseRow.databaseTableName
    var uuid: String
    var datasetID: Int64
    var name: String
    var description: String
    var status: ReleaseStatus
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case uuid, datasetID = "dataset_id", name, description, status, createdAt = "created_at"
    }
}

struct WorkunitRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "workunit"
    var uuid: String
    var datasetID: Int64
    var sampleUUID: String
    var sampleName: String
    var createdBy: String
    var createdAt: String
    var workType: String
    var nextLabelStatus: LabelStatus?
    var time: Int
    var inactiveTime: Int

    enum CodingKeys: String, CodingKey {
        case uuid, datasetID = "dataset_id", sampleUUID = "sample_uuid", sampleName = "sample_name"
        case createdBy = "created_by", createdAt = "created_at", workType = "work_type"
        case nextLabelStatus = "next_label_status", time, inactiveTime = "inactive_time"
    }

    enum Columns {
        static let uuid = Column(CodingKeys.uuid)
        static let datasetID = Column(CodingKeys.datasetID)
        static let createdBy = Column(CodingKeys.createdBy)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}

/// An uploaded file (its id is never read: the uuid and storage key name it).
struct AssetRow: Encodable, PersistableRecord, Sendable {
    static let databaseTableName = "asset"
    var uuid: String
    var filename: String
    var storageKey: String
    var contentType: String
    var createdBy: String
    var createdAt: String
    var uploaded: Bool

    enum CodingKeys: String, CodingKey {
        case uuid, filename, storageKey = "storage_key", contentType = "content_type", createdBy = "created_by"
        case createdAt = "created_at", uploaded
    }

    enum Columns {
        static let storageKey = Column(CodingKeys.storageKey)
        static let contentType = Column(CodingKeys.contentType)
        static let uploaded = Column(CodingKeys.uploaded)
    }
}

struct WorkspaceSettingRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "workspace_setting"
    var name: String
    var value: String
}
