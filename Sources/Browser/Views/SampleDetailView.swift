import SegmentsAPI
import TerminalUI

/// One sample: attributes, metadata, the label (who, when, annotations by category),
/// its issues with comments, and a geometry preview beside (or below) the text.
enum SampleDetailView {
    static func render(_ state: AppState, dataset: DatasetState, detail: SampleDetailState, into screen: inout Screen, area whole: Rect) {
        var area = whole
        if let queue = dataset.queue {
            let (header, rest) = whole.splitTop(1)
            queueHeader(queue, state: state).draw(into: &screen, rect: header.inset(left: 1))
            area = rest
        }
        let scene = detail.label.map { GeometryPreview.scene(for: $0, dataset: dataset.dataset) }
        let picture = state.picturesShown && SampleImageSource.imageURL(detail.sample) != nil
        let (textArea, previewArea) = split(area, hasPreview: hasPreview(detail, dataset: dataset), picture: picture)
        let lines = self.lines(state, dataset: dataset, detail: detail, width: textArea.width - 1)
        let offset = TextView.clampedOffset(detail.scroll, lineCount: lines.count, visibleRows: textArea.height)
        for (row, line) in lines.dropFirst(offset).prefix(textArea.height).enumerated() {
            line.draw(into: &screen, rect: textArea.row(row).inset(left: 1))
        }
        guard let previewArea else { return }
        screen.drawBox(previewArea, style: Style(.border), glyphs: .rounded, title: DisplayText(scene?.caption ?? "image"))
        if let scene { GeometryPreview.render(scene, into: &screen, area: previewArea.inset(by: 1)) }
        // The outline stays as the fallback; a terminal that shows pictures draws over it.
        if picture { screen.reserveImage(previewArea.inset(by: 1), id: detail.uuid) }
    }

    /// A picture gets the largest box that keeps its shape, beside the text or below it,
    /// whichever holds more of it; an outline goes on the right when wide, below when narrow.
    static func split(_ area: Rect, hasPreview: Bool, picture: Bool) -> (Rect, Rect?) {
        guard hasPreview else { return (area, nil) }
        if picture, let placement = PicturePlacement.best(in: area.size) {
            switch placement {
            case .beside(let width): return area.splitLeft(area.width - width)
            case .below(let height): return area.splitBottom(height)
            }
        }
        if area.width >= 74 {
            let previewWidth = area.width * 42 / 100
            let (left, right) = area.splitLeft(area.width - previewWidth)
            return (left, right)
        }
        guard area.height >= 16 else { return (area, nil) }
        let (top, bottom) = area.splitBottom(area.height * 45 / 100)
        return (top, bottom)
    }

    /// " TRIAGE  12 of 240 reviewed this session · 3 skipped · ⠋ saving…", across the detail.
    static func queueHeader(_ queue: TriageQueue, state: AppState) -> StyledLine {
        var spans: [(DisplayText, Style)] = [(" TRIAGE ", Style(.selection, .bold)), (DisplayText("  " + queue.progress(state.triage)), Style(.accent))]
        if state.triage.isSaving { spans.append((DisplayText(" · " + Spinner.braille.frame(tick: state.tick).string + " saving…"), Style(.muted))) }
        return StyledLine(spans)
    }

    /// "3 reviewed this session · ⠋ saving…", or nil before the first decision.
    static func triageProgress(_ state: AppState, spinner: String) -> String? {
        var parts: [String] = []
        if state.triage.reviewedCount > 0 { parts.append("\(state.triage.reviewedCount) reviewed this session") }
        if state.triage.isSaving { parts.append(spinner + " saving…") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// How many text lines the open detail has (update uses it to bound scrolling).
    static func textLineCount(_ state: AppState) -> Int {
        guard let dataset = state.dataset, let detail = dataset.detail else { return 0 }
        var area = state.layout.content
        if dataset.queue != nil { area = area.splitTop(1).1 }
        let picture = state.picturesShown && SampleImageSource.imageURL(detail.sample) != nil
        let width = split(area, hasPreview: hasPreview(detail, dataset: dataset), picture: picture).0.width - 1
        return lines(state, dataset: dataset, detail: detail, width: width).count
    }

    /// A picture or an outline of the label goes beside (or below) the text.
    static func hasPreview(_ detail: SampleDetailState, dataset: DatasetState) -> Bool {
        let hasShapes = detail.label.map { !GeometryPreview.scene(for: $0, dataset: dataset.dataset).shapes.isEmpty } ?? false
        return hasShapes || SampleImageSource.imageURL(detail.sample) != nil
    }

    /// The text of the detail; issue threads are wrapped to `width`.
    static func lines(_ state: AppState, dataset: DatasetState, detail: SampleDetailState, width: Int) -> [StyledLine] {
        let spinner = Spinner.braille.frame(tick: state.tick).string
        guard let sample = detail.sample else {
            if let error = detail.error { return [StyledLine(DisplayText("✗ " + error.text), Style(.error)), StyledLine("press r to retry", Style(.muted))] }
            return [StyledLine(DisplayText(spinner + " loading sample…"), Style(.muted))]
        }
        let now = state.now
        var lines: [StyledLine] = [
            StyledLine([(DisplayText(sample.name), Style(.title)), (DisplayText("  " + sample.uuid), Style(.muted))]),
            .field("created", "\(sample.createdBy) · \(Formatting.relative(sample.createdAt, now: now))"),
            .field("priority", Formatting.decimal(sample.priority)),
        ]
        if dataset.queue == nil, let progress = triageProgress(state, spinner: spinner) {
            lines.insert(StyledLine(DisplayText(progress), Style(.muted)), at: 1)
        }
        if let labeler = sample.assignedLabeler { lines.append(.field("labeler", labeler)) }
        if let reviewer = sample.assignedReviewer { lines.append(.field("reviewer", reviewer)) }
        lines.append(.section("Attributes"))
        lines += attributeLines(sample.attributes)
        if !sample.metadata.isEmpty {
            lines.append(.section("Metadata"))
            for key in sample.metadata.keys.sorted() {
                lines.append(.field(key, sample.metadata[key].map(Self.describe) ?? ""))
            }
        }
        lines.append(.section("Label · \(dataset.labelset)"))
        if let label = detail.label {
            lines += labelLines(label, dataset: dataset.dataset, now: now)
            let scene = GeometryPreview.scene(for: label, dataset: dataset.dataset)
            if scene.shapes.isEmpty && SampleImageSource.imageURL(detail.sample) == nil {
                lines.append(.field("preview", scene.caption, valueStyle: Style(.muted)))
            }
        } else if detail.isLoaded {
            lines.append(StyledLine("No label in this labelset.", Style(.muted)))
        } else {
            lines.append(StyledLine(DisplayText(spinner + " loading label…"), Style(.muted)))
        }
        let issues = (dataset.issues.items ?? []).filter { $0.sampleUUID == sample.uuid }
        lines.append(.section("Issues (\(issues.count))"))
        if issues.isEmpty { lines.append(StyledLine(dataset.issues.isLoaded ? "No issues." : "…", Style(.muted))) }
        let cursor = issues.isEmpty ? -1 : min(detail.issueCursor, issues.count - 1)
        for (index, issue) in issues.enumerated() {
            let chosen = index == cursor && issues.count > 1
            lines += IssueThreadView.lines(issue, now: now, width: width, marker: chosen ? "▸" : "●", highlighted: chosen)
        }
        return lines
    }

    static func attributeLines(_ attributes: SampleAttributes?) -> [StyledLine] {
        guard let attributes else { return [StyledLine("none", Style(.muted))] }
        switch attributes.content {
        case .image(let image):
            return [.field("image", image.image.url.map(Formatting.url) ?? "—", valueStyle: Style(.accent))]
        case .imageSequence(let sequence):
            return [.field("frames", Formatting.thousands(sequence.frames.count)), .field("first", sequence.frames.first?.image.url.map(Formatting.url) ?? "—", valueStyle: Style(.accent))]
        case .pointcloud(let cloud):
            var lines: [StyledLine] = [.field("pcd", Formatting.url(cloud.pcd.url), valueStyle: Style(.accent)), .field("format", cloud.pcd.type.rawValue)]
            if let images = cloud.images { lines.append(.field("images", "\(images.count) calibrated")) }
            if let z = cloud.defaultZ { lines.append(.field("default z", Formatting.decimal(z))) }
            return lines
        case .pointcloudSequence(let sequence):
            return [.field("frames", Formatting.thousands(sequence.frames.count)), .field("kind", "point-cloud sequence")]
        case .multiSensor(let multi):
            return [.field("sensors", multi.sensors.map(\.name).joined(separator: ", "))]
        case .unrecognized(let json):
            return [.field("raw", describe(json))]
        }
    }

    static func labelLines(_ label: Label, dataset: Dataset, now: Int64) -> [StyledLine] {
        var lines: [StyledLine] = [
            StyledLine([
                (DisplayText("status".padding(to: 10)), Style(.muted)),
                (DisplayText(Formatting.status(label.labelStatus.rawValue)), Style(Palette.role(for: label.labelStatus.rawValue), .bold)),
                (DisplayText(label.score.map { "   score " + Formatting.decimal($0) } ?? ""), .plain),
            ]),
            .field("created", "\(label.createdBy) · \(Formatting.relative(label.createdAt, now: now))"),
            .field("updated", "\(label.updatedBy ?? "—") · \(Formatting.relative(label.updatedAt, now: now))"),
        ]
        if let reviewer = label.reviewedBy {
            lines.append(.field("reviewed", "\(reviewer) · \(Formatting.relative(label.reviewedAt, now: now))"))
        }
        let groups = annotationGroups(label, dataset: dataset)
        if !groups.isEmpty {
            lines.append(.section("Annotations (\(groups.reduce(0) { $0 + $1.count }))"))
            for group in groups {
                lines.append(StyledLine([
                    ("■ ", Style(Palette.categoryRole(index: group.categoryIndex))),
                    (DisplayText(group.name), .plain), (DisplayText(" × \(group.count)"), Style(.accent)),
                    (DisplayText(group.detail.isEmpty ? "" : "   " + group.detail), Style(.muted)),
                ]))
            }
        }
        if case .object(let object)? = label.attributes?.json, let imageAttributes = object["image_attributes"], case .object(let values) = imageAttributes, !values.isEmpty {
            lines.append(.section("Label attributes"))
            for key in values.keys.sorted() { lines.append(.field(key, values[key].map(describe) ?? "")) }
        }
        return lines
    }

    struct AnnotationGroup {
        var name: String
        var categoryIndex: Int
        var count: Int
        var detail: String
    }

    /// Annotations counted per category, named and ordered as the dataset defines them.
    static func annotationGroups(_ label: Label, dataset: Dataset) -> [AnnotationGroup] {
        let categories = dataset.taskAttributes?.categories ?? []
        var counts: [Int: (count: Int, kinds: Set<String>)] = [:]
        func add(_ id: Int, _ kind: String) {
            counts[id, default: (0, [])].count += 1
            counts[id, default: (0, [])].kinds.insert(kind)
        }
        switch label.attributes?.content(for: label.labelType) {
        case .imageVector(let vector)?: vector.annotations.forEach { add($0.categoryID, $0.type.rawValue) }
        case .imageSegmentation(let segmentation)?: segmentation.annotations.forEach { add($0.categoryID, "mask") }
        case .pointcloudCuboid(let cuboids)?: cuboids.annotations.forEach { add($0.categoryID, "cuboid") }
        case .pointcloudSegmentation(let segmentation)?: segmentation.annotations.forEach { add($0.categoryID, "points") }
        case .pointcloudVector(let vector)?:
            for item in vector.annotations {
                switch item {
                case .cuboid(let cuboid): add(cuboid.categoryID, "cuboid")
                case .vector(let annotation): add(annotation.categoryID, annotation.type.rawValue)
                }
            }
        default: break
        }
        func order(_ id: Int) -> Int { categories.firstIndex { $0.id == id } ?? id + 1000 }
        return counts.keys.sorted { order($0) < order($1) }
            .map { id in
                let index = categories.firstIndex { $0.id == id }
                let entry = counts[id] ?? (0, [])
                return AnnotationGroup(
                    name: index.map { categories[$0].name } ?? "category \(id)", categoryIndex: index ?? id,
                    count: entry.count, detail: entry.kinds.sorted().joined(separator: ", "))
            }
    }

    /// A JSON value as one short line.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return Formatting.decimal(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.prefix(6).map(describe).joined(separator: ", ") + (items.count > 6 ? ", …]" : "]")
        case .object(let object): return "{" + object.keys.sorted().prefix(4).map { "\($0): \(object[$0].map(describe) ?? "")" }.joined(separator: ", ") + (object.count > 4 ? ", …}" : "}")
        }
    }
}
