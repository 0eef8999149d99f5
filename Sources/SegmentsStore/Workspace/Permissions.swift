import GRDB
import SegmentsAPI

/// A user's `AccessLevel` on a dataset, read from the workspace, and the check of an
/// action against it. The levels and the action table are SegmentsAPI's (`DatasetAction`).
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
        if level < action.requiredLevel { throw SegmentsError.permissionDenied }
    }

    /// The action a label write needs: reviewing statuses are the reviewers'.
    static func action(forWriting status: LabelStatus) -> DatasetAction { .writingLabel(status) }

    static func isReviewing(_ status: LabelStatus) -> Bool { status.isReviewing }
}
