import Browser
import SegmentsAPI
import Testing

/// Editing issues, multi-line descriptions, and the issue keys inside the sample detail.
@Suite("Issues: edit, multi-line, and from the sample detail", .serialized, .timeLimit(.minutes(5)))
struct IssueEditTests {
    static let issuesTab = ":dataset jane/street-scenes<Enter>:tab issues<Enter>"

    @Test("e opens the description for editing; Enter saves it to the store")
    @MainActor
    func editSaves() async throws {
        let fixture = try await WritableFixture.make()
        let before = try await fixture.run(Self.issuesTab + "e")
        let issue = try #require(before.state.dataset?.visibleIssues.first)
        #expect(before.screen.contains("Edit issue on \(issue.sampleName)"))
        #expect(before.screen.contains("Ctrl-J or Alt-Enter: new line"))
        let result = try await fixture.run(Self.issuesTab + "e<C-j>see frame 3<Enter>")
        #expect(result.statusLine.contains("saved the description"), "\(result.statusLine)")
        let stored = try await fixture.store().getIssues("jane/street-scenes").first { $0.uuid == issue.uuid }
        #expect(stored?.description == issue.description + "\nsee frame 3")
        #expect(result.screen.contains("(label missing) ↵"), "one line per row in the table")
    }

    @Test("a refused edit puts the old description back and says why")
    @MainActor
    func refusedEditRollsBack() async throws {
        let fixture = try await WritableFixture.make()
        var state = try await fixture.run(Self.issuesTab).state
        let issue = try #require(state.dataset?.visibleIssues.first)
        _ = state.handle(.key(.character("e")))
        _ = state.handle(.key(.character("!")))
        let effects = state.handle(.key(.enter))
        guard let write = effects.ticket(in: .issueWrite), case .setIssueDescription(_, let text) = write.request else {
            throw TestFailure("no issue write in \(effects)")
        }
        #expect(text == issue.description + "!")
        #expect(state.dataset?.issues.items?.first { $0.uuid == issue.uuid }?.description == text, "optimistic")
        _ = try state.fail(write, with: .authorization("You do not have permission to perform this action."))
        #expect(state.dataset?.issues.items?.first { $0.uuid == issue.uuid }?.description == issue.description)
        #expect(state.message?.text.contains("its description is unchanged") == true)
    }

    @Test("N in the sample detail takes several lines; the detail shows each")
    @MainActor
    func multiLineNewIssue() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(":dataset jane/street-scenes<Enter><Enter>Nfirst line<C-j>second line<Enter>")
        let sample = try #require(result.state.dataset?.detail?.sample)
        let stored = try await fixture.store().getIssues("jane/street-scenes").filter { $0.sampleUUID == sample.uuid }
        #expect(stored.contains { $0.description == "first line\nsecond line" })
        #expect(result.screen.contains("first line") && result.screen.contains("second line"))
    }

    @Test("o and D in the sample detail act on the sample's selected issue")
    @MainActor
    func detailIssueKeys() async throws {
        let fixture = try await WritableFixture.make()
        let opened = try await fixture.run(Self.issuesTab + "<Enter>")
        let issue = try #require(opened.state.dataset?.visibleIssues.first)
        let closed = try await fixture.run(Self.issuesTab + "<Enter>o")
        #expect(closed.statusLine.contains("closed issue"), "\(closed.statusLine)")
        #expect(try await fixture.store().getIssues("jane/street-scenes").first { $0.uuid == issue.uuid }?.status == .closed)
        let deleted = try await fixture.run(Self.issuesTab + "s<Enter>Dy")
        #expect(deleted.statusLine.contains("deleted issue"), "\(deleted.statusLine)")
        #expect(try await fixture.store().getIssues("jane/street-scenes").contains { $0.uuid == issue.uuid } == false)
    }

    @Test("i cycles through the sample's issues when it has several")
    @MainActor
    func cycleIssues() async throws {
        let fixture = try await WritableFixture.make()
        let first = try await fixture.run(":dataset jane/street-scenes<Enter><Enter>Nalpha<Enter>Nbeta<Enter>")
        #expect(first.screen.contains("▸"))
        let cycled = try await fixture.run(":dataset jane/street-scenes<Enter><Enter>I")
        #expect(cycled.statusLine.contains("issue 2 of"), "\(cycled.statusLine)")
    }

    @Test("a labeler may not delete someone else's issue and is told why")
    @MainActor
    func labelerCannotDeleteOthers() async throws {
        let fixture = try await WritableFixture.make()
        let sample = try #require(try await fixture.store().getSamples("jane/street-scenes", query: SampleQuery(perPage: 1)).first)
        _ = try await fixture.store("jane").addIssue(sampleUUID: sample.uuid, NewIssue(description: "owner's own note"))
        let result = try await fixture.run(Self.issuesTab + "/owner's own<Enter>D", user: "bob")
        #expect(result.state.dataset?.visibleIssues.first?.createdBy == "jane")
        #expect(result.state.overlay == nil)
        #expect(result.statusLine.contains("needs the reviewer role (or to be its author); you are labeler"), "\(result.statusLine)")
    }
}
