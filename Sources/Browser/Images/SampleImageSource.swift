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
        /// All of the picture, or the zoomed-in part.
        var view = PictureView()
    }

    static func wanted(_ state: AppState, slot: ImageSlot) -> Wanted? {
        guard let dataset = state.dataset, let detail = dataset.detail, detail.uuid == slot.id,
            let url = SampleFrames.imageURL(detail.sample, frame: detail.frame)
        else { return nil }
        let content = detail.label?.attributes?.content(for: detail.label?.labelType ?? dataset.dataset.taskType)
        return Wanted(
            sampleUUID: detail.uuid, imageURL: url, label: SampleFrames.drawable(content, frame: detail.frame),
            palette: CategoryPalette(taskAttributes: dataset.dataset.taskAttributes), cells: slot.rect.size,
            view: detail.pictureView)
    }

    /// Something to prepare before it is asked for.
    enum Upcoming: Hashable, Sendable {
        /// Fetch and decode the photo: its label is not known yet.
        case picture(String)
        /// Render the whole picture, label drawn: everything it depends on is known.
        case rendering(Wanted)

        var rendering: Wanted? {
            if case .rendering(let wanted) = self { return wanted }
            return nil
        }
    }

    /// What to prepare ahead for a slot of `cells`: the open sequence's neighbouring frames
    /// (so `.` and `,` show them at once) and, in the triage queue, the next samples: whole
    /// when the queue fetched their labels ahead, else their photos.
    static func upcoming(_ state: AppState, cells: Size) -> [Upcoming] {
        guard let dataset = state.dataset, let detail = dataset.detail else { return [] }
        let palette = CategoryPalette(taskAttributes: dataset.dataset.taskAttributes)
        func drawable(_ label: Label?, frame: Int) -> LabelContent? {
            SampleFrames.drawable(label?.attributes?.content(for: label?.labelType ?? dataset.dataset.taskType), frame: frame)
        }
        var upcoming: [Upcoming] = []
        if let frames = SampleFrames.count(detail.sample), detail.isLoaded {
            for frame in [detail.frame + 1, detail.frame - 1] where frame >= 0 && frame < frames {
                guard let url = SampleFrames.imageURL(detail.sample, frame: frame) else { continue }
                upcoming.append(.rendering(Wanted(
                    sampleUUID: detail.uuid, imageURL: url, label: drawable(detail.label, frame: frame),
                    palette: palette, cells: cells, view: detail.pictureView)))
            }
        }
        for row in state.queueRowsAhead {
            guard let sample = dataset.samples.sample(at: row), let url = SampleFrames.imageURL(sample) else { continue }
            if let fetched = dataset.queue?.ahead[sample.uuid], fetched.labelset == dataset.labelset {
                upcoming.append(.rendering(Wanted(
                    sampleUUID: sample.uuid, imageURL: url, label: drawable(fetched.label, frame: 0),
                    palette: palette, cells: cells)))
            } else {
                upcoming.append(.picture(url))
            }
        }
        return upcoming
    }
}
