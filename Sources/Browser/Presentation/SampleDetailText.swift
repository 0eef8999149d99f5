import SegmentsAPI
import TerminalUI

/// What the sample detail says, as lines: attributes, metadata, the label (who, when,
/// annotations by category), its issues with comments; and where the text and the picture
/// go. Pure functions of the state: the view draws them, and `update` bounds scrolling
/// with them.
enum SampleDetailText {
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
        let picture = state.picturesShown && SampleFrames.imageURL(detail.sample, frame: detail.frame) != nil
        let width = split(area, hasPreview: hasPreview(detail, dataset: dataset), picture: picture).0.width - 1
        return lines(state, dataset: dataset, detail: detail, width: width).count
    }

    /// A picture or an outline of the label goes beside (or below) the text.
    static func hasPreview(_ detail: SampleDetailState, dataset: DatasetState) -> Bool {
        let hasShapes = detail.label.map {
            !GeometryPreview.scene(for: $0, dataset: dataset.dataset, frame: detail.frame).shapes.isEmpty
        } ?? false
        return hasShapes || SampleFrames.imageURL(detail.sample, frame: detail.frame) != nil
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
        lines += attributeLines(sample.attributes, frame: detail.frame)
        if !sample.metadata.isEmpty {
            lines.append(.section("Metadata"))
            for key in sample.metadata.keys.sorted() {
                lines.append(.field(key, sample.metadata[key].map(Self.describe) ?? ""))
            }
        }
        lines.append(.section("Label · \(dataset.labelset)"))
        if let label = detail.label {
            lines += labelLines(label, dataset: dataset.dataset, now: now, frame: detail.frame)
            let scene = GeometryPreview.scene(for: label, dataset: dataset.dataset, frame: detail.frame)
            if scene.shapes.isEmpty && SampleFrames.imageURL(detail.sample, frame: detail.frame) == nil {
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

    static func attributeLines(_ attributes: SampleAttributes?, frame: Int = 0) -> [StyledLine] {
        guard let attributes else { return [StyledLine("none", Style(.muted))] }
        switch attributes.content {
        case .image(let image):
            return [.field("image", image.image.url.map(Formatting.url) ?? "—", valueStyle: Style(.accent))]
        case .imageSequence(let sequence):
            guard !sequence.frames.isEmpty else { return [.field("frames", "none")] }
            let shown = min(max(0, frame), sequence.frames.count - 1)
            let position = "\(shown + 1) of \(Formatting.thousands(sequence.frames.count))"
            return [
                .field("frame", sequence.frames.count > 1 ? position + "   , . step" : position),
                .field("image", sequence.frames[shown].image.url.map(Formatting.url) ?? "—", valueStyle: Style(.accent)),
            ]
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

    /// `frame`: a sequence label's annotations are those of the frame shown.
    static func labelLines(_ label: Label, dataset: Dataset, now: Int64, frame: Int = 0) -> [StyledLine] {
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
        let groups = annotationGroups(label, dataset: dataset, frame: frame)
        if !groups.isEmpty {
            let total = groups.reduce(0) { $0 + $1.count }
            let sequence = label.labelType == .imageVectorSequence || label.labelType == .imageSegmentationSequence
            lines.append(.section(sequence ? "Annotations in frame \(frame + 1) (\(total))" : "Annotations (\(total))"))
            for group in groups {
                lines.append(StyledLine([
                    ("■ ", Palette.categoryStyle(index: group.categoryIndex, dataset: dataset)),
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
    static func annotationGroups(_ label: Label, dataset: Dataset, frame: Int = 0) -> [AnnotationGroup] {
        let categories = dataset.taskAttributes?.categories ?? []
        var counts: [Int: (count: Int, kinds: Set<String>)] = [:]
        func add(_ id: Int, _ kind: String) {
            counts[id, default: (0, [])].count += 1
            counts[id, default: (0, [])].kinds.insert(kind)
        }
        switch SampleFrames.drawable(label.attributes?.content(for: label.labelType), frame: frame) {
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
