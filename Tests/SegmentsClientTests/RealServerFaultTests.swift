import Foundation
import SegmentsAPI
import SegmentsClient
import SegmentsServer
import SegmentsStore
import Testing

/// Faults against the real server on loopback: restarts, bad keys, its rate limit.
@Suite("Faults against the real server")
struct RealServerFaultTests {
    static func workspace() async throws -> (Workspace, URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segments-client-faults-\(UUID().uuidString)")
        let workspace = try await Workspace(folder: folder)
        let key = try await workspace.createUser(username: "jane", email: nil).apiKey
        return (workspace, folder, key)
    }

    @Test("a server stopped mid-sequence gives a clear error, and the same client works after a restart")
    func serverStoppedMidSequence() async throws {
        let (workspace, folder, key) = try await Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        var server = try await RunningServer.start(workspace: workspace, configuration: ServerConfiguration(port: 0))
        let port = server.port
        let client = try SegmentsClient(
            configuration: SegmentsClientConfiguration(apiKey: key, baseURL: server.baseURL, retryPolicy: fastRetries))
        _ = try await client.addDataset(NewDataset(name: "cars"))
        #expect(try await client.getDataset("jane/cars").name == "cars")

        await server.stop()
        let error = await segmentsError { _ = try await client.getDataset("jane/cars") }
        if case .network(let message)? = error {
            #expect(message.contains("127.0.0.1:\(port)/datasets/jane/cars/"), "\(message)")
            #expect(!message.contains(key))
        } else {
            Issue.record("expected a network error, got \(String(describing: error))")
        }

        server = try await RunningServer.start(workspace: workspace, configuration: ServerConfiguration(port: port))
        #expect(try await client.getDataset("jane/cars").name == "cars")
        try await client.shutdown()
        await server.stop()
        await workspace.shutdown()
    }

    @Test("a wrong or missing API key is an authentication error, from the status check and from any call")
    func wrongKey() async throws {
        let (workspace, folder, _) = try await Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await RunningServer.start(workspace: workspace, configuration: ServerConfiguration(port: 0))
        for key in ["WRONG", ""] {
            let client = try SegmentsClient(apiKey: key, baseURL: server.baseURL)
            #expect(await errorKind { try await client.checkAPIStatus() } == "AuthenticationError", "key \(key)")
            #expect(await errorKind { _ = try await client.getUser() } == "AuthenticationError", "key \(key)")
            try await client.shutdown()
        }
        await server.stop()
        await workspace.shutdown()
    }

    @Test("the server's 429 with Retry-After is waited out and the GETs succeed")
    func rateLimitIsRetried() async throws {
        let (workspace, folder, key) = try await Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await RunningServer.start(
            workspace: workspace, configuration: ServerConfiguration(port: 0, rateLimit: RateLimit(requests: 3, per: .seconds(1))))
        let client = try SegmentsClient(
            configuration: SegmentsClientConfiguration(apiKey: key, baseURL: server.baseURL, retryPolicy: fastRetries))
        for _ in 0..<6 { #expect(try await client.getUser().username == "jane") }
        try await client.shutdown()
        await server.stop()

        // A window far longer than the test, so the limit is hit however slow the machine is.
        let strict = try await RunningServer.start(
            workspace: workspace, configuration: ServerConfiguration(port: 0, rateLimit: RateLimit(requests: 3, per: .seconds(600))))
        let noRetries = try SegmentsClient(
            configuration: SegmentsClientConfiguration(apiKey: key, baseURL: strict.baseURL, retryPolicy: .none))
        var kinds: [String] = []
        for _ in 0..<5 { kinds.append(await errorKind { _ = try await noRetries.getUser() }) }
        #expect(kinds == ["no error", "no error", "no error", "APILimitError", "APILimitError"])
        try await noRetries.shutdown()
        await strict.stop()
        await workspace.shutdown()
    }
}
