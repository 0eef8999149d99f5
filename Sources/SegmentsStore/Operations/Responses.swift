import GRDB
import SegmentsAPI

// Building the API models from rows, with every field the reference requires.
extension SegmentsStore {
    func datasetResponse(_ db: Database, _ access: DatasetAccess) throws -> Dataset {
        let row = access.row
        let settings = row.settings
        var counts: [String: Int] = [:]
        var total = 0
        for statRow in try Row.fetchAll(
            db, sql: "SELECT gt_label_status, COUNT(*) AS n FROM sample WHERE dataset_id = ? GROUP BY gt_label_status",
            arguments: [row.id])
        {
            let count: Int = statRow["n"]
            counts[statRow["gt_label_status"]] = count
            total += count
        }
        func count(_ status: LabelStatus) -> Int { counts[status.rawValue] ?? 0 }
        let stats = LabelStats(
            reviewed: count(.reviewed), reviewingInProgress: count(.reviewingInProgress), labeled: count(.labeled),
            labelingInProgress: count(.labelingInProgress), rejected: count(.rejected), prelabeled: count(.prelabeled),
            skipped: count(.skipped), verified: count(.verified), unlabeled: count(.unlabeled), total: total)
        let collaborators = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM collaborator WHERE dataset_id = ?", arguments: [row.id]) ?? 0
        let labelsets = try LabelsetRow.all(db, datasetID: row.id).map(labelsetResponse)
        return Dataset(
            name: row.name, fullName: row.fullName, clonedFrom: row.clonedFrom, description: row.description,
            category: Category(rawValue: row.category), isPublic: row.isPublic, archived: row.archived,
            owner: Owner(username: row.ownerUsername, createdAt: row.ownerCreatedAt), createdAt: row.createdAt,
            enableRatings: settings.enableRatings, enableSkipLabeling: settings.enableSkipLabeling,
            enableSkipReviewing: settings.enableSkipReviewing, enableSaveButton: settings.enableSaveButton,
            enableLabelStatusVerified: settings.enableLabelStatusVerified,
            enableSameDimensionsTrackConstraint: settings.enableSameDimensionsTrackConstraint,
            enable3DRegionOfInterest: settings.enable3DRegionOfInterest,
            enable3DCuboidRotation: settings.enable3DCuboidRotation,
            enableConfirmOnSubmit: settings.enableConfirmOnSubmit, enableInterpolation: settings.enableInterpolation,
            useTimestampsForInterpolation: settings.useTimestampsForInterpolation,
            enableObjectLinking: settings.enableObjectLinking,
            enableObjectLinkCategoryRestrictions: settings.enableObjectLinkCategoryRestrictions,
            enableExtrapolation: settings.enableExtrapolation, taskType: row.taskType, labelStats: stats,
            labelingInactivityTimeoutSeconds: settings.labelingInactivityTimeoutSeconds,
            samplesCount: .int(Int64(total)), collaboratorsCount: collaborators, taskAttributes: row.taskAttributes,
            labelsets: labelsets, role: access.level.roleName, readme: row.readme,
            metadata: JSONText.object(from: row.metadataText), regionOfInterest: settings.regionOfInterest,
            dataType: "IMAGE")
    }

    func labelsetResponse(_ row: LabelsetRow) -> Labelset {
        Labelset(name: row.name, description: row.description, isGroundtruth: row.isGroundTruth, createdAt: row.createdAt)
    }

    func sampleResponse(_ row: SampleRow, datasetFullName: String, label: SampleLabel?) -> Sample {
        Sample(
            uuid: row.uuid, name: row.name,
            attributes: row.attributesText.map { WorkspaceURLs.resolve($0, baseURL: baseURL) }
                .flatMap(JSONText.value(from:)).map(SampleAttributes.init(json:)),
            metadata: JSONText.object(from: row.metadataText), createdAt: row.createdAt, createdBy: row.createdBy,
            updatedAt: row.updatedAt, readme: row.readme, assignedLabeler: row.assignedLabeler,
            assignedReviewer: row.assignedReviewer, priority: row.priority, label: label,
            datasetFullName: datasetFullName)
    }

    func labelResponse(_ row: LabelRow, sampleUUID: String, taskType: TaskType, labelset: String) -> Label {
        Label(
            sampleUUID: sampleUUID, labelType: taskType, labelStatus: row.labelStatus, labelset: labelset,
            attributes: row.attributesText.map { WorkspaceURLs.resolve($0, baseURL: baseURL) }
                .flatMap(JSONText.value(from:)).map(LabelAttributes.init(json:)),
            createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy,
            score: row.score, reviewedAt: row.reviewedAt, reviewedBy: row.reviewedBy)
    }

    func labelSummary(_ row: LabelRow) -> LabelSummary {
        LabelSummary(
            labelStatus: row.labelStatus, score: row.score, updatedAt: row.updatedAt, createdBy: row.createdBy,
            reviewedBy: row.reviewedBy)
    }

    func issueResponse(_ db: Database, _ row: IssueRow) throws -> Issue {
        let comments = try Row.fetchAll(
            db, sql: "SELECT * FROM issue_comment WHERE issue_id = ? ORDER BY created_at, id", arguments: [row.id]
        ).map { IssueComment(createdAt: $0["created_at"], createdBy: $0["created_by"], text: $0["text"]) }
        let anchor = row.anchorText.flatMap { try? JSONText.decode(IssueAnchor.self, from: $0) }
        return Issue(
            uuid: row.uuid, description: row.description, createdAt: row.createdAt, updatedAt: row.updatedAt,
            createdBy: row.createdBy, updatedBy: row.updatedBy, status: row.status, comments: comments,
            anchor: anchor, sampleUUID: row.sampleUUID, sampleName: row.sampleName)
    }

    func releaseResponse(_ row: ReleaseRow) -> Release {
        Release(
            uuid: row.uuid, name: row.name, description: row.description, releaseType: .json,
            attributes: ReleaseAttributes(url: row.filePath.map(url(forStorageKey:))), status: row.status,
            statusInfo: row.statusInfo, createdAt: row.createdAt, samplesCount: row.samplesCount)
    }

    func userResponse(_ db: Database, _ account: AccountRow, includePrivate: Bool) throws -> User {
        var user = User(
            username: account.username, createdAt: account.createdAt, isOrganization: account.isOrganization,
            email: includePrivate ? account.email : nil)
        if account.isOrganization {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT account.*, organization_member.role AS member_role FROM organization_member
                    JOIN account ON account.id = organization_member.account_id
                    WHERE organization_member.organization_id = ? ORDER BY account.username
                    """, arguments: [account.id])
            user.members = try rows.map { row in
                let member = try AccountRow(row: row)
                return User(
                    username: member.username, createdAt: member.createdAt, isOrganization: false,
                    organizationRole: Role(rawValue: row["member_role"] as String))
            }
        } else if includePrivate {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT account.*, organization_member.role AS member_role FROM organization_member
                    JOIN account ON account.id = organization_member.organization_id
                    WHERE organization_member.account_id = ? ORDER BY account.username
                    """, arguments: [account.id])
            user.organizations = try rows.map { row in
                let organization = try AccountRow(row: row)
                return User(
                    username: organization.username, createdAt: organization.createdAt, isOrganization: true,
                    organizationRole: Role(rawValue: row["member_role"] as String))
            }
        }
        return user
    }
}
