import Browser
import Foundation
import SegmentsAPI
import Testing

/// The Releases tab: create (name, description), watch until finished, delete.
@Suite("Releases: create one, watch it finish, delete one", .serialized, .timeLimit(.minutes(5)))
struct ReleaseTests {
    static let releasesTab = ":dataset jane/street-scenes<Enter>:tab releases<Enter>"

    @Test("N asks for a name and a description, shows the release PENDING, polls it, and reaches SUCCEEDED on screen")
    @MainActor
    func releaseReachesSucceeded() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.releasesTab + "Nv9<Enter>night shots<C-j>and rain<Enter>")
        #expect(result.rows(containing: "v9").contains { $0.contains("succeeded") }, "\(result.rows(containing: "v9"))")
        #expect(result.statusLine.contains("release v9 SUCCEEDED"))
        #expect(result.state.dataset?.releaseWatch == nil, "watching stopped")
        let stored = try await fixture.store().getRelease("jane/street-scenes", name: "v9")
        #expect(stored.status == .succeeded)
        #expect(stored.description == "night shots\nand rain")
        #expect(result.clipboard.isEmpty)
        let copied = try await fixture.run(Self.releasesTab + "/v9<Enter>y")
        #expect(copied.clipboard.first == stored.attributes.url, "y copies the selected release's URL")
    }

    @Test("A release whose export fails is shown FAILED with the reason, and the watch stops")
    @MainActor
    func failedReleaseIsShown() async throws {
        let fixture = try await WritableFixture.make()
        // The seed's own pending release is exported in the background into that folder:
        // once it is done, nothing makes the folder again behind the test's back.
        await fixture.workspace.waitForReleaseJobs()
        // A file where the export directory should be: the store's release job cannot write.
        let releases = fixture.folder.appendingPathComponent("releases")
        try? FileManager.default.removeItem(at: releases)
        #expect(FileManager.default.createFile(atPath: releases.path, contents: Data("in the way".utf8)))
        let result = try await fixture.run(Self.releasesTab + "Nbroken<Enter><Enter>")
        #expect(result.state.message?.kind == .error)
        #expect(result.statusLine.contains("release broken FAILED: The export could not be written"), "\(result.statusLine)")
        #expect(result.rows(containing: "broken").contains { $0.contains("failed") })
        #expect(result.state.dataset?.releaseWatch == nil)
        #expect(try await fixture.store().getRelease("jane/street-scenes", name: "broken").status == .failed)
    }

    @Test("A failed check stops the watch with a message; r checks again with the interval reset")
    @MainActor
    func pollErrorStopsAndRResumes() async throws {
        let fixture = try await WritableFixture.make(releaseJobs: .held)
        _ = try await fixture.store().addRelease("jane/street-scenes", name: "v9", description: "")
        var (state, effects) = try await Self.releasesTabByHand(fixture)
        let list = try await fixture.store().getReleases("jane/street-scenes")
        #expect(state.dataset?.releaseWatch?.name == "v9", "the newest PENDING release found in the list is watched")
        let poll = try #require(Self.polls(effects).first)
        _ = try state.fail(poll.ticket, with: .network("The server could not be reached."))
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("Stopped watching the release (r checks again): NetworkError") == true)
        #expect(state.inFlight[.releasePoll] == nil, "no retry loop behind the user's back")
        state.dataset?.releaseWatch?.interval = 8
        effects = state.handle(.key(.character("r")))
        let again = try #require(effects.ticket(in: .tab(.releases)))
        effects = try state.answer(again, with: list)
        #expect(Self.polls(effects).map(\.seconds) == [1], "r starts the backoff again")
    }

    @Test("polling backs off 1s, 2s, 4s, 8s, 8s, one request at a time, stops when the tab is left or the app quits")
    @MainActor
    func pollingBacksOffAndStops() async throws {
        let fixture = try await WritableFixture.make(releaseJobs: .held)
        var (state, effects) = try await Self.releasesTabByHand(fixture)
        #expect(state.dataset?.releaseWatch?.name == "v2.0-rc1", "the seed's PENDING release is watched when the tab opens")
        #expect(Self.polls(effects).count == 1)
        for key in "Nv9" { _ = state.handle(.key(.character(key))) }
        _ = state.handle(.key(.enter))
        #expect(state.isEditingText, "the description is asked for")
        let create = state.handle(.key(.enter))
        guard let createWrite = create.ticket(in: .releaseWrite), case .addRelease(_, "v9", "") = createWrite.request else {
            throw TestFailure("no release creation in \(create)")
        }
        _ = state.handle(.key(.character("N")))
        #expect(state.overlay != nil, "a second creation may be typed while the first is sent (it would be queued)")
        _ = state.handle(.key(.escape))
        #expect(state.overlay == nil && state.writes.unsaved == 1)
        let pending = try await fixture.store().addRelease("jane/street-scenes", name: "v9", description: "")
        effects = try state.answer(createWrite, with: pending)
        #expect(BrowserView.text(state).contains("v9 PENDING · checked 0s ago"))
        #expect(effects.contains(.cancel(.releasePoll)), "the new release takes over the one poll")
        var waits: [Int] = []
        for _ in 0..<5 {
            let polls = Self.polls(effects)
            #expect(polls.count == 1)
            guard let poll = polls.first else { break }
            waits.append(poll.seconds)
            effects = try state.answer(poll.ticket, with: pending)
        }
        #expect(waits == [1, 2, 4, 8, 8])
        let left = state.handle(.key(.character("]")))
        #expect(left.contains(.cancel(.releasePoll)))
        #expect(state.inFlight[.releasePoll] == nil)
        let back = state.handle(.key(.character("[")))
        #expect(back.ticket(in: .releasePoll) != nil, "resumed on return")
        let quit = state.handle(.key(.ctrl("c")))
        #expect(quit.contains(.cancel(.releasePoll)) && quit.contains(.quit), "quitting stops the polling")
    }

    /// The Releases tab opened by hand: with releases that stay PENDING, a headless run would
    /// wait for them. The list was read ahead while the Samples tab was shown (no watch
    /// then); showing the tab starts the watch.
    @MainActor
    static func releasesTabByHand(_ fixture: WritableFixture) async throws -> (AppState, [Effect]) {
        var state = try await fixture.run(":dataset jane/street-scenes<Enter>").state
        let stored = try await fixture.store().getReleases("jane/street-scenes")
        #expect(state.dataset?.releases.items?.map(\.name) == stored.map(\.name), "read ahead")
        #expect(state.inFlight[.releasePoll] == nil, "not watched while another tab is shown")
        var effects: [Effect] = []
        for _ in 0..<3 { effects += state.handle(.key(.character("]"))) }
        #expect(state.dataset?.tab == .releases)
        #expect(effects.ticket(in: .tab(.releases)) == nil, "not asked for again")
        return (state, effects)
    }

    @Test("D asks with the release's name (starting on Keep) and deletes it only when confirmed")
    @MainActor
    func deleteAsksFirst() async throws {
        let fixture = try await WritableFixture.make()
        _ = try await fixture.store().addRelease("jane/street-scenes", name: "old-cut", description: "")
        await fixture.workspace.waitForReleaseJobs()
        let asked = try await fixture.run(Self.releasesTab + "/old-cut<Enter>D")
        #expect(asked.screen.contains("Delete release old-cut"), "\(asked.screen)")
        let kept = try await fixture.run(Self.releasesTab + "/old-cut<Enter>D<Enter>")
        #expect(kept.state.overlay == nil)
        #expect(try await fixture.store().getReleases("jane/street-scenes").contains { $0.name == "old-cut" }, "Enter on Keep keeps it")
        let deleted = try await fixture.run(Self.releasesTab + "/old-cut<Enter>Dy")
        #expect(deleted.statusLine.contains("deleted release old-cut"))
        #expect(deleted.rows(containing: "old-cut").filter { !$0.contains("/old-cut") && !$0.contains("deleted release") }.isEmpty)
        #expect(try await fixture.store().getReleases("jane/street-scenes").contains { $0.name == "old-cut" } == false)
    }

    @Test("A labeler is not offered N or D, and pressing them names the role they need")
    @MainActor
    func labelerIsNotOffered() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.releasesTab + "N", user: "bob")
        #expect(result.state.overlay == nil)
        #expect(result.statusLine.contains("needs the manager role; you are labeler"), "\(result.statusLine)")
        let footer = try await fixture.run(Self.releasesTab, user: "bob").statusLine
        #expect(!footer.contains("new") && !footer.contains("delete"), Comment(rawValue: footer))
    }

    @Test("--read-only refuses N with \"read-only mode\"")
    @MainActor
    func readOnlyRefuses() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.releasesTab + "N", readOnly: true)
        #expect(result.state.overlay == nil)
        #expect(result.statusLine.contains("read-only mode"))
    }

    static func polls(_ effects: [Effect]) -> [(ticket: RequestTicket, seconds: Int)] {
        effects.compactMap { effect in
            guard let ticket = effect.ticket, ticket.slot == .releasePoll, case .pollRelease(_, _, let seconds) = ticket.request else { return nil }
            return (ticket, seconds)
        }
    }
}
