import SegmentsAPI

/// The frames of an image-sequence sample, and which frame's picture and annotations the
/// detail shows. Stills are one frame; point clouds have no picture.
enum SampleFrames {
    /// How many frames the sample has, when it is an image sequence.
    static func count(_ sample: Sample?) -> Int? {
        guard case .imageSequence(let sequence)? = sample?.attributes?.content else { return nil }
        return sequence.frames.count
    }

    /// `frame` brought inside the sample's frames (0 for a still).
    static func clamped(_ frame: Int, in sample: Sample?) -> Int {
        guard let count = count(sample), count > 0 else { return 0 }
        return min(max(0, frame), count - 1)
    }

    /// The picture of a frame: a still's image, or that frame of a sequence.
    static func imageURL(_ sample: Sample?, frame: Int = 0) -> String? {
        switch sample?.attributes?.content {
        case .image(let image)?:
            return image.image.url ?? image.image.signedURL
        case .imageSequence(let sequence)?:
            guard !sequence.frames.isEmpty else { return nil }
            let shown = sequence.frames[clamped(frame, in: sample)]
            return shown.image.url ?? shown.image.signedURL
        default:
            return nil
        }
    }

    /// The label as one picture shows it: a sequence's frame becomes a single-image label
    /// (a frame the label does not cover has no annotations); other labels are themselves.
    static func drawable(_ content: LabelContent?, frame: Int = 0) -> LabelContent? {
        switch content {
        case .imageSequenceVector(let sequence)?:
            let annotations = sequence.frames.indices.contains(frame) ? sequence.frames[frame].annotations : []
            return .imageVector(ImageVectorLabel(annotations: annotations))
        case .imageSequenceSegmentation(let sequence)?:
            guard sequence.frames.indices.contains(frame), let bitmap = sequence.frames[frame].segmentationBitmap else { return nil }
            return .imageSegmentation(
                ImageSegmentationLabel(annotations: sequence.frames[frame].annotations, segmentationBitmap: bitmap))
        default:
            return content
        }
    }
}
