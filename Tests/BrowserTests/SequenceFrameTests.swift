import Foundation
import SegmentsAPI
import TerminalUI
import Testing

@testable import Browser

/// Image sequences in the sample detail: `,` and `.` step the frame; the picture, its
/// boxes, the annotation counts and the prefetch follow the frame shown (issue 12).
@Suite("Sequence frames in the sample detail")
struct SequenceFrameTests {
    /// Opens the first labeled clip of the demo's image-vector-sequence dataset.
    static let openClip = ":dataset jane/dashcam-clips<Enter>s<Space><Enter><Enter>"

    static func frames(_ result: HeadlessResult) throws -> (sample: Sample, label: ImageSequenceVectorLabel) {
        let detail = try #require(result.state.dataset?.detail)
        let sample = try #require(detail.sample)
        let label = try #require(detail.label)
        guard case .imageSequenceVector(let sequence)? = label.attributes?.content(for: label.labelType) else {
            Issue.record("the clip's label is \(label.labelType.rawValue), not a vector sequence")
            throw CancellationError()
        }
        return (sample, sequence)
    }

    @Test("a clip opens on its first frame and . steps to the next, with that frame's picture and boxes")
    @MainActor
    func stepsForward() async throws {
        let result = try await BrowserFixture.run(Self.openClip + "..")
        let detail = try #require(result.state.dataset?.detail)
        #expect(detail.frame == 2)
        let (sample, label) = try Self.frames(result)
        let count = try #require(SampleFrames.count(sample))
        #expect(count == 6)
        #expect(result.screen.contains("frame     3 of 6"), "\(result.screen)")
        #expect(result.screen.contains("frame 3/6 · image · "))
        let boxes = label.frames[2].annotations.count
        #expect(result.screen.contains("Annotations in frame 3 (\(boxes))"))

        let slot = ImageSlot(rect: Rect(x: 0, y: 0, width: 60, height: 20), id: detail.uuid)
        let wanted = try #require(SampleImageSource.wanted(result.state, slot: slot))
        guard case .imageSequence(let attributes)? = sample.attributes?.content else {
            Issue.record("not a sequence sample")
            return
        }
        #expect(wanted.imageURL == attributes.frames[2].image.url)
        guard case .imageVector(let drawn)? = wanted.label else {
            Issue.record("the picture's label is not the frame's boxes: \(String(describing: wanted.label))")
            return
        }
        #expect(drawn.annotations == label.frames[2].annotations)
        #expect(drawn.annotations != label.frames[0].annotations, "the road users move between frames")
        // The frames either side are rendered ahead, boxes and all, so stepping shows them at once.
        let ahead = SampleImageSource.upcoming(result.state, cells: slot.rect.size).compactMap(\.rendering)
        for frame in [1, 3] {
            let prepared = ahead.first { $0.imageURL == attributes.frames[frame].image.url }
            #expect(prepared?.label == .imageVector(ImageVectorLabel(annotations: label.frames[frame].annotations)))
        }
    }

    @Test(", steps back; at either end the key says why nothing changed instead of wrapping")
    @MainActor
    func stopsAtTheEnds() async throws {
        let back = try await BrowserFixture.run(Self.openClip + "...,")
        #expect(back.state.dataset?.detail?.frame == 2)

        let first = try await BrowserFixture.run(Self.openClip + ",")
        #expect(first.state.dataset?.detail?.frame == 0)
        #expect(first.state.message?.text == "frame 1 of 6 is the first")

        let last = try await BrowserFixture.run(Self.openClip + "........")
        #expect(last.state.dataset?.detail?.frame == 5)
        #expect(last.state.message?.text == "frame 6 of 6 is the last")
    }

    @Test("the next sample opens on its first frame")
    @MainActor
    func nextSampleStartsAtFrameOne() async throws {
        let result = try await BrowserFixture.run(Self.openClip + "...n")
        let detail = try #require(result.state.dataset?.detail)
        #expect(detail.frame == 0)
        #expect(result.screen.contains("frame     1 of 6"))
    }

    @Test("on a single picture . says the sample is not a sequence")
    @MainActor
    func stillPictureRefuses() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>s<Space><Enter><Enter>.")
        #expect(result.state.dataset?.detail?.frame == 0)
        #expect(result.state.message?.text.contains("not a sequence") == true, "\(result.state.message?.text ?? "")")
    }
}
