import Images
import SegmentsAPI
import TerminalUI

/// The dataset's description, counts, label statistics, categories and settings.
enum InfoTabView {
    static func render(_ state: AppState, dataset: DatasetState, into screen: inout Screen, area: Rect) {
        let lines = self.lines(dataset.dataset, access: dataset.access, now: state.now)
        let offset = TextView.clampedOffset(dataset.infoScroll, lineCount: lines.count, visibleRows: area.height)
        for (row, line) in lines.dropFirst(offset).prefix(area.height).enumerated() {
            line.draw(into: &screen, rect: area.row(row).inset(left: 1))
        }
    }

    /// `access` is the role the browser acts on (the one Collaborators shows); the dataset's
    /// own `role` field only stands in until it is known.
    static func lines(_ dataset: Dataset, access: AccessLevel?, now: Int64) -> [StyledLine] {
        var lines: [StyledLine] = [
            .field("name", dataset.fullName, valueStyle: Style(.title)),
            .field("task", dataset.taskType.rawValue),
            .field("category", dataset.category.rawValue),
            .field("owner", dataset.owner.username),
            .field("created", "\(dataset.createdAt.prefix(10)) (\(Formatting.relative(dataset.createdAt, now: now)))"),
            .field("samples", dataset.sampleCount.map(Formatting.thousands) ?? "?"),
            .field("people", dataset.collaboratorsCount.map { "\($0) collaborators" } ?? "?"),
            .field("visibility", dataset.isPublic ? "public" : "private"),
        ]
        if let role = access?.description ?? dataset.role { lines.append(.field("your role", role, valueStyle: Style(.accent))) }
        if !dataset.description.isEmpty {
            lines.append(.section("Description"))
            lines += DisplayText.lines(dataset.description).map { StyledLine($0) }
        }
        lines.append(.section("Label status"))
        let stats = dataset.labelStats
        let counts: [(String, Int?)] = [
            ("UNLABELED", stats.unlabeled), ("LABELING_IN_PROGRESS", stats.labelingInProgress), ("LABELED", stats.labeled),
            ("PRELABELED", stats.prelabeled), ("REVIEWING_IN_PROGRESS", stats.reviewingInProgress), ("REVIEWED", stats.reviewed),
            ("REJECTED", stats.rejected), ("SKIPPED", stats.skipped), ("VERIFIED", stats.verified),
        ]
        let total = max(1, stats.total ?? counts.reduce(0) { $0 + ($1.1 ?? 0) })
        for (status, count) in counts {
            let value = count ?? 0
            let bar = String(repeating: "█", count: min(30, value * 30 / total))
            lines.append(StyledLine([
                (DisplayText(Formatting.status(status).padding(to: 22)), Style(.muted)),
                (DisplayText(Formatting.thousands(value).padding(to: 8)), .plain),
                (DisplayText(bar), Style(Palette.role(for: status))),
            ]))
        }
        if let categories = dataset.taskAttributes?.categories, !categories.isEmpty {
            let palette = CategoryPalette(categories: categories)
            lines.append(.section("Categories"))
            for (index, category) in categories.enumerated() {
                let rgb = category.color.map { " rgb(" + $0.map(String.init).joined(separator: ",") + ")" } ?? ""
                lines.append(StyledLine([
                    ("■ ", Palette.categoryStyle(index: index, categories: categories, palette: palette)), (DisplayText(category.name), .plain),
                    (DisplayText("  id \(category.id)\(rgb)"), Style(.muted)),
                ]))
            }
        }
        lines.append(.section("Settings"))
        let settings: [(String, Bool?)] = [
            ("ratings", dataset.enableRatings), ("skip labeling", dataset.enableSkipLabeling),
            ("skip reviewing", dataset.enableSkipReviewing), ("verified status", dataset.enableLabelStatusVerified),
            ("interpolation", dataset.enableInterpolation), ("object linking", dataset.enableObjectLinking),
            ("3D cuboid rotation", dataset.enable3DCuboidRotation),
            ("non-collaborators label", dataset.noncollaboratorCanLabel),
            ("non-collaborators review", dataset.noncollaboratorCanReview),
        ]
        for (name, value) in settings {
            let text = value.map { $0 ? "on" : "off" } ?? "—"
            lines.append(.field(name.padding(to: 26), text, valueStyle: Style(value == true ? .success : .muted)))
        }
        if let readme = dataset.readme, !readme.isEmpty {
            lines.append(.section("Readme"))
            lines += DisplayText.lines(readme).map { StyledLine($0) }
        }
        return lines
    }
}
