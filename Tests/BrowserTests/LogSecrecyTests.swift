import Browser
import Foundation
import Logging
import SegmentsClient
import SegmentsServer
import TerminalUI
import Testing

/// The browser's log file never holds an API key (issue 16, item 11): not on
/// success, not when the key is refused, not when the server is gone.
@Suite("The browser's log holds no key", .serialized, .timeLimit(.minutes(5)))
struct LogSecrecyTests {
    @Test("a session logged at trace level, with a refused key and a stopped server, never writes a key")
    @MainActor
    func logHoldsNoKey() async throws {
        let fixture = try await WritableFixture.make()
        let key = try await fixture.workspace.rotateAPIKey(username: "jane")
        let wrongKey = String(key.reversed())
        let logFile = fixture.folder.appendingPathComponent("browser.log")
        var logger = Logger(label: "segments-tui") { label in
            (try? FileLogHandler(label: label, fileURL: logFile)).map { $0 as any LogHandler } ?? SwiftLogNoOpLogHandler()
        }
        logger.logLevel = .trace
        let server = try await RunningServer.start(workspace: fixture.workspace, configuration: ServerConfiguration(port: 0))
        let session = SessionInfo(server: server.baseURL)
        for apiKey in [key, wrongKey] {
            let client = try SegmentsClient(
                configuration: SegmentsClientConfiguration(apiKey: apiKey, baseURL: server.baseURL, retryPolicy: .none),
                logger: logger)
            // A client dropped without shutdown stops the whole test process: shut it down
            // however the test ends.
            do {
                _ = await HeadlessRun.run(
                    service: client, session: session, events: try KeyNotation.parse(":dataset jane/street-scenes<Enter>"),
                    size: Size(width: 120, height: 35), logger: logger)
                if apiKey == wrongKey {
                    await server.stop()
                    _ = await HeadlessRun.run(
                        service: client, session: session, events: try KeyNotation.parse("r"),
                        size: Size(width: 120, height: 35), logger: logger)
                }
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
        let log = try String(contentsOf: logFile, encoding: .utf8)
        #expect(log.contains("failed"), "the refused key and the stopped server were logged:\n\(log.prefix(2000))")
        #expect(!log.contains(key))
        #expect(!log.contains(wrongKey))
        #expect(!log.contains(String(key.prefix(12))), "not even a prefix of the key")
    }
}
