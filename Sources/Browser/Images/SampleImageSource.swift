import Images
import SegmentsAPI
import TerminalUI

/// Which picture the state asks for, and which ones triage will want next: pure functions
/// of the state, so the presenter only compares what they return.
enum SampleImageSource {
    /// The image URL of a sample: its image, or the first frame of an image sequence
    /// (stepping through frames is still to come). Point clouds have none.
    static func imageURL(_ sample: Sample?) -> String? {
        switch sample?.attributes?.content {
        case .image(let image)?: image.image.url ?? image.image.signedURL
        case .imageSequence(let sequence)?: sequence.frames.first.flatMap { $0.image.url ?? $0.image.signedURL }
        default: nil
        }
    }

    /// The label to draw on that picture: a sequence's first frame, as a single-image label.
    static func drawable(_ content: LabelContent?) -> LabelContent? {
        if case .imageSequenceVector(let sequence)? = content {
            return .imageVector(ImageVectorLabel(annotations: sequence.frames.first?.annotations ?? []))
        }
        return content
    }

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
            let url = imageURL(detail.sample)
        else { return nil }
        let label = drawable(detail.label?.attributes?.content(for: detail.label?.labelType ?? dataset.dataset.taskType))
        return Wanted(
            sampleUUID: detail.uuid, imageURL: url, label: label,
            palette: CategoryPalette(taskAttributes: dataset.dataset.taskAttributes), cells: slot.rect.size)
    }

    /// In the triage queue, the image URLs of the next `count` samples of the table.
    static func upcoming(_ state: AppState, count: Int = 3) -> [String] {
        guard let dataset = state.dataset, dataset.queue != nil, let detail = dataset.detail,
            detail.source == .samples
        else { return [] }
        let samples = dataset.samples
        let selected = samples.table.selected
        guard samples.sample(at: selected)?.uuid == detail.uuid else { return [] }
        return (1...count).compactMap { imageURL(samples.sample(at: selected + $0)) }
    }
}
