import Browser
import SegmentsAPI
import Testing

/// `o` on the Issues tab, against a workspace of its own (it writes).
@Suite("Issues: close and reopen from the Issues tab", .serialized, .timeLimit(.minutes(5)))
struct IssueCurationTests {
    static let issuesTab = ":dataset jane/street-scenes<Enter>:tab issues<Enter>"

    @Test("o closes the selected open issue; the store keeps it closed")
    @MainActor
    func closePersists() async throws {
        let fixture = try await WritableFixture.make()
        let before = try await fixture.run(Self.issuesTab)
        let issue = try #require(before.state.dataset?.visibleIssues.first)
        let result = try await fixture.run(Self.issuesTab + "o")
        #expect(result.statusLine.contains("closed issue"))
        #expect(result.state.dataset?.visibleIssues.contains { $0.uuid == issue.uuid } == false, "gone from the open issues")
        let stored = try await fixture.store().getIssues("jane/street-scenes").first { $0.uuid == issue.uuid }
        #expect(stored?.status == .closed)
    }

    @Test("o on a closed issue reopens it")
    @MainActor
    func reopenPersists() async throws {
        let fixture = try await WritableFixture.make()
        let before = try await fixture.run(Self.issuesTab + "s")
        let issue = try #require(before.state.dataset?.visibleIssues.first)
        #expect(issue.status == .closed)
        let result = try await fixture.run(Self.issuesTab + "so")
        #expect(result.statusLine.contains("reopened issue"))
        let stored = try await fixture.store().getIssues("jane/street-scenes").first { $0.uuid == issue.uuid }
        #expect(stored?.status == .open)
    }

    @Test("the row changes at once; a second change waits its turn; a refusal undoes both and says so")
    @MainActor
    func refusedToggleRollsBack() async throws {
        let fixture = try await WritableFixture.make()
        var state = try await fixture.run(Self.issuesTab).state
        let issue = try #require(state.dataset?.visibleIssues.first)
        let effects = state.handle(.key(.character("o")))
        guard let write = effects.ticket(in: .issueWrite) else { throw TestFailure("no issue write in \(effects)") }
        #expect(state.dataset?.issues.items?.first { $0.uuid == issue.uuid }?.status == .closed, "optimistic")
        let second = try #require(state.dataset?.visibleIssues.first, "the next open issue is now the first")
        #expect(state.handle(.key(.character("o"))).isEmpty, "the second change is queued, not sent beside the first")
        #expect(state.dataset?.issues.items?.first { $0.uuid == second.uuid }?.status == .closed, "and shown at once")
        #expect(state.writes.unsaved == 2)
        _ = try state.fail(write, with: .authorization("You do not have permission to perform this action."))
        #expect(state.dataset?.issues.items?.first { $0.uuid == issue.uuid }?.status == .open, "rolled back")
        #expect(state.dataset?.visibleIssues.first?.uuid == issue.uuid)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("Could not close issue") == true)
        #expect(state.message?.text.contains("do not have permission") == true)
        #expect(state.message?.text.contains("Not applied either: close issue") == true, "\(state.message?.text ?? "")")
        #expect(state.dataset?.issues.items?.first { $0.uuid == second.uuid }?.status == .open, "the later change is undone too")
        #expect(state.writes.unsaved == 0)
    }

    @Test("--read-only refuses o with \"read-only mode\" and the issue stays open")
    @MainActor
    func readOnlyRefuses() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.issuesTab + "o", readOnly: true)
        let issue = try #require(result.state.dataset?.visibleIssues.first)
        #expect(result.statusLine.contains("read-only mode"))
        let stored = try await fixture.store().getIssues("jane/street-scenes").first { $0.uuid == issue.uuid }
        #expect(stored?.status == .open)
    }
}

/// `N` and `D`: dialogs, then one write.
@Suite("Issues: open a new one, delete with confirmation", .serialized, .timeLimit(.minutes(5)))
struct IssueDialogTests {
    static let issuesTab = IssueCurationTests.issuesTab

    @Test("N in the sample detail opens an issue on that sample; it shows at once and the store has it")
    @MainActor
    func newIssueFromDetail() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(":dataset jane/street-scenes<Enter><Enter>NWheel<Space>mislabelled<Enter>")
        let sample = try #require(result.state.dataset?.detail?.sample)
        let stored = try await fixture.store().getIssues("jane/street-scenes").filter { $0.sampleUUID == sample.uuid }
        #expect(stored.contains { $0.description == "Wheel mislabelled" && $0.status == .open })
        #expect(result.statusLine.contains("opened issue “Wheel mislabelled” on \(sample.name)"))
        #expect(result.screen.contains("Wheel mislabelled"), "listed in the detail's issues")
    }

    @Test("N with an empty description says so and opens nothing")
    @MainActor
    func emptyIssueRefused() async throws {
        let fixture = try await WritableFixture.make()
        let before = try await fixture.store().getIssues("jane/street-scenes").count
        let result = try await fixture.run(":dataset jane/street-scenes<Enter><Enter>N<Space><Enter>")
        #expect(result.statusLine.contains("An issue needs a description"))
        #expect(try await fixture.store().getIssues("jane/street-scenes").count == before)
    }

    @Test("D asks first, naming the issue; Enter keeps it (the default), y deletes it")
    @MainActor
    func deleteAsksFirst() async throws {
        let fixture = try await WritableFixture.make()
        let asked = try await fixture.run(Self.issuesTab + "D")
        let issue = try #require(asked.state.dataset?.visibleIssues.first)
        #expect(asked.screen.contains("Delete the issue “\(issue.description.prefix(20))"))
        let kept = try await fixture.run(Self.issuesTab + "D<Enter>")
        #expect(kept.state.overlay == nil)
        #expect(try await fixture.store().getIssues("jane/street-scenes").contains { $0.uuid == issue.uuid })
        let deleted = try await fixture.run(Self.issuesTab + "Dy")
        #expect(deleted.statusLine.contains("deleted issue"))
        #expect(deleted.state.dataset?.issues.items?.contains { $0.uuid == issue.uuid } == false)
        #expect(try await fixture.store().getIssues("jane/street-scenes").contains { $0.uuid == issue.uuid } == false)
    }

    @Test("a confirmed delete takes the row away at once and puts it back where it was if the server refuses")
    @MainActor
    func refusedDeleteRollsBack() async throws {
        let fixture = try await WritableFixture.make()
        var state = try await fixture.run(Self.issuesTab + "j").state
        let before = try #require(state.dataset?.issues.items)
        let issue = try #require(state.dataset?.visibleIssues.dropFirst().first)
        _ = state.handle(.key(.character("D")))
        let effects = state.handle(.key(.character("y")))
        guard let write = effects.ticket(in: .issueWrite), write.request == .deleteIssue(uuid: issue.uuid) else {
            throw TestFailure("no delete in \(effects)")
        }
        #expect(state.dataset?.issues.items?.contains { $0.uuid == issue.uuid } == false, "gone at once")
        _ = try state.fail(write, with: .authorization("You do not have permission to perform this action."))
        #expect(state.dataset?.issues.items?.map(\.uuid) == before.map(\.uuid), "back in its place")
        #expect(state.message?.text.contains("Could not delete issue") == true)
    }

    @Test("--read-only refuses N and D with \"read-only mode\"; D is flagged destructive in the table")
    @MainActor
    func readOnlyRefusesDialogs() async throws {
        let fixture = try await WritableFixture.make()
        for key in ["N", "D"] {
            let result = try await fixture.run(Self.issuesTab + key, readOnly: true)
            #expect(result.state.overlay == nil)
            #expect(result.statusLine.contains("read-only mode"), "\(key): \(result.statusLine)")
        }
        #expect(Bindings.all.first { $0.command == .deleteIssue }?.isDestructive == true)
    }
}
