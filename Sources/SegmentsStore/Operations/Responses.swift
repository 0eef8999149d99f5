import GRDB
import SegmentsAPI

// Building the API models from rows, with every field the reference requires.
extension SegmentsStore {
    func datasetResponse(_ db: Database, _ access: DatasetAccess) throws -> Dataset {
        let row = access.row
        let settings = row.settings
        // Kept by SQLite on every sample write (SampleCounts): one lookup at any size.
        let counts = try SampleCounts.byStatus(db, datasetID: row.id)
        let total = counts.values.reduce(0, +)
        func count(_ status: LabelStatus) -> Int { counts[status.rawValue] ?? 0 }
        let stats = LabelStats(
            reviewed: count(.reviewed), reviewingInProgress: count(.reviewingInProgress), labeled: count(.labeled),
            labelingInProgress: count(.labelingInProgress), rejected: count(.rejected), prelabeled: count(.prelabeled),
            skipped: count(.skipped), verified: count(.verified), unlabeled: count(.unlabeled), total: total)
        let collaborators = try CollaboratorRow.filter { $0.datasetID == row.id }.fetchCount(db)
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
        let comments = try IssueCommentRow
            .filter { $0.issueID == row.id }
            .order { [$0.createdAt, $0.id] }
            .fetchAll(db)
            .map { IssueComment(createdAt: $0.createdAt, createdBy: $0.createdBy, text: $0.text) }
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
            let members = OrganizationMemberRow
                .filter { $0.organizationID == account.id }
                .including(required: OrganizationMemberRow.account.order(\.username))
            user.members = try members.asRequest(of: Membership.self).fetchAll(db).map { found in
                User(
                    username: found.account.username, createdAt: found.account.createdAt, isOrganization: false,
                    organizationRole: found.membership.role)
            }
        } else if includePrivate {
            let organizations = OrganizationMemberRow
                .filter { $0.accountID == account.id }
                .including(required: OrganizationMemberRow.organization.order(\.username).forKey("account"))
            user.organizations = try organizations.asRequest(of: Membership.self).fetchAll(db).map { found in
                User(
                    username: found.account.username, createdAt: found.account.createdAt, isOrganization: true,
                    organizationRole: found.membership.role)
            }
        }
        return user
    }
}

/// A membership with the account on its other side (the member, or the organisation).
private struct Membership: Decodable, FetchableRecord {
    var membership: OrganizationMemberRow
    var account: AccountRow
}
