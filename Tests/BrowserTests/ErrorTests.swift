import Browser
import Foundation
import SegmentsClient
import SegmentsServer
import Testing

@Suite("Failures show and the browser stays usable", .serialized, .timeLimit(.minutes(5)))
struct ErrorTests {
    @Test("with the server stopped, errors show in the pane and status bar, and keys still work")
    @MainActor
    func serverStopped() async throws {
        let fixture = try await BrowserFixture.shared.value
        let key = try await fixture.workspace.rotateAPIKey(username: "jane")
        let server = try await RunningServer.start(workspace: fixture.workspace, configuration: ServerConfiguration(port: 0))
        let client = try SegmentsClient(
            configuration: SegmentsClientConfiguration(apiKey: key, baseURL: server.baseURL, retryPolicy: .none))
        // A client dropped without shutdown stops the whole test process: shut it down
        // however the test ends.
        do {
            let live = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>", service: client)
            #expect(live.screen.contains("1 of 120"), "the remote mode browses the served workspace")
            await server.stop()

            let result = try await BrowserFixture.run("", service: client)
            #expect(result.statusLine.contains("NetworkError") || result.statusLine.contains("Error"))
            #expect(result.screen.contains("press r to retry"))
            let afterKeys = try await BrowserFixture.run("?<Esc>r", service: client)
            #expect(!afterKeys.state.isQuitting)
            #expect(!afterKeys.state.isBusy)
            #expect(afterKeys.state.datasets.error != nil)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    @Test("an unknown sample uuid shows a not-found error")
    @MainActor
    func unknownSample() async throws {
        let result = try await BrowserFixture.run(":sample 00000000-0000-0000-0000-000000000000<Enter>")
        #expect(result.statusLine.contains("NotFoundError"))
        #expect(result.state.dataset?.detail == nil)
    }
}
