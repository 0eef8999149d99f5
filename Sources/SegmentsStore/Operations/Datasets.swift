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
            // An organisation's datasets: all of them for its admins, the public ones for other members.
            let mine = """
                (dataset.owner_id = ? OR dataset.id IN (SELECT dataset_id FROM collaborator WHERE account_id = ?)
                 OR dataset.owner_id IN (SELECT organization_id FROM organization_member WHERE account_id = ?
                                         AND (role = 'admin' OR dataset.is_public = 1)))
                """
            if let user {
                guard let owner = try AccountRow.find(db, username: user) else { throw SegmentsError.notFoundError }
                rows = try DatasetRow.fetchAll(
                    db,
                    sql: DatasetRow.selectSQL + " WHERE dataset.owner_id = ? AND (dataset.is_public = 1 OR " + mine
                        + ") ORDER BY dataset.name, dataset.id LIMIT ? OFFSET ?",
                    arguments: [owner.id, me.id, me.id, me.id, window.limit, window.offset])
            } else {
                rows = try DatasetRow.fetchAll(
                    db,
                    sql: DatasetRow.selectSQL + " WHERE " + mine
                        + " ORDER BY dataset.name, account.username, dataset.id LIMIT ? OFFSET ?",
                    arguments: [me.id, me.id, me.id, window.limit, window.offset])
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
                DatasetWriter.NewRow(
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
                let labels = try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM label JOIN sample ON sample.id = label.sample_id WHERE sample.dataset_id = ?",
                    arguments: [row.id]) ?? 0
                guard labels == 0 else {
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
            try db.execute(
                sql: """
                    UPDATE dataset SET description = ?, category = ?, is_public = ?, readme = ?, archived = ?,
                    metadata = ?, task_attributes = ?, task_type = ?, settings = ? WHERE id = ?
                    """,
                arguments: [
                    row.description, row.category, row.isPublic, row.readme, row.archived, row.metadataText,
                    row.taskAttributesText, row.taskType.rawValue, try JSONText.encode(settings), row.id,
                ])
            return try datasetResponse(db, self.dataset(db, id: row.id, for: .read))
        }
    }

    public func deleteDataset(_ datasetIdentifier: String) async throws {
        let releaseFiles = try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .deleteDataset)
            let files = try String.fetchAll(
                db, sql: "SELECT file_path FROM dataset_release WHERE dataset_id = ? AND file_path IS NOT NULL",
                arguments: [access.row.id])
            try db.execute(sql: "DELETE FROM dataset WHERE id = ?", arguments: [access.row.id])
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
                DatasetWriter.NewRow(
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
        guard ownerID != me.id,
            let role = try String.fetchOne(
                db, sql: "SELECT role FROM organization_member WHERE organization_id = ? AND account_id = ?",
                arguments: [ownerID, me.id]),
            Role(rawValue: role) != .admin
        else { return }
        try db.execute(
            sql: "INSERT INTO collaborator (dataset_id, account_id, role, created_at) VALUES (?, ?, ?, ?)",
            arguments: [datasetID, me.id, role, now])
    }

    /// The account that will own a new dataset: the caller, or an organisation in
    /// which the caller is a manager or admin.
    private func datasetOwnerID(_ db: Database, organization: String?, me: AccountRow) throws -> Int64 {
        guard let organization else { return me.id }
        guard let org = try AccountRow.find(db, username: organization), org.isOrganization else {
            throw SegmentsError.notFoundError
        }
        let role = try String.fetchOne(
            db, sql: "SELECT role FROM organization_member WHERE organization_id = ? AND account_id = ?",
            arguments: [org.id, me.id])
        guard let role, Role(rawValue: role) == .admin || Role(rawValue: role) == .manager else {
            throw role == nil ? SegmentsError.notFoundError : SegmentsError.permissionDenied
        }
        return org.id
    }
}

/// Writing dataset rows: shared by add, clone and the demo seed.
enum DatasetWriter {
    struct NewRow: Sendable {
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
    }

    /// Inserts the dataset and its ground-truth labelset; the name must be free for the owner.
    static func insert(_ db: Database, _ row: NewRow) throws -> Int64 {
        let taken = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM dataset WHERE owner_id = ? AND name = ?)",
            arguments: [row.ownerID, row.name]) ?? false
        guard !taken else { throw SegmentsError.alreadyExists("A dataset with this name already exists.") }
        try db.execute(
            sql: """
                INSERT INTO dataset (owner_id, name, description, category, is_public, archived, task_type,
                    task_attributes, metadata, readme, settings, cloned_from, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                row.ownerID, row.name, row.description, row.category, row.isPublic, row.archived, row.taskType,
                row.taskAttributes, row.metadata, row.readme, row.settings, row.clonedFrom, row.createdAt,
            ])
        let id = db.lastInsertedRowID
        try db.execute(
            sql: "INSERT INTO labelset (dataset_id, name, description, is_groundtruth, created_at) VALUES (?, ?, '', 1, ?)",
            arguments: [id, "ground-truth", row.createdAt])
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

    /// Copies labelsets, samples (with new uuids) and, if asked, labels.
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
        let samples = try Row.fetchAll(
            db, sql: "SELECT id, attributes FROM sample WHERE dataset_id = ? ORDER BY id", arguments: [sourceID])
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
