import Browser
import Foundation
import Logging
import SegmentsClient
import SegmentsServer
import TerminalUI
import Testing

/// `r` retries what failed wherever the focus is (issue 16, item 7): one app
/// kept across a server outage, against a real server on 127.0.0.1.
@Suite("r retries what failed, wherever the focus is", .serialized, .timeLimit(.minutes(5)))
struct RetryTests {
    @Test("r on the datasets pane retries the samples page that failed in the other pane")
    @MainActor
    func retryFromTheDatasetsPane() async throws {
        let fixture = try await WritableFixture.make()
        let key = try await fixture.workspace.rotateAPIKey(username: "jane")
        var server = try await RunningServer.start(workspace: fixture.workspace, configuration: ServerConfiguration(port: 0))
        let port = server.port
        let client = try SegmentsClient(
            configuration: SegmentsClientConfiguration(apiKey: key, baseURL: server.baseURL, retryPolicy: .none))
        // A client dropped without shutdown stops the whole test process: shut it down
        // however the test ends.
        do {
            let app = BrowserApp(
                service: client, terminal: HeadlessTerminal(size: Size(width: 120, height: 35)),
                session: SessionInfo(server: server.baseURL), logger: Logger(label: "retry-tests"), ticks: false)
            app.begin()
            let loop = Task { await app.loop() }
            func press(_ keys: String) async throws {
                for event in try KeyNotation.parse(keys) {
                    app.send(event)
                    await app.waitUntilIdle()
                }
            }
            await app.waitUntilIdle()
            try await press(":dataset jane/street-scenes<Enter>")
            #expect(app.state.dataset?.samples.pages.isEmpty == false)

            await server.stop()
            try await press("r")
            #expect(app.state.dataset?.samples.error != nil, "the samples reload failed with the server down")
            try await press("<Tab>")
            #expect(app.state.focus == .datasets)

            // The server is back on the same port; `r` from the datasets pane also retries the samples.
            server = try await RunningServer.start(workspace: fixture.workspace, configuration: ServerConfiguration(port: port))
            try await press("r")
            #expect(app.state.dataset?.samples.error == nil)
            #expect(app.state.dataset?.samples.pages.isEmpty == false)
            #expect(app.state.datasets.error == nil && app.state.datasets.items?.isEmpty == false)

            app.stop()
            await loop.value
            await server.stop()
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
