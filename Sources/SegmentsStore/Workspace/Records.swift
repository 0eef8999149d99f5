import GRDB
import SegmentsAPI

// One Codable record per table, its coding keys the column names; the API models are
// built from them in Responses.swift. A record read back has its id; rows are inserted
// from the `New…` records, which have none, and read back with `insertAndFetch(_:as:)`
// when the caller needs the row (GRDB's pattern for non-optional ids).

struct AccountRow: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "account"
    var id: Int64
    var username: String
    var email: String?
    var isOrganization: Bool
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, username, email, isOrganization = "is_organization", createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let username = Column(CodingKeys.username)
        static let isOrganization = Column(CodingKeys.isOrganization)
    }

    static let apiKeys = hasMany(APIKeyRow.self, using: ForeignKey([APIKeyRow.Columns.accountID]))

    static func find(_ db: Database, username: String) throws -> AccountRow? {
        try filter { $0.username == username }.fetchOne(db)
    }
}

struct NewAccountRow: Encodable, PersistableRecord {
    static let databaseTableName = AccountRow.databaseTableName
    var username: String
    var email: String?
    var isOrganization: Bool
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case username, email, isOrganization = "is_organization", createdAt = "created_at"
    }
}

struct APIKeyRow: Encodable, PersistableRecord {
    static let databaseTableName = "api_key"
    var accountID: Int64
    var keyHash: String
    var createdAt: String

    enum CodingKeys: String, CodingKey { case accountID = "account_id", keyHash = "key_hash", createdAt = "created_at" }

    enum Columns {
        static let accountID = Column(CodingKeys.accountID)
        static let keyHash = Column(CodingKeys.keyHash)
    }
}

struct OrganizationMemberRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "organization_member"
    var organizationID: Int64
    var accountID: Int64
    var role: Role

    enum CodingKeys: String, CodingKey { case organizationID = "organization_id", accountID = "account_id", role }

    enum Columns {
        static let organizationID = Column(CodingKeys.organizationID)
        static let accountID = Column(CodingKeys.accountID)
        static let role = Column(CodingKeys.role)
    }

    static let account = belongsTo(AccountRow.self, using: ForeignKey([Columns.accountID]))
    static let organization = belongsTo(AccountRow.self, key: "organization", using: ForeignKey([Columns.organizationID]))

    static func key(organizationID: Int64, accountID: Int64) -> [String: (any DatabaseValueConvertible)?] {
        [CodingKeys.organizationID.rawValue: organizationID, CodingKeys.accountID.rawValue: accountID]
    }

    static func role(_ db: Database, organizationID: Int64, accountID: Int64) throws -> Role? {
        try fetchOne(db, key: key(organizationID: organizationID, accountID: accountID))?.role
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

/// A dataset with its owner's username, creation time and kind, which every response
/// and permission check needs: read through `withOwner()`.
struct DatasetRow: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "dataset"
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

    enum CodingKeys: String, CodingKey {
        case id, ownerID = "owner_id", ownerUsername = "owner_username", ownerCreatedAt = "owner_created_at"
        case ownerIsOrganization = "owner_is_organization", name, description, category, isPublic = "is_public"
        case archived, taskType = "task_type", taskAttributesText = "task_attributes", metadataText = "metadata"
        case readme, settingsText = "settings", clonedFrom = "cloned_from", createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let ownerID = Column(CodingKeys.ownerID)
        static let name = Column(CodingKeys.name)
        static let isPublic = Column(CodingKeys.isPublic)
        static let description = Column(CodingKeys.description)
        static let category = Column(CodingKeys.category)
        static let archived = Column(CodingKeys.archived)
        static let taskType = Column(CodingKeys.taskType)
        static let taskAttributes = Column(CodingKeys.taskAttributesText)
        static let metadata = Column(CodingKeys.metadataText)
        static let readme = Column(CodingKeys.readme)
        static let settings = Column(CodingKeys.settingsText)
    }

    static let owner = belongsTo(AccountRow.self, using: ForeignKey([Columns.ownerID]))

    static func withOwner() -> QueryInterfaceRequest<DatasetRow> {
        annotated(withRequired: owner.select(
            AccountRow.Columns.username.forKey(CodingKeys.ownerUsername),
            Column("created_at").forKey(CodingKeys.ownerCreatedAt),
            AccountRow.Columns.isOrganization.forKey(CodingKeys.ownerIsOrganization)))
    }

    var fullName: String { "\(ownerUsername)/\(name)" }

    var settings: DatasetSettings {
        (try? JSONText.decode(DatasetSettings.self, from: settingsText)) ?? DatasetSettings()
    }

    var taskAttributes: TaskAttributes? { try? JSONText.decode(TaskAttributes.self, from: taskAttributesText) }

    static func find(_ db: Database, owner: String, name: String) throws -> DatasetRow? {
        try withOwner()
            .filter { $0.name == name }
            .joining(required: Self.owner.filter { $0.username == owner })
            .fetchOne(db)
    }

    static func find(_ db: Database, id: Int64) throws -> DatasetRow? {
        try withOwner().filter { $0.id == id }.fetchOne(db)
    }
}

struct NewDatasetRow: Encodable, PersistableRecord, Sendable {
    static let databaseTableName = DatasetRow.databaseTableName
    var ownerID: Int64
    var name: String
    var description: String
    var category: String
    var isPublic: Bool
    var archived: Bool
    var taskType: String
    var taskAttributes: String
    var metadata: String
    var readme: String
    var settings: String
    var clonedFrom: String?
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case ownerID = "owner_id", name, description, category, isPublic = "is_public", archived
        case taskType = "task_type", taskAttributes = "task_attributes", metadata, readme, settings
        case clonedFrom = "cloned_from", createdAt = "created_at"
    }
}

struct CollaboratorRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "collaborator"
    var datasetID: Int64
    var accountID: Int64
    var role: Role
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case datasetID = "dataset_id", accountID = "account_id", role, createdAt = "created_at"
    }

    enum Columns {
        static let datasetID = Column(CodingKeys.datasetID)
        static let accountID = Column(CodingKeys.accountID)
        static let role = Column(CodingKeys.role)
    }

    static let account = belongsTo(AccountRow.self, using: ForeignKey([Columns.accountID]))

    static func find(_ db: Database, datasetID: Int64, accountID: Int64) throws -> CollaboratorRow? {
        try fetchOne(db, key: [CodingKeys.datasetID.rawValue: datasetID, CodingKeys.accountID.rawValue: accountID])
    }
}

struct LabelsetRow: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "labelset"
    var id: Int64
    var datasetID: Int64
    var name: String
    var description: String
    var isGroundTruth: Bool
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, datasetID = "dataset_id", name, description, isGroundTruth = "is_groundtruth", createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let datasetID = Column(CodingKeys.datasetID)
        static let name = Column(CodingKeys.name)
        static let isGroundTruth = Column(CodingKeys.isGroundTruth)
    }

    static func find(_ db: Database, datasetID: Int64, name: String) throws -> LabelsetRow? {
        try filter { $0.datasetID == datasetID && $0.name == name }.fetchOne(db)
    }

    /// The ground truth first, then by name.
    static func all(_ db: Database, datasetID: Int64) throws -> [LabelsetRow] {
        try filter { $0.datasetID == datasetID }.order { [$0.isGroundTruth.desc, $0.name, $0.id] }.fetchAll(db)
    }
}

struct NewLabelsetRow: Encodable, PersistableRecord {
    static let databaseTableName = LabelsetRow.databaseTableName
    var datasetID: Int64
    var name: String
    var description: String
    var isGroundTruth: Bool
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case datasetID = "dataset_id", name, description, isGroundTruth = "is_groundtruth", createdAt = "created_at"
    }
}

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
