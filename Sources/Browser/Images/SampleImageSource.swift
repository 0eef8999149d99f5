import Images
import SegmentsAPI
import TerminalUI

/// Which picture the state asks for, and which ones will be wanted next: pure functions
/// of the state, so the presenter only compares what they return.
enum SampleImageSource {
    /// Everything the open detail's picture depends on.
    struct Wanted: Hashable, Sendable {
        var sampleUUID: String
        var imageURL: String
        var label: LabelContent?
        var palette: CategoryPalette
        var cells: Size
    }

    static func wanted(_ state: AppState, slot: ImageSlot) -> Wanted? {
        guard let dataset = state.dataset, let detail = dataset.detail, detail.uuid == slot.id,
            let url = SampleFrames.imageURL(detail.sample, frame: detail.frame)
        else { return nil }
        let content = detail.label?.attributes?.content(for: detail.label?.labelType ?? dataset.dataset.taskType)
        return Wanted(
            sampleUUID: detail.uuid, imageURL: url, label: SampleFrames.drawable(content, frame: detail.frame),
            palette: CategoryPalette(taskAttributes: dataset.dataset.taskAttributes), cells: slot.rect.size)
    }

    /// The pictures to fetch and decode ahead: the open sequence's neighbouring frames
    /// (so `.` and `,` show them from memory) and, in the triage queue, the next `count`
    /// samples of the table.
    static func upcoming(_ state: AppState, count: Int = 3) -> [String] {
        guard let dataset = state.dataset, let detail = dataset.detail else { return [] }
        var urls: [String] = []
        if let frames = SampleFrames.count(detail.sample) {
            for frame in [detail.frame + 1, detail.frame - 1] where frame >= 0 && frame < frames {
                if let url = SampleFrames.imageURL(detail.sample, frame: frame) { urls.append(url) }
            }
        }
        guard dataset.queue != nil, detail.source == .samples else { return urls }
        let samples = dataset.samples
        let selected = samples.table.selected
        guard samples.sample(at: selected)?.uuid == detail.uuid else { return urls }
        return urls + (1...count).compactMap { SampleFrames.imageURL(samples.sample(at: selected + $0)) }
    }
}
