import SegmentsAPI
import TerminalUI

/// The Segments objects the browser lists, by the name its messages use ("no issue is selected").
public enum ResourceKind: String, CaseIterable, Sendable {
    case dataset, sample, label, issue, collaborator, release, labelset, workunit
    case labelStatus = "label status"
}

/// Per kind: the table's columns and how one object becomes a row (k9s' render split).
protocol ResourceRenderer {
    associatedtype Item
    static var kind: ResourceKind { get }
    static var columns: [TableColumn] { get }
    static func cells(_ item: Item, now: Int64) -> [DisplayText]
    /// A colour for a cell that carries a meaning (a status), by column.
    static func role(_ item: Item, column: Int) -> ColorRole?
}

extension ResourceRenderer {
    static func role(_ item: Item, column: Int) -> ColorRole? { nil }

    /// A ready table over `items`.
    static func table(_ items: [Item], now: Int64, empty: DisplayText) -> DataTable {
        DataTable(
            columns: columns, rowCount: items.count, row: { cells(items[$0], now: now) },
            cellRole: { role(items[$0], column: $1) }, emptyText: empty)
    }
}

enum DatasetRenderer: ResourceRenderer {
    static let kind = ResourceKind.dataset
    static let columns = [
        TableColumn("Dataset", minWidth: 16, priority: 10, flexible: true),
        TableColumn("Type", minWidth: 8, maxWidth: 12, priority: 2),
        TableColumn("Samples", minWidth: 7, priority: 5, alignment: .trailing),
    ]

    static func cells(_ dataset: Dataset, now: Int64) -> [DisplayText] {
        [
            DisplayText(dataset.fullName), DisplayText(shortType(dataset.taskType)),
            DisplayText(dataset.sampleCount.map(Formatting.thousands) ?? "?"),
        ]
    }

    static func role(_ item: Dataset, column: Int) -> ColorRole? { column == 1 ? .muted : nil }

    /// Task types are long; the list shows a short form.
    static func shortType(_ type: TaskType) -> String {
        switch type {
        case .segmentationBitmap: "segmentation"
        case .segmentationBitmapHighres: "segm. highres"
        case .imageSegmentationSequence: "segm. seq"
        case .pointcloudCuboid: "cuboids"
        case .pointcloudCuboidSequence: "cuboid seq"
        case .pointcloudSegmentation: "pc segm."
        case .pointcloudSegmentationSequence: "pc segm. seq"
        case .pointcloudVector: "pc vector"
        case .pointcloudVectorSequence: "pc vector seq"
        case .imageVectorSequence: "vector seq"
        case .multisensorSequence: "multisensor"
        default: type.rawValue
        }
    }
}

enum SampleRenderer {
    static let columns = [
        TableColumn("Name", minWidth: 12, priority: 10, flexible: true),
        TableColumn("Label status", minWidth: 9, maxWidth: 21, priority: 9),
        TableColumn("Score", minWidth: 5, priority: 3, alignment: .trailing),
        TableColumn("Priority", minWidth: 8, priority: 2, alignment: .trailing),
        TableColumn("Issues", minWidth: 6, priority: 4, alignment: .trailing),
        TableColumn("Updated", minWidth: 8, maxWidth: 12, priority: 5),
    ]

    /// The columns for a sort: the sorted column is the last to go on a narrow screen, and
    /// a sort by creation shows when each sample was created.
    static func columns(sortedBy sort: SampleSort) -> [TableColumn] {
        var columns = self.columns
        if sort == .createdAt { columns[5].title = "Created" }
        if let sorted = column(of: sort), sorted > 0 { columns[sorted].priority = 8 }
        return columns
    }

    /// The column that shows what `sort` orders by.
    static func column(of sort: SampleSort) -> Int? {
        switch sort {
        case .name: 0
        case .priority: 3
        case .createdAt, .updatedAt, .groundTruthLabelUpdatedAt: 5
        }
    }

    static func cells(_ sample: Sample?, openIssues: Int, now: Int64, sort: SampleSort = .name) -> [DisplayText] {
        guard let sample else { return ["…", "", "", "", "", ""] }
        let status = sample.label?.labelStatus.rawValue ?? "UNLABELED"
        let time = sort == .createdAt ? sample.createdAt : sample.updatedAt ?? sample.createdAt
        return [
            DisplayText(sample.name), DisplayText(Formatting.status(status)),
            DisplayText(Formatting.decimal(sample.label?.score)), DisplayText(Formatting.decimal(sample.priority)),
            DisplayText(openIssues > 0 ? String(openIssues) : ""),
            DisplayText(Formatting.relative(time, now: now)),
        ]
    }
}

enum IssueRenderer: ResourceRenderer {
    static let kind = ResourceKind.issue
    static let columns = [
        TableColumn("Status", minWidth: 6, priority: 9),
        TableColumn("Description", minWidth: 12, priority: 10, flexible: true),
        TableColumn("Sample", minWidth: 8, maxWidth: 28, priority: 8),
        TableColumn("Author", minWidth: 6, maxWidth: 14, priority: 5),
        TableColumn("Age", minWidth: 7, maxWidth: 10, priority: 4),
        TableColumn("Comments", minWidth: 8, priority: 3, alignment: .trailing),
    ]

    static func cells(_ issue: Issue, now: Int64) -> [DisplayText] {
        [
            DisplayText(issue.status.rawValue.lowercased()), DisplayText(Formatting.oneLine(issue.description)), DisplayText(issue.sampleName),
            DisplayText(issue.createdBy), DisplayText(Formatting.relative(issue.createdAt, now: now)),
            DisplayText(String(issue.comments.count)),
        ]
    }

    static func role(_ issue: Issue, column: Int) -> ColorRole? {
        column == 0 ? Palette.role(for: issue.status.rawValue) : column == 4 ? .muted : nil
    }
}

enum CollaboratorRenderer: ResourceRenderer {
    static let kind = ResourceKind.collaborator
    static let columns = [
        TableColumn("User", minWidth: 8, priority: 10, flexible: true),
        TableColumn("Role", minWidth: 8, priority: 9),
        TableColumn("Email", minWidth: 10, maxWidth: 32, priority: 3),
        TableColumn("Joined", minWidth: 8, priority: 2),
    ]

    static func cells(_ collaborator: Collaborator, now: Int64) -> [DisplayText] {
        [
            DisplayText(collaborator.user.username), DisplayText(collaborator.role.rawValue),
            DisplayText(collaborator.user.email ?? ""), DisplayText(Formatting.relative(collaborator.user.createdAt, now: now)),
        ]
    }

    static func role(_ item: Collaborator, column: Int) -> ColorRole? { column == 1 ? .accent : nil }
}

enum ReleaseRenderer: ResourceRenderer {
    static let kind = ResourceKind.release
    static let columns = [
        TableColumn("Name", minWidth: 8, maxWidth: 24, priority: 10),
        TableColumn("Status", minWidth: 9, priority: 9),
        TableColumn("Samples", minWidth: 7, priority: 5, alignment: .trailing),
        TableColumn("Created", minWidth: 8, maxWidth: 10, priority: 4),
        TableColumn("URL / status info", minWidth: 10, priority: 6, flexible: true),
    ]

    static func cells(_ release: Release, now: Int64) -> [DisplayText] {
        [
            DisplayText(release.name), DisplayText(release.status.rawValue.lowercased()),
            DisplayText(Formatting.thousands(release.samplesCount)), DisplayText(Formatting.relative(release.createdAt, now: now)),
            DisplayText(release.attributes.url ?? release.statusInfo ?? ""),
        ]
    }

    static func role(_ release: Release, column: Int) -> ColorRole? {
        column == 1 ? Palette.role(for: release.status.rawValue) : column == 4 ? .accent : nil
    }
}

enum LabelsetRenderer: ResourceRenderer {
    static let kind = ResourceKind.labelset
    static let columns = [
        TableColumn("Name", minWidth: 8, maxWidth: 28, priority: 10),
        TableColumn("Ground truth", minWidth: 12, priority: 5),
        TableColumn("Created", minWidth: 8, maxWidth: 10, priority: 4),
        TableColumn("Description", minWidth: 10, priority: 6, flexible: true),
    ]

    static func cells(_ labelset: Labelset, now: Int64) -> [DisplayText] {
        [
            DisplayText(labelset.name), labelset.isGroundtruth == true ? "✓" : "",
            DisplayText(Formatting.relative(labelset.createdAt, now: now)), DisplayText(Formatting.oneLine(labelset.description)),
        ]
    }

    static func role(_ item: Labelset, column: Int) -> ColorRole? { column == 1 ? .success : nil }
}

enum WorkunitRenderer: ResourceRenderer {
    static let kind = ResourceKind.workunit
    static let columns = [
        TableColumn("When", minWidth: 8, maxWidth: 10, priority: 9),
        TableColumn("User", minWidth: 6, maxWidth: 14, priority: 10),
        TableColumn("Work", minWidth: 6, maxWidth: 12, priority: 8),
        TableColumn("Next status", minWidth: 11, maxWidth: 22, priority: 6),
        TableColumn("Time", minWidth: 6, priority: 5, alignment: .trailing),
        TableColumn("Sample", minWidth: 8, priority: 7, flexible: true),
    ]

    static func cells(_ unit: Workunit, now: Int64) -> [DisplayText] {
        [
            DisplayText(Formatting.relative(unit.createdAt, now: now)), DisplayText(unit.createdBy), DisplayText(unit.workType),
            DisplayText(unit.nextLabelStatus.map { Formatting.status($0.rawValue) } ?? ""),
            DisplayText(Formatting.duration(seconds: unit.time)), DisplayText(unit.sampleName),
        ]
    }

    static func role(_ unit: Workunit, column: Int) -> ColorRole? {
        column == 3 ? unit.nextLabelStatus.map { Palette.role(for: $0.rawValue) } : column == 0 ? .muted : nil
    }
}
