import GRDB
import SegmentsAPI

/// What a user may do on one dataset, from least to most. The table of
/// `DatasetAction.minimumLevel` is the permission model (docs/permissions.md).
enum AccessLevel: Int, Comparable, Sendable, CaseIterable {
    /// Cannot see the dataset at all: it answers "Not found." as if it did not exist.
    case none
    /// Not a collaborator, but the dataset is public: read only.
    case publicReader
    case labeler
    case reviewer
    case manager
    case admin
    /// The dataset's owner, or an admin of the organisation that owns it.
    case owner

    static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    init?(role: Role) {
        switch role {
        case .labeler: self = .labeler
        case .reviewer: self = .reviewer
        case .manager: self = .manager
        case .admin: self = .admin
        case .unknown: return nil
        }
    }

    /// The `role` a Dataset response reports: owners are admins to the API.
    var roleName: String? {
        switch self {
        case .none, .publicReader: nil
        case .labeler: "labeler"
        case .reviewer: "reviewer"
        case .manager: "manager"
        case .admin, .owner: "admin"
        }
    }
}

/// Every kind of thing a caller can do on a dataset.
enum DatasetAction: CaseIterable, Sendable {
    /// See the dataset, its samples, labels, labelsets, issues, releases and collaborators.
    case read
    /// Write labels with a labeling status (PRELABELED, LABELING_IN_PROGRESS, LABELED, SKIPPED).
    case label
    /// Write labels with a reviewing status (REVIEWING_IN_PROGRESS, REVIEWED, REJECTED, VERIFIED).
    case review
    /// Open issues and change their description or status.
    case raiseIssue
    /// Delete issues (their authors may always delete their own).
    case deleteIssue
    /// Add, update and delete samples; delete labels.
    case manageSamples
    /// Add and delete labelsets.
    case manageLabelsets
    /// Create and delete releases.
    case manageReleases
    /// See who did which work and when.
    case viewWorkunits
    /// Add, change and remove collaborators (granting admin is the owner's).
    case manageCollaborators
    /// Change the dataset's settings, description, task attributes, visibility.
    case updateSettings
    /// Delete the dataset.
    case deleteDataset

    var minimumLevel: AccessLevel {
        switch self {
        case .read: .publicReader
        case .label, .raiseIssue: .labeler
        case .review, .deleteIssue: .reviewer
        case .manageSamples, .manageLabelsets, .manageReleases, .viewWorkunits: .manager
        case .manageCollaborators, .updateSettings: .admin
        case .deleteDataset: .owner
        }
    }
}

enum Permissions {
    /// The access level of `accountID` on a dataset.
    static func level(_ db: Database, dataset: DatasetRow, accountID: Int64) throws -> AccessLevel {
        if dataset.ownerID == accountID { return .owner }
        var level: AccessLevel = .none
        if dataset.ownerIsOrganization,
            let raw = try String.fetchOne(
                db, sql: "SELECT role FROM organization_member WHERE organization_id = ? AND account_id = ?",
                arguments: [dataset.ownerID, accountID]),
            let memberLevel = AccessLevel(role: Role(rawValue: raw))
        {
            // An organisation's admins own its datasets. Other members work with their role on its
            // public datasets only: a private one is for its collaborators (issue 16, item 9).
            if memberLevel == .admin {
                level = .owner
            } else if dataset.isPublic {
                level = memberLevel
            }
        }
        if let raw = try String.fetchOne(
            db, sql: "SELECT role FROM collaborator WHERE dataset_id = ? AND account_id = ?",
            arguments: [dataset.id, accountID]),
            let collaboratorLevel = AccessLevel(role: Role(rawValue: raw))
        {
            level = max(level, collaboratorLevel)
        }
        if level == .none && dataset.isPublic { level = .publicReader }
        return level
    }

    /// Fails with "Not found." when the dataset is invisible to this level, or with
    /// "You do not have permission …" when it is visible but the action is not allowed.
    static func require(_ action: DatasetAction, level: AccessLevel) throws {
        if level == .none { throw SegmentsError.notFoundError }
        if level < action.minimumLevel { throw SegmentsError.permissionDenied }
    }

    /// The action a label write needs: reviewing statuses are the reviewers'.
    static func action(forWriting status: LabelStatus) -> DatasetAction {
        isReviewing(status) ? .review : .label
    }

    static func isReviewing(_ status: LabelStatus) -> Bool {
        switch status {
        case .reviewingInProgress, .reviewed, .rejected, .verified: true
        default: false
        }
    }
}
