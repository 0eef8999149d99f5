import Images
import SegmentsAPI
import TerminalUI

/// Which picture the state asks for, and which ones triage will want next: pure functions
/// of the state, so the presenter only compares what they return.
enum SampleImageSource {
    /// The image URL of a sample (image samples only; sequences and point clouds have none yet).
    static func imageURL(_ sample: Sample?) -> String? {
        guard case .image(let image)? = sample?.attributes?.content else { return nil }
        return image.image.url ?? image.image.signedURL
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
        let label = detail.label?.attributes?.content(for: detail.label?.labelType ?? dataset.dataset.taskType)
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
