import Foundation
import GRDB
import SegmentsAPI

extension SegmentsStore {
    /// Without `user`: every dataset the caller works on (own, collaborations,
    /// organisations). With `user`: that account's datasets the caller can see.
    /// Ordered by name, then owner.
    public func getDatasets(user: String?, perPage: Int, page: Int) async throws -> [Dataset] {
        let window = try PageWindow(page: page, perPage: perPage)
        return try await read { db in
            let me = try actingAccount(db)
            let rows: [DatasetRow]
            if let user {
                guard let owner = try AccountRow.find(db, username: user) else { throw SegmentsError.notFoundError }
                rows = try DatasetRow.withOwner()
                    .filter { $0.ownerID == owner.id && ($0.isPublic || DatasetRow.worksOn(accountID: me.id)) }
                    .order { [$0.name, $0.id] }
                    .limit(window.limit, offset: window.offset)
                    .fetchAll(db)
            } else {
                rows = try DatasetRow.withOwner()
                    .filter(DatasetRow.worksOn(accountID: me.id))
                    .order { [$0.name, Column(DatasetRow.CodingKeys.ownerUsername).detached, $0.id] }
                    .limit(window.limit, offset: window.offset)
                    .fetchAll(db)
            }
            return try window.check(rows).map { row in
                let level = try Permissions.level(db, dataset: row, accountID: me.id)
                return try datasetResponse(db, DatasetAccess(row: row, level: level, account: me))
            }
        }
    }

    public func getDataset(_ datasetIdentifier: String) async throws -> Dataset {
        try await read { db in try datasetResponse(db, dataset(db, datasetIdentifier, for: .read)) }
    }

    public func addDataset(_ dataset: NewDataset) async throws -> Dataset {
        try Validate.identifierName(dataset.name, what: "dataset")
        try Validate.known(dataset.taskType, what: "task type")
        try Validate.known(dataset.category, what: "category")
        try DatasetWriter.validate(dataset.taskAttributes)
        let now = Timestamp.now()
        let settings = DatasetWriter.settings(of: dataset)
        return try await write { db in
            let me = try actingAccount(db)
            let ownerID = try datasetOwnerID(db, organization: dataset.organization, me: me)
            let id = try DatasetWriter.insert(
                db,
                NewDatasetRow(
                    ownerID: ownerID, name: dataset.name, description: dataset.description,
                    category: dataset.category.rawValue, isPublic: dataset.isPublic, archived: dataset.archived,
                    taskType: dataset.taskType.rawValue, taskAttributes: try JSONText.encode(dataset.taskAttributes),
                    metadata: try JSONText.encode(dataset.metadata), readme: dataset.readme,
                    settings: try JSONText.encode(settings), clonedFrom: nil, createdAt: now))
            try grantCreator(db, datasetID: id, ownerID: ownerID, me: me, at: now)
            return try datasetResponse(db, self.dataset(db, id: id, for: .read))
        }
    }

    public func updateDataset(_ datasetIdentifier: String, _ update: DatasetUpdate) async throws -> Dataset {
        if let taskType = update.taskType { try Validate.known(taskType, what: "task type") }
        if let category = update.category { try Validate.known(category, what: "category") }
        if let attributes = update.taskAttributes { try DatasetWriter.validate(attributes) }
        if let timeout = update.labelingInactivityTimeoutSeconds, timeout < 0 {
            throw SegmentsError.validation("labeling_inactivity_timeout_seconds must not be negative.")
        }
        return try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .updateSettings)
            var row = access.row
            if let taskType = update.taskType, taskType != row.taskType {
                let labels = LabelRow.joining(required: LabelRow.sample.filter { $0.datasetID == row.id })
                guard try labels.isEmpty(db) else {
                    throw SegmentsError.validation("The task type cannot change while the dataset has labels.")
                }
                row.taskType = taskType
            }
            if let value = update.description { row.description = value }
            if let value = update.category { row.category = value.rawValue }
            if let value = update.isPublic { row.isPublic = value }
            if let value = update.readme { row.readme = value }
            if let value = update.archived { row.archived = value }
            if let value = update.metadata { row.metadataText = try JSONText.encode(value) }
            if let value = update.taskAttributes { row.taskAttributesText = try JSONText.encode(value) }
            var settings = row.settings
            DatasetWriter.apply(update, to: &settings)
            let settingsText = try JSONText.encode(settings)
            try DatasetRow.filter { $0.id == row.id }.updateAll(db) { [
                $0.description.set(to: row.description), $0.category.set(to: row.category),
                $0.isPublic.set(to: row.isPublic), $0.readme.set(to: row.readme), $0.archived.set(to: row.archived),
                $0.metadata.set(to: row.metadataText), $0.taskAttributes.set(to: row.taskAttributesText),
                $0.taskType.set(to: row.taskType.rawValue), $0.settings.set(to: settingsText),
            ] }
            return try datasetResponse(db, self.dataset(db, id: row.id, for: .read))
        }
    }

    public func deleteDataset(_ datasetIdentifier: String) async throws {
        let releaseFiles = try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .deleteDataset)
            let files = try ReleaseRow
                .filter { $0.datasetID == access.row.id && $0.filePath != nil }
                .select({ $0.filePath }, as: String.self)
                .fetchAll(db)
            try DatasetRow.deleteOne(db, key: access.row.id)
            return files
        }
        workspace.removeFiles(releaseFiles)
    }

    public func cloneDataset(
        _ datasetIdentifier: String, newName: String?, newTaskType: TaskType?, newPublic: Bool?,
        organization: String?, cloneLabels: Bool
    ) async throws -> Dataset {
        if let newName { try Validate.identifierName(newName, what: "dataset") }
        if let newTaskType { try Validate.known(newTaskType, what: "task type") }
        let now = Timestamp.now()
        return try await write { db in
            let source = try dataset(db, datasetIdentifier, for: .read)
            let me = source.account
            let ownerID = try datasetOwnerID(db, organization: organization, me: me)
            let taskType = newTaskType ?? source.row.taskType
            let id = try DatasetWriter.insert(
                db,
                NewDatasetRow(
                    ownerID: ownerID, name: newName ?? "\(source.row.name)-clone",
                    description: source.row.description, category: source.row.category,
                    isPublic: newPublic ?? source.row.isPublic, archived: source.row.archived,
                    taskType: taskType.rawValue, taskAttributes: source.row.taskAttributesText,
                    metadata: source.row.metadataText, readme: source.row.readme,
                    settings: source.row.settingsText, clonedFrom: source.row.fullName, createdAt: now))
            try grantCreator(db, datasetID: id, ownerID: ownerID, me: me, at: now)
            if cloneLabels && taskType != source.row.taskType {
                throw SegmentsError.validation("Labels cannot be cloned into a dataset of another task type.")
            }
            try DatasetWriter.copyContent(
                db, from: source.row.id, to: id, taskType: taskType, checkFit: taskType != source.row.taskType,
                cloneLabels: cloneLabels, createdAt: now)
            return try datasetResponse(db, self.dataset(db, id: id, for: .read))
        }
    }

    /// Organisation membership alone does not open a private dataset (only its
    /// admins see them all), so whoever creates one in an organisation becomes its
    /// collaborator with their organisation role.
    private func grantCreator(_ db: Database, datasetID: Int64, ownerID: Int64, me: AccountRow, at now: String) throws {
        guard ownerID != me.id, let role = try OrganizationMemberRow.role(db, organizationID: ownerID, accountID: me.id),
            role != .admin
        else { return }
        try CollaboratorRow(datasetID: datasetID, accountID: me.id, role: role, createdAt: now).insert(db)
    }

    /// The account that will own a new dataset: the caller, or an organisation in
    /// which the caller is a manager or admin.
    private func datasetOwnerID(_ db: Database, organization: String?, me: AccountRow) throws -> Int64 {
        guard let organization else { return me.id }
        guard let org = try AccountRow.find(db, username: organization), org.isOrganization else {
            throw SegmentsError.notFoundError
        }
        let role = try OrganizationMemberRow.role(db, organizationID: org.id, accountID: me.id)
        guard let role, role == .admin || role == .manager else {
            throw role == nil ? SegmentsError.notFoundError : SegmentsError.permissionDenied
        }
        return org.id
    }
}

extension DatasetRow {
    /// The datasets `accountID` works on: its own, those it collaborates on, and its organisations'
    /// (all of them for an organisation's admins, the public ones for its other members).
    static func worksOn(accountID: Int64) -> SQLExpression {
        let collaborations = CollaboratorRow.filter { $0.accountID == accountID }.select(\.datasetID)
        let memberships = OrganizationMemberRow.filter { $0.accountID == accountID }
        let adminOf = memberships.filter { $0.role == Role.admin.rawValue }.select(\.organizationID)
        let memberOf = memberships.select(\.organizationID)
        return Columns.ownerID == accountID || collaborations.contains(Columns.id)
            || adminOf.contains(Columns.ownerID) || (Columns.isPublic && memberOf.contains(Columns.ownerID))
    }
}

/// Writing dataset rows: shared by add, clone and the demo seed.
enum DatasetWriter {
    /// Inserts the dataset and its ground-truth labelset; the name must be free for the owner.
    static func insert(_ db: Database, _ row: NewDatasetRow) throws -> Int64 {
        let taken = DatasetRow.filter { $0.ownerID == row.ownerID && $0.name == row.name }
        guard try taken.isEmpty(db) else { throw SegmentsError.alreadyExists("A dataset with this name already exists.") }
        try row.insert(db)
        let id = db.lastInsertedRowID
        try NewLabelsetRow(datasetID: id, name: "ground-truth", description: "", isGroundTruth: true, createdAt: row.createdAt)
            .insert(db)
        return id
    }

    static func validate(_ attributes: TaskAttributes) throws {
        let ids = attributes.categories?.map(\.id) ?? []
        guard Set(ids).count == ids.count else {
            throw SegmentsError.validation("Category ids in task_attributes must be unique.")
        }
    }

    static func settings(of dataset: NewDataset) -> DatasetSettings {
        var settings = DatasetSettings()
        settings.labelingInactivityTimeoutSeconds = dataset.labelingInactivityTimeoutSeconds
        settings.enableSkipLabeling = dataset.enableSkipLabeling
        settings.enableSkipReviewing = dataset.enableSkipReviewing
        settings.enableRatings = dataset.enableRatings
        settings.enableInterpolation = dataset.enableInterpolation
        settings.enableSameDimensionsTrackConstraint = dataset.enableSameDimensionsTrackConstraint
        settings.enableSaveButton = dataset.enableSaveButton
        settings.enableLabelStatusVerified = dataset.enableLabelStatusVerified
        settings.enable3DCuboidRotation = dataset.enable3DCuboidRotation
        settings.enable3DRegionOfInterest = dataset.enable3DRegionOfInterest
        settings.enableConfirmOnSubmit = dataset.enableConfirmOnSubmit
        settings.enableObjectLinking = dataset.enableObjectLinking ?? false
        settings.enableObjectLinkCategoryRestrictions = dataset.enableObjectLinkCategoryRestrictions
        settings.enableExtrapolation = dataset.enableExtrapolation
        settings.regionOfInterest = dataset.regionOfInterest
        return settings
    }

    static func apply(_ update: DatasetUpdate, to settings: inout DatasetSettings) {
        if let value = update.labelingInactivityTimeoutSeconds { settings.labelingInactivityTimeoutSeconds = value }
        if let value = update.enableSkipLabeling { settings.enableSkipLabeling = value }
        if let value = update.enableSkipReviewing { settings.enableSkipReviewing = value }
        if let value = update.enableRatings { settings.enableRatings = value }
        if let value = update.enableInterpolation { settings.enableInterpolation = value }
        if let value = update.enableSameDimensionsTrackConstraint { settings.enableSameDimensionsTrackConstraint = value }
        if let value = update.enableSaveButton { settings.enableSaveButton = value }
        if let value = update.enableLabelStatusVerified { settings.enableLabelStatusVerified = value }
        if let value = update.enable3DCuboidRotation { settings.enable3DCuboidRotation = value }
        if let value = update.enable3DRegionOfInterest { settings.enable3DRegionOfInterest = value }
        if let value = update.enableConfirmOnSubmit { settings.enableConfirmOnSubmit = value }
        if let value = update.useTimestampsForInterpolation { settings.useTimestampsForInterpolation = value }
        if let value = update.enableObjectLinking { settings.enableObjectLinking = value }
        if let value = update.enableObjectLinkCategoryRestrictions {
            settings.enableObjectLinkCategoryRestrictions = value
        }
        if let value = update.enableExtrapolation { settings.enableExtrapolation = value }
        if let value = update.regionOfInterest { settings.regionOfInterest = value }
    }

    /// Copies labelsets, samples (with new uuids) and, if asked, labels. Raw SQL: INSERT … SELECT
    /// copies each row inside SQLite, where reading it into a record and writing it back would not.
    static func copyContent(
        _ db: Database, from sourceID: Int64, to targetID: Int64, taskType: TaskType, checkFit: Bool,
        cloneLabels: Bool, createdAt: String
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO labelset (dataset_id, name, description, is_groundtruth, created_at)
                SELECT ?, name, description, 0, ? FROM labelset WHERE dataset_id = ? AND is_groundtruth = 0
                """, arguments: [targetID, createdAt, sourceID])
        let insertSample = try db.makeStatement(
            sql: """
                INSERT INTO sample (uuid, dataset_id, name, attributes, metadata, priority, readme, assigned_labeler,
                    assigned_reviewer, created_by, created_at, updated_at, gt_label_status, gt_label_updated_at)
                SELECT ?, ?, name, attributes, metadata, priority, readme, assigned_labeler, assigned_reviewer,
                    created_by, created_at, updated_at,
                    CASE WHEN ? THEN gt_label_status ELSE 'UNLABELED' END,
                    CASE WHEN ? THEN gt_label_updated_at ELSE NULL END
                FROM sample WHERE id = ?
                """)
        let copyMetadata = try db.makeStatement(
            sql: """
                INSERT INTO sample_metadata (sample_id, meta_key, meta_value)
                SELECT ?, meta_key, meta_value FROM sample_metadata WHERE sample_id = ?
                """)
        let copyLabels = try db.makeStatement(
            sql: """
                INSERT INTO label (sample_id, labelset_id, label_status, attributes, score, created_by, created_at,
                    updated_by, updated_at, reviewed_by, reviewed_at)
                SELECT ?, target.id, label.label_status, label.attributes, label.score, label.created_by,
                    label.created_at, label.updated_by, label.updated_at, label.reviewed_by, label.reviewed_at
                FROM label JOIN labelset source ON source.id = label.labelset_id
                JOIN labelset target ON target.dataset_id = ? AND target.name = source.name
                WHERE label.sample_id = ?
                """)
        let samples = try SampleRow
            .filter { $0.datasetID == sourceID }
            .order(\.id)
            .select([SampleRow.Columns.id, SampleRow.Columns.attributes], as: Row.self)
            .fetchAll(db)
        for sample in samples {
            let oldID: Int64 = sample["id"]
            if checkFit {
                let attributes = JSONText.value(from: sample["attributes"]).map(SampleAttributes.init(json:))
                guard attributes?.fits(taskType) ?? true else {
                    throw SegmentsError.validation("The samples do not fit the task type \"\(taskType.rawValue)\".")
                }
            }
            try insertSample.execute(arguments: [Identifiers.newUUID(), targetID, cloneLabels, cloneLabels, oldID])
            let newID = db.lastInsertedRowID
            try copyMetadata.execute(arguments: [newID, oldID])
            if cloneLabels { try copyLabels.execute(arguments: [newID, targetID, oldID]) }
        }
    }
}
