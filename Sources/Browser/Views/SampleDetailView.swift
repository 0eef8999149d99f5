import SegmentsAPI
import TerminalUI

/// Draws the sample detail: the text (`SampleDetailText`), and the picture or the outline
/// of the label beside or below it; in the triage queue, its progress line on top.
enum SampleDetailView {
    static func render(_ state: AppState, dataset: DatasetState, detail: SampleDetailState, into screen: inout Screen, area whole: Rect) {
        var area = whole
        if let queue = dataset.queue {
            let (header, rest) = whole.splitTop(1)
            queueHeader(queue, state: state).draw(into: &screen, rect: header.inset(left: 1))
            area = rest
        }
        let scene = detail.label.map { GeometryPreview.scene(for: $0, dataset: dataset.dataset, frame: detail.frame) }
        let picture = state.picturesShown && SampleFrames.imageURL(detail.sample, frame: detail.frame) != nil
        let (textArea, previewArea) = SampleDetailText.split(area, hasPreview: SampleDetailText.hasPreview(detail, dataset: dataset), picture: picture)
        let lines = SampleDetailText.lines(state, dataset: dataset, detail: detail, width: textArea.width - 1)
        let offset = TextView.clampedOffset(detail.scroll, lineCount: lines.count, visibleRows: textArea.height)
        for (row, line) in lines.dropFirst(offset).prefix(textArea.height).enumerated() {
            line.draw(into: &screen, rect: textArea.row(row).inset(left: 1))
        }
        guard let previewArea else { return }
        var title = scene?.caption ?? "image"
        if let frames = SampleFrames.count(detail.sample), frames > 1 { title = "frame \(detail.frame + 1)/\(frames) · " + title }
        if picture, detail.pictureView.isZoomed { title = "\(detail.pictureView.zoom)× · " + title }
        screen.drawBox(previewArea, style: Style(.border), glyphs: .rounded, title: DisplayText(title))
        if let scene { GeometryPreview.render(scene, into: &screen, area: previewArea.inset(by: 1)) }
        // The outline stays as the fallback; a terminal that shows pictures draws over it.
        if picture { screen.reserveImage(previewArea.inset(by: 1), id: detail.uuid) }
    }

    /// " TRIAGE  12 of 240 reviewed this session · 3 skipped · ⠋ saving…", across the detail.
    static func queueHeader(_ queue: TriageQueue, state: AppState) -> StyledLine {
        var spans: [(DisplayText, Style)] = [(" TRIAGE ", Style(.selection, .bold)), (DisplayText("  " + queue.progress(state.triage)), Style(.accent))]
        if state.triage.isSaving { spans.append((DisplayText(" · " + Spinner.braille.frame(tick: state.tick).string + " saving…"), Style(.muted))) }
        return StyledLine(spans)
    }
}
