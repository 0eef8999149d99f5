/// Every kind of thing a caller can do on a dataset, and the least level each needs:
/// the permission model. docs/permissions.md shows this table; a test keeps the two equal.
public enum DatasetAction: CaseIterable, Hashable, Sendable {
    /// See the dataset, its samples, labels, labelsets, issues, releases and collaborators.
    case read
    /// Write labels with a labeling status (PRELABELED, LABELING_IN_PROGRESS, LABELED, SKIPPED).
    case label
    /// Open issues, comment, change their description or status.
    case raiseIssue
    /// Write labels with a reviewing status (REVIEWING_IN_PROGRESS, REVIEWED, REJECTED, VERIFIED).
    case review
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
    /// Add, change and remove collaborators below admin.
    case manageCollaborators
    /// Grant, change or take away the admin role.
    case manageAdmins
    /// Change the dataset's settings, description, task attributes, visibility.
    case updateSettings
    /// Delete the dataset.
    case deleteDataset

    public var requiredLevel: AccessLevel {
        switch self {
        case .read: .publicReader
        case .label, .raiseIssue: .labeler
        case .review, .deleteIssue: .reviewer
        case .manageSamples, .manageLabelsets, .manageReleases, .viewWorkunits: .manager
        case .manageCollaborators, .updateSettings: .admin
        case .manageAdmins, .deleteDataset: .owner
        }
    }

    /// The action's row title in docs/permissions.md.
    public var summary: String {
        switch self {
        case .read: "Read the dataset, samples, labels, labelsets, issues, releases, collaborators"
        case .label: "Write labels with a labeling status (PRELABELED, LABELING_IN_PROGRESS, LABELED, SKIPPED)"
        case .raiseIssue: "Open issues, comment, change an issue's description or status"
        case .review: "Write labels with a reviewing status (REVIEWING_IN_PROGRESS, REVIEWED, REJECTED, VERIFIED)"
        case .deleteIssue: "Delete issues (authors may always delete their own)"
        case .manageSamples: "Add, update, delete samples; delete labels"
        case .manageLabelsets: "Add and delete labelsets (ground-truth can never be deleted)"
        case .manageReleases: "Create and delete releases"
        case .viewWorkunits: "See workunits"
        case .manageCollaborators: "Add, change, remove collaborators with role labeler, reviewer, manager"
        case .manageAdmins: "Grant, change or remove the admin role"
        case .updateSettings: "Change settings, description, task type/attributes, visibility, metadata"
        case .deleteDataset: "Delete the dataset"
        }
    }

    /// Writing a label with `status`: reviewing statuses are the reviewers'.
    public static func writingLabel(_ status: LabelStatus) -> DatasetAction {
        status.isReviewing ? .review : .label
    }

    /// The permission table as docs/permissions.md shows it (markdown, one row per action).
    public static var markdownTable: String {
        let columns: [AccessLevel] = [.publicReader, .labeler, .reviewer, .manager, .admin, .owner]
        let header = ["Action", "public, no role", "labeler", "reviewer", "manager", "admin", "owner"]
        var lines = ["| " + header.joined(separator: " | ") + " |", "|---|" + String(repeating: ":-:|", count: columns.count)]
        for action in allCases {
            let marks = columns.map { $0 >= action.requiredLevel ? " ✓ " : " " }
            lines.append("| \(action.summary) |" + marks.joined(separator: "|") + "|")
        }
        return lines.joined(separator: "\n")
    }
}

extension LabelStatus {
    /// REVIEWING_IN_PROGRESS, REVIEWED, REJECTED and VERIFIED: the reviewers' statuses.
    public var isReviewing: Bool {
        switch self {
        case .reviewingInProgress, .reviewed, .rejected, .verified: true
        default: false
        }
    }
}
