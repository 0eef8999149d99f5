import Browser
import Logging
import SegmentsAPI
import TerminalUI
import Testing

/// Every key counts, in order: bursts typed faster than the store answers.
@Suite("Type-ahead: keys typed faster than the answers", .serialized, .timeLimit(.minutes(5)))
struct TypeAheadTests {
    /// Street scenes, the queue over four label statuses (about half the samples), first one open.
    static let queue = ":dataset jane/street-scenes<Enter>s2346<Enter>T"

    @Test("a burst of 20 triage keys gives 20 decisions, in order, each on the sample it was meant for")
    @MainActor
    func twentyInABurst() async throws {
        let fixture = try await WritableFixture.make()
        let keys = Array("aaxaxxaaxaaaxaxaaxxa")
        let result = try await fixture.run(Self.queue + "<Burst>" + String(keys) + "</Burst>")
        let samples = try #require(result.state.dataset?.samples)
        #expect(result.state.triage.decisions.count == keys.count)
        #expect(result.state.triage.outbox.isEmpty)
        for (row, key) in keys.enumerated() {
            let sample = try #require(samples.sample(at: row))
            let stored = try await fixture.store().getLabel(sampleUUID: sample.uuid, labelset: "ground-truth")
            #expect(stored.labelStatus == (key == "a" ? .reviewed : .rejected), "row \(row) \(sample.name)")
            #expect(result.state.triage.decisions[row].sampleUUID == sample.uuid)
        }
        #expect(result.state.dataset?.detail?.uuid == samples.sample(at: keys.count)?.uuid)
        #expect(result.screen.contains("20 of"), "\(result.screen)")
    }

    @Test("keys typed while the next sample loads wait for it; the decision shows before the store answers")
    @MainActor
    func keysWaitForTheirSample() async throws {
        let fixture = try await WritableFixture.make()
        var state = try await fixture.run(Self.queue).state
        let first = try #require(state.dataset?.samples.sample(at: 0))
        // As on a slow link before the read-ahead answered (TriageAheadTests covers the rest).
        state.dataset?.queue?.ahead = [:]
        let effects = state.handle(.key(.character("a")))
        let writes = effects.filter { $0.ticket?.slot == .labelWrite }
        #expect(writes.count == 1)
        #expect(state.triage.decisions.map(\.sampleUUID) == [first.uuid])
        #expect(state.dataset?.samples.sample(at: 0)?.label.map(\.status) == .reviewed, "the row shows the decision at once")
        // The next sample is loading: x waits for it instead of being lost or applied to nothing.
        #expect(state.handle(.key(.character("x"))).isEmpty)
        #expect(state.typeAhead == [.character("x")])
        // Ctrl-C never waits: with a decision unsaved it asks first.
        _ = state.handle(.key(.ctrl("c")))
        #expect(!state.isQuitting)
        #expect(BrowserView.text(state).contains("still being saved"))
    }

    @Test("a refused write rolls back itself and everything typed after it, and says which sample")
    @MainActor
    func refusalStopsTheQueue() async throws {
        let fixture = try await WritableFixture.make()
        let browser = LiveBrowser(service: fixture.store("carol"))
        try await browser.type(":dataset jane/street-scenes<Enter>sjj<Space><Enter><Enter>")
        let first = try #require(browser.state.dataset?.samples.sample(at: 0))
        #expect(browser.state.dataset?.access == .reviewer)
        // Demoted meanwhile: the store refuses carol's first write.
        _ = try await fixture.store("jane").updateDatasetCollaborator("jane/street-scenes", username: "carol", role: .labeler)
        try await browser.type("<Burst>aaa</Burst>")
        let state = browser.state
        await browser.stop()
        #expect(state.triage.decisions.isEmpty)
        #expect(state.triage.outbox.isEmpty)
        #expect(state.typeAhead.isEmpty)
        #expect(state.dataset?.detail?.uuid == first.uuid, "back on the refused sample")
        #expect(state.message?.kind == .error)
        let text = state.message?.text ?? ""
        #expect(text.hasPrefix("Accept of \(first.name) not saved: ") && text.contains("Stopped there"), "\(text)")
        for row in 0..<3 {
            guard let sample = state.dataset?.samples.sample(at: row) else { continue }
            let stored = try await fixture.store().getLabel(sampleUUID: sample.uuid, labelset: "ground-truth")
            #expect(stored.labelStatus == .labeled, "\(sample.name)")
            #expect(sample.label.map(\.status) == .labeled, "the row is rolled back too")
        }
    }

    @Test("Enter typed right after :dataset waits for the first rows and opens the first sample")
    @MainActor
    func enterWaitsForTheList() async throws {
        let result = try await BrowserFixture.run("<Burst>:dataset jane/street-scenes<Enter><Enter></Burst>")
        let first = try #require(result.state.dataset?.samples.sample(at: 0))
        #expect(result.state.dataset?.detail?.uuid == first.uuid, "\(result.screen)")
    }

    @Test("Enter sent as Ctrl-J (a terminal in newline mode, tmux) waits as Enter does")
    @MainActor
    func enterAsControlJWaits() async throws {
        let result = try await BrowserFixture.run("<Burst>:dataset jane/street-scenes<Enter><C-j></Burst>")
        let first = try #require(result.state.dataset?.samples.sample(at: 0))
        #expect(result.state.dataset?.detail?.uuid == first.uuid, "\(result.screen)")
    }

    @Test(":dataset and Enter typed before the datasets list arrives wait for it (keys at the first frame)")
    @MainActor
    func datasetCommandWaitsForTheList() async throws {
        let fixture = try await BrowserFixture.shared.value
        let app = BrowserApp(
            service: fixture.store(), terminal: HeadlessTerminal(size: Size(width: 120, height: 35)),
            session: SessionInfo(server: "test workspace"), logger: Logger(label: "browser-tests"), ticks: false)
        app.begin()
        // Queued before the loop runs, so before the datasets list can land: as typed at the first frame.
        for step in try KeyNotation.steps(":dataset jane/street-scenes<Enter>") { step.forEach(app.send) }
        let loop = Task { await app.loop() }
        await app.waitUntilIdle()
        #expect(app.state.dataset?.fullName == "jane/street-scenes", "\(BrowserView.text(app.state))")
        app.stop()
        await loop.value
    }

    @Test("u in a burst takes back the last decision, sent or not, and goes back to its sample")
    @MainActor
    func undoTypedAhead() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.queue + "<Burst>aau</Burst>")
        let samples = try #require(result.state.dataset?.samples)
        let first = try #require(samples.sample(at: 0))
        let second = try #require(samples.sample(at: 1))
        #expect(result.state.triage.decisions.map(\.sampleUUID) == [first.uuid])
        #expect(result.state.dataset?.detail?.uuid == second.uuid, "u shows the sample it undid")
        let stored = try await fixture.store().getLabel(sampleUUID: second.uuid, labelset: "ground-truth")
        #expect(stored.labelStatus == second.label.map(\.status), "\(stored.labelStatus)")
        #expect(try await fixture.store().getLabel(sampleUUID: first.uuid, labelset: "ground-truth").labelStatus == .reviewed)
    }
}

/// The browser running on its own loop, typed into step by step (a burst is one step), so a
/// test can change the store between steps.
@MainActor
final class LiveBrowser {
    let app: BrowserApp
    let loop: Task<Void, Never>

    init(service: any SegmentsService, size: Size = Size(width: 120, height: 35)) {
        app = BrowserApp(
            service: service, terminal: HeadlessTerminal(size: size), session: SessionInfo(server: "test workspace"),
            logger: Logger(label: "browser-tests"), ticks: false)
        app.begin()
        let app = app
        loop = Task { await app.loop() }
    }

    var state: AppState { app.state }

    func type(_ keys: String) async throws {
        await app.waitUntilIdle()
        for step in try KeyNotation.steps(keys) {
            step.forEach(app.send)
            await app.waitUntilIdle()
        }
    }

    func stop() async {
        app.stop()
        await loop.value
    }
}

extension SampleLabel {
    var status: LabelStatus {
        switch self {
        case .full(let label): label.labelStatus
        case .summary(let summary): summary.labelStatus
        }
    }
}

@Suite("Triage queue: leaving it", .serialized, .timeLimit(.minutes(5)))
struct TriageQueueLeavingTests {
    @Test("leaving the queue puts back the filter and sort from before it")
    @MainActor
    func leavingRestoresFilter() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>o4T<Esc>")
        let filter = try #require(result.state.dataset?.samples.filter)
        #expect(filter.statuses.isEmpty)
        #expect(filter.sort == SampleSort.allCases[3])
        #expect(result.state.dataset?.detail == nil)
        #expect(result.statusLine.contains("Left the triage queue"))
    }
}

