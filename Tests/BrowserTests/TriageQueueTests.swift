import Browser
import SegmentsAPI
import Testing

/// `T`: the triage queue over the filter, one sample at a time.
@Suite("Triage queue: one sample at a time over the filter", .serialized, .timeLimit(.minutes(5)))
struct TriageQueueTests {
    static let samples = ":dataset jane/street-scenes<Enter>"

    @Test("T with no status filter queues the LABELED samples by priority and shows \"0 of N reviewed\"")
    @MainActor
    func defaultQueue() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.samples + "T")
        let filter = try #require(result.state.dataset?.samples.filter)
        #expect(filter.statuses == [.labeled])
        #expect(filter.sort == .priority && filter.direction == .descending)
        let labeled = try await fixture.store().getSamples(
            "jane/street-scenes", query: SampleQuery(labelStatuses: [.labeled], sort: .priority, direction: .descending, perPage: 1000))
        let first = try #require(labeled.first)
        #expect(result.state.dataset?.detail?.uuid == first.uuid, "the highest priority LABELED sample first")
        #expect(result.screen.contains("TRIAGE"))
        #expect(result.screen.contains("0 of \(labeled.count) reviewed this session"), "\(result.screen)")
        #expect(result.screen.contains("── Label · ground-truth"))
    }

    @Test("a, s and X move through the queue; the progress counts decisions and skips")
    @MainActor
    func decideSkipReject() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.samples + "TasXwheel is not a car<Enter>")
        let samples = try #require(result.state.dataset?.samples)
        let (first, second, third, fourth) = try (
            #require(samples.sample(at: 0)), #require(samples.sample(at: 1)), #require(samples.sample(at: 2)), #require(samples.sample(at: 3)))
        let store = fixture.store()
        #expect(try await store.getLabel(sampleUUID: first.uuid, labelset: "ground-truth").labelStatus == .reviewed)
        #expect(try await store.getLabel(sampleUUID: second.uuid, labelset: "ground-truth").labelStatus == .labeled, "skipped")
        #expect(try await store.getLabel(sampleUUID: third.uuid, labelset: "ground-truth").labelStatus == .rejected)
        let issues = try await store.getIssues("jane/street-scenes").filter { $0.sampleUUID == third.uuid }
        #expect(issues.contains { $0.description == "wheel is not a car" && $0.status == .open }, "the reject opened its issue")
        #expect(result.state.dataset?.detail?.uuid == fourth.uuid)
        #expect(result.screen.contains("2 of "), "\(result.screen)")
        #expect(result.screen.contains("reviewed this session · 1 skipped"))
        let workunits = try await store.getWorkunits("jane/street-scenes", query: WorkunitQuery(perPage: 1000))
        #expect(workunits.contains { $0.sampleUUID == first.uuid }, "decisions appear as workunits")
    }

    @Test("X with an empty reason just rejects; Esc leaves the queue with its tally")
    @MainActor
    func emptyReasonAndLeave() async throws {
        let fixture = try await WritableFixture.make()
        let before = try await fixture.store().getIssues("jane/street-scenes").count
        let result = try await fixture.run(Self.samples + "TX<Enter><Esc>")
        #expect(result.state.dataset?.detail == nil && result.state.dataset?.queue == nil)
        #expect(result.statusLine.contains("Left the triage queue: 1 of"), "\(result.statusLine)")
        #expect(try await fixture.store().getIssues("jane/street-scenes").count == before)
    }

    @Test("u in the queue takes the last decision back and the progress with it")
    @MainActor
    func undoInQueue() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.samples + "Tau")
        #expect(result.screen.contains("0 of "))
        let first = try #require(result.state.dataset?.samples.sample(at: 0))
        #expect(try await fixture.store().getLabel(sampleUUID: first.uuid, labelset: "ground-truth").labelStatus == .labeled)
    }

    @Test("a labeler is not offered T")
    @MainActor
    func labelerNotOffered() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.samples + "T", user: "bob")
        #expect(result.state.dataset?.queue == nil)
        #expect(result.statusLine.contains("needs the reviewer role; you are labeler"))
    }
}

/// `A` in the queue: only the samples assigned to one reviewer or labeler.
@Suite("Triage queue by assignee", .serialized, .timeLimit(.minutes(5)))
struct TriageQueueAssigneeTests {
    @Test("A picks a reviewer; the queue shows only their samples, a moves to the next of theirs, and says when none is left")
    @MainActor
    func onlyTheReviewersSamples() async throws {
        let fixture = try await WritableFixture.make()
        let store = fixture.store()
        let labeled = try await store.getSamples(
            "jane/street-scenes", query: SampleQuery(labelStatuses: [.labeled], sort: .priority, direction: .descending, perPage: 1000))
        #expect(labeled.count >= 5)
        let carols = [labeled[1], labeled[4]]
        for sample in carols { _ = try await store.updateSample(sample.uuid, SampleUpdate(assignedReviewer: .value("carol"))) }
        _ = try await store.updateSample(labeled[2].uuid, SampleUpdate(assignedLabeler: .value("carol")))
        // The menu: everyone, reviewer jane, labeler jane, reviewer carol, labeler carol.
        let picked = try await fixture.run(TriageQueueTests.samples + "TA4")
        #expect(picked.state.dataset?.queue?.assignee == AssigneeFilter(.reviewer, "carol"))
        #expect(picked.state.dataset?.detail?.uuid == carols[0].uuid, "the first of carol's samples, not the first in the queue")
        #expect(picked.screen.contains("only reviewer carol"), "\(picked.screen)")
        let decided = try await fixture.run(TriageQueueTests.samples + "TA4aa")
        #expect(try await store.getLabel(sampleUUID: carols[0].uuid, labelset: "ground-truth").labelStatus == .reviewed)
        #expect(try await store.getLabel(sampleUUID: carols[1].uuid, labelset: "ground-truth").labelStatus == .reviewed)
        #expect(try await store.getLabel(sampleUUID: labeled[2].uuid, labelset: "ground-truth").labelStatus == .labeled, "carol only labels this one")
        #expect(decided.screen.contains("No later sample is assigned to reviewer carol."), "\(decided.screen)")
    }

    @Test("A then everyone walks every sample again")
    @MainActor
    func everyoneAgain() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(TriageQueueTests.samples + "TA1")
        #expect(result.state.dataset?.queue?.assignee == nil)
        #expect(result.statusLine.contains("Triage queue: every sample"), "\(result.statusLine)")
    }
}
