import GRDB
import SegmentsAPI

// Datasets, their settings, collaborators and labelsets. (How the records are shaped: AccountRecords.swift.)

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
