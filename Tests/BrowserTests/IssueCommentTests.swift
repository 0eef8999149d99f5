import Browser
import Foundation
import SegmentsAPI
import SegmentsClient
import SegmentsServer
import Testing

/// `c` adds a comment to an issue's thread, embedded and through `segments-tui serve`.
@Suite("Issue comments", .serialized, .timeLimit(.minutes(5)))
struct IssueCommentTests {
    @Test("c on the Issues tab adds a comment the thread shows and the store keeps")
    @MainActor
    func commentEmbedded() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(":dataset jane/street-scenes<Enter>:tab issues<Enter>cFixed in frame 12 too<Enter>")
        let issue = try #require(result.state.dataset?.visibleIssues.first)
        let stored = try #require(try await fixture.store().getIssues("jane/street-scenes").first { $0.uuid == issue.uuid })
        #expect(stored.comments.last?.text == "Fixed in frame 12 too")
        #expect(stored.comments.last?.createdBy == "jane")
        #expect(result.statusLine.contains("commented on issue"), "\(result.statusLine)")
        #expect(result.screen.contains("jane: Fixed in frame 12 too"), "\(result.screen)")
        let empty = try await fixture.run(":dataset jane/street-scenes<Enter>:tab issues<Enter>c<Enter>")
        #expect(empty.statusLine.contains("An empty comment was not sent."))
    }

    @Test("c in the sample detail comments through the HTTP client and serve")
    @MainActor
    func commentRemote() async throws {
        let fixture = try await WritableFixture.make()
        let key = try await fixture.workspace.rotateAPIKey(username: "carol")
        let server = try await RunningServer.start(workspace: fixture.workspace, configuration: ServerConfiguration(port: 0))
        let client = try SegmentsClient(configuration: SegmentsClientConfiguration(apiKey: key, baseURL: server.baseURL))
        // A client dropped without shutdown stops the whole test process: shut it down
        // however the test ends.
        do {
            let result = try await BrowserFixture.run(
                ":dataset jane/street-scenes<Enter>:tab issues<Enter><Enter>cLooks right now<Enter>", service: client)
            let uuid = try #require(result.state.dataset?.visibleIssues.first?.uuid)
            let stored = try #require(try await fixture.store().getIssues("jane/street-scenes").first { $0.uuid == uuid })
            #expect(stored.comments.last.map { [$0.text, $0.createdBy] } == ["Looks right now", "carol"])
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        await server.stop()
    }
}
