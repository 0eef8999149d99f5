import GRDB
import SegmentsAPI

// Rows as read from the database. Each type names the columns it needs; the
// API models are built from them in Responses.swift.

struct AccountRow: FetchableRecord, Sendable {
    var id: Int64
    var username: String
    var email: String?
    var isOrganization: Bool
    var createdAt: String

    init(row: Row) throws {
        id = row["id"]
        username = row["username"]
        email = row["email"]
        isOrganization = row["is_organization"]
        createdAt = row["created_at"]
    }

    static func find(_ db: Database, username: String) throws -> AccountRow? {
        try AccountRow.fetchOne(db, sql: "SELECT * FROM account WHERE username = ?", arguments: [username])
    }
}

/// The dataset settings that are only stored and echoed (the `enable_*` switches and friends).
struct DatasetSettings: Codable, Hashable, Sendable {
    var labelingInactivityTimeoutSeconds = 300
    var enableSkipLabeling = true
    var enableSkipReviewing = false
    var enableRatings = false
    var enableInterpolation = true
    var enableSameDimensionsTrackConstraint = false
    var enableSaveButton = false
    var enableLabelStatusVerified = false
    var enable3DCuboidRotation = false
    var enable3DRegionOfInterest = false
    var enableConfirmOnSubmit = false
    var useTimestampsForInterpolation = false
    var enableObjectLinking = false
    var enableObjectLinkCategoryRestrictions: Bool?
    var enableExtrapolation: Bool?
    var regionOfInterest: JSONValue?
}

struct DatasetRow: FetchableRecord, Sendable {
    var id: Int64
    var ownerID: Int64
    var ownerUsername: String
    var ownerCreatedAt: String
    var ownerIsOrganization: Bool
    var name: String
    var description: String
    var category: String
    var isPublic: Bool
    var archived: Bool
    var taskType: TaskType
    var taskAttributesText: String
    var metadataText: String
    var readme: String
    var settingsText: String
    var clonedFrom: String?
    var createdAt: String

    init(row: Row) throws {
        id = row["id"]
        ownerID = row["owner_id"]
        ownerUsername = row["owner_username"]
        ownerCreatedAt = row["owner_created_at"]
        ownerIsOrganization = row["owner_is_organization"]
        name = row["name"]
        description = row["description"]
        category = row["category"]
        isPublic = row["is_public"]
        archived = row["archived"]
        taskType = TaskType(rawValue: row["task_type"] as String)
        taskAttributesText = row["task_attributes"]
        metadataText = row["metadata"]
        readme = row["readme"]
        settingsText = row["settings"]
        clonedFrom = row["cloned_from"]
        createdAt = row["created_at"]
    }

    var fullName: String { "\(ownerUsername)/\(name)" }

    var settings: DatasetSettings {
        (try? JSONText.decode(DatasetSettings.self, from: settingsText)) ?? DatasetSettings()
    }

    var taskAttributes: TaskAttributes? { try? JSONText.decode(TaskAttributes.self, from: taskAttributesText) }

    static let selectSQL = """
        SELECT dataset.*, account.username AS owner_username, account.created_at AS owner_created_at,
               account.is_organization AS owner_is_organization
        FROM dataset JOIN account ON account.id = dataset.owner_id
        """

    static func find(_ db: Database, owner: String, name: String) throws -> DatasetRow? {
        try DatasetRow.fetchOne(
            db, sql: selectSQL + " WHERE account.username = ? AND dataset.name = ?", arguments: [owner, name])
    }

    static func find(_ db: Database, id: Int64) throws -> DatasetRow? {
        try DatasetRow.fetchOne(db, sql: selectSQL + " WHERE dataset.id = ?", arguments: [id])
    }
}

struct SampleRow: FetchableRecord, Sendable {
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

    init(row: Row) throws {
        id = row["id"]
        uuid = row["uuid"]
        datasetID = row["dataset_id"]
        name = row["name"]
        attributesText = row["attributes"]
        metadataText = row["metadata"]
        priority = row["priority"]
        readme = row["readme"]
        assignedLabeler = row["assigned_labeler"]
        assignedReviewer = row["assigned_reviewer"]
        createdBy = row["created_by"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    static func find(_ db: Database, uuid: String) throws -> SampleRow? {
        try SampleRow.fetchOne(db, sql: "SELECT * FROM sample WHERE uuid = ?", arguments: [uuid])
    }
}

struct LabelsetRow: FetchableRecord, Sendable {
    var id: Int64
    var datasetID: Int64
    var name: String
    var description: String
    var isGroundTruth: Bool
    var createdAt: String

    init(row: Row) throws {
        id = row["id"]
        datasetID = row["dataset_id"]
        name = row["name"]
        description = row["description"]
        isGroundTruth = row["is_groundtruth"]
        createdAt = row["created_at"]
    }

    static func find(_ db: Database, datasetID: Int64, name: String) throws -> LabelsetRow? {
        try LabelsetRow.fetchOne(
            db, sql: "SELECT * FROM labelset WHERE dataset_id = ? AND name = ?", arguments: [datasetID, name])
    }

    static func all(_ db: Database, datasetID: Int64) throws -> [LabelsetRow] {
        try LabelsetRow.fetchAll(
            db, sql: "SELECT * FROM labelset WHERE dataset_id = ? ORDER BY is_groundtruth DESC, name, id",
            arguments: [datasetID])
    }
}

struct LabelRow: FetchableRecord, Sendable {
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

    init(row: Row) throws {
        id = row["id"]
        sampleID = row["sample_id"]
        labelsetID = row["labelset_id"]
        labelStatus = LabelStatus(rawValue: row["label_status"] as String)
        attributesText = row["attributes"]
        score = row["score"]
        createdBy = row["created_by"]
        createdAt = row["created_at"]
        updatedBy = row["updated_by"]
        updatedAt = row["updated_at"]
        reviewedBy = row["reviewed_by"]
        reviewedAt = row["reviewed_at"]
    }

    static func find(_ db: Database, sampleID: Int64, labelsetID: Int64) throws -> LabelRow? {
        try LabelRow.fetchOne(
            db, sql: "SELECT * FROM label WHERE sample_id = ? AND labelset_id = ?", arguments: [sampleID, labelsetID])
    }
}

struct IssueRow: FetchableRecord, Sendable {
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

    init(row: Row) throws {
        id = row["id"]
        uuid = row["uuid"]
        datasetID = row["dataset_id"]
        sampleID = row["sample_id"]
        sampleUUID = row["sample_uuid"]
        sampleName = row["sample_name"]
        description = row["description"]
        status = IssueStatus(rawValue: row["status"] as String)
        anchorText = row["anchor"]
        createdBy = row["created_by"]
        createdAt = row["created_at"]
        updatedBy = row["updated_by"]
        updatedAt = row["updated_at"]
    }

    static let selectSQL = """
        SELECT issue.*, sample.uuid AS sample_uuid, sample.name AS sample_name
        FROM issue JOIN sample ON sample.id = issue.sample_id
        """
}

struct ReleaseRow: FetchableRecord, Sendable {
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

    init(row: Row) throws {
        id = row["id"]
        uuid = row["uuid"]
        datasetID = row["dataset_id"]
        name = row["name"]
        description = row["description"]
        status = ReleaseStatus(rawValue: row["status"] as String)
        statusInfo = row["status_info"]
        filePath = row["file_path"]
        samplesCount = row["samples_count"]
        createdAt = row["created_at"]
    }
}
