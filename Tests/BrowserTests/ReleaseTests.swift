import Browser
import SegmentsAPI
import Testing

/// `N` on the Releases tab: create, then watch until the release has finished.
@Suite("Releases: create one and watch it finish", .serialized, .timeLimit(.minutes(2)))
struct ReleaseTests {
    static let releasesTab = ":dataset jane/street-scenes<Enter>:tab releases<Enter>"

    @Test("N creates a release that is shown PENDING, polled, and reaches SUCCEEDED on screen")
    @MainActor
    func releaseReachesSucceeded() async throws {
        let fixture = try WritableFixture(releaseDelay: .milliseconds(200))
        let result = try await fixture.run(Self.releasesTab + "Nv9<Enter>")
        #expect(result.rows(containing: "v9").contains { $0.contains("succeeded") }, "\(result.rows(containing: "v9"))")
        #expect(result.statusLine.contains("release v9 SUCCEEDED"))
        #expect(result.state.dataset?.releaseWatch == nil, "watching stopped")
        #expect(try await fixture.store().getRelease("jane/street-scenes", name: "v9").status == .succeeded)
    }

    @Test("polling backs off 1s, 2s, 4s, 8s, 8s, one request at a time, stops when the tab is left or the app quits")
    @MainActor
    func pollingBacksOffAndStops() async throws {
        let fixture = try WritableFixture(releaseDelay: .seconds(600))
        var state = try await fixture.run(Self.releasesTab).state
        _ = state.handle(.key(.character("N")))
        _ = state.handle(.key(.character("v")))
        _ = state.handle(.key(.character("9")))
        let create = state.handle(.key(.enter))
        guard case .request(.releaseCreate, let createID, .addRelease(_, "v9"))? = create.first else {
            throw TestFailure("no release creation in \(create)")
        }
        let pending = try await fixture.store().addRelease("jane/street-scenes", name: "v9", description: "")
        var effects = state.handle(.loaded(.releaseCreate, createID, .success(.release(pending))))
        #expect(BrowserView.text(state).contains("v9 PENDING · checked 0s ago"))
        #expect(state.handle(.key(.character("N"))).isEmpty, "no second release while one is watched")
        var waits: [Int] = []
        for _ in 0..<5 {
            let polls = effects.compactMap { effect -> (RequestID, Int)? in
                if case .request(.releasePoll, let id, .pollRelease(_, "v9", let seconds)) = effect { return (id, seconds) }
                return nil
            }
            #expect(polls.count == 1)
            guard let (id, seconds) = polls.first else { break }
            waits.append(seconds)
            effects = state.handle(.loaded(.releasePoll, id, .success(.release(pending))))
        }
        #expect(waits == [1, 2, 4, 8, 8])
        let left = state.handle(.key(.character("]")))
        #expect(left.contains(.cancel(.releasePoll)))
        #expect(state.inFlight[.releasePoll] == nil)
        let back = state.handle(.key(.character("[")))
        #expect(back.contains { if case .request(.releasePoll, _, _) = $0 { true } else { false } }, "resumed on return")
        let quit = state.handle(.key(.ctrl("c")))
        #expect(quit.contains(.cancel(.releasePoll)) && quit.contains(.quit), "quitting stops the polling")
    }

    @Test("--read-only refuses N with \"read-only mode\"")
    @MainActor
    func readOnlyRefuses() async throws {
        let fixture = try WritableFixture()
        let result = try await fixture.run(Self.releasesTab + "N", readOnly: true)
        #expect(result.state.overlay == nil)
        #expect(result.statusLine.contains("read-only mode"))
    }
}
