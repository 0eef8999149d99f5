import Foundation
import Logging
import SegmentsAPI
import TerminalUI
import Testing

@testable import Browser

/// The triage queue reads ahead (issue 12: "decides with one key, and the next image is
/// already there"): the next samples come with their labels while one is shown, so `a`
/// opens the next at once and its picture is ready in the frame that answers the key.
@Suite("Triage reads ahead", .serialized, .timeLimit(.minutes(5)))
struct TriageAheadTests {
    static let queue = ":dataset jane/street-scenes<Enter>T"

    @Test("the queue fetches the next three samples with their labels, and a opens the next one loaded, with no key waiting")
    @MainActor
    func nextSampleIsLoadedAtOnce() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.queue)
        var state = result.state
        let rows = state.queueRowsAhead
        #expect(rows.count == 3)
        let uuids = rows.compactMap { state.dataset?.samples.sample(at: $0)?.uuid }
        let ahead = try #require(state.dataset?.queue?.ahead)
        #expect(Set(ahead.keys) == Set(uuids))
        #expect(ahead.values.allSatisfy { $0.label?.labelStatus == .labeled && $0.labelset == "ground-truth" })

        // The key alone, before any request it starts has answered.
        _ = state.handle(.key(.character("a")))
        let detail = try #require(state.dataset?.detail)
        #expect(detail.uuid == uuids.first)
        #expect(detail.isLoaded && detail.label != nil, "shown from what was fetched ahead")
        #expect(!state.waits(.character("a")), "the next decision need not wait for the server")
        // Used once: what was shown is taken out, and the queue reads further ahead.
        #expect(state.dataset?.queue?.ahead[uuids[0]] == nil)
        #expect(state.inFlight.keys.contains(.detailAhead(try #require(state.dataset?.samples.sample(at: rows[2] + 1)?.uuid))))
    }

    @Test("a sample decided in this session is not shown from the read-ahead (its status is news)")
    @MainActor
    func decidedSamplesAreFetchedAnew() async throws {
        let fixture = try await WritableFixture.make()
        // Accept the first, come back to it with p: the detail must not show the stale LABELED.
        let result = try await fixture.run(Self.queue + "a")
        var state = result.state
        let first = try #require(state.triage.decisions.first?.sampleUUID)
        let sample = try #require(state.dataset?.samples.sample(at: 0))
        state.dataset?.queue?.ahead[first] = SampleWithLabel(sample: sample, label: nil, labelset: "ground-truth")
        #expect(state.takeFetchedAhead(first) == nil)
    }

    @Test("with the next label fetched ahead, its picture is rendered ahead and shown in the frame that answers a")
    @MainActor
    func nextPictureIsReadyOnTheKey() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.queue)
        var state = result.state
        let presenter = SampleImagePresenter(
            service: fixture.store(), detection: GraphicsDetection(graphics: .symbols, symbolColors: .trueColor, reason: "test"),
            logger: Logger(label: "triage-ahead"), disk: nil, redraw: {})
        var screen = BrowserView.render(state)
        presenter.prepare(&screen, state: state)
        // The open sample's own picture is a job; wait for it and for the work ahead.
        try await waitUntil { presenter.prepare(&screen, state: state); return presenter.isShowingPicture }
        presenter.prepare(&screen, state: state)
        await presenter.settle()

        _ = state.handle(.key(.character("a")))
        var next = BrowserView.render(state)
        presenter.prepare(&next, state: state)
        #expect(presenter.isShowingPicture, "the next sample's picture is there in the same frame")
    }

    @MainActor
    private func waitUntil(_ condition: @MainActor () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
