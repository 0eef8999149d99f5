import Foundation
import SegmentsStore

@testable import SegmentsServer

/// A real server on 127.0.0.1 with an ephemeral port over a workspace in a temp folder.
struct TestServer {
    let workspace: Workspace
    let server: RunningServer
    let folder: URL
    /// The owner's key.
    let janeKey: String
    let bobKey: String

    var port: Int { server.port }

    static func start(configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> TestServer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segments-server-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workspace = try await Workspace(folder: folder)
        let jane = try await workspace.createUser(username: "jane", email: "jane@example.org")
        let bob = try await workspace.createUser(username: "bob", email: nil)
        var configuration = ServerConfiguration(port: 0)
        configure(&configuration)
        let server = try await RunningServer.start(workspace: workspace, configuration: configuration)
        return TestServer(
            workspace: workspace, server: server, folder: folder, janeKey: jane.apiKey, bobKey: bob.apiKey)
    }

    func stop() async {
        await server.stop()
        await workspace.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    func get(_ target: String, key: String? = nil) async throws -> HTTPResult {
        try await RawHTTP.request(port: port, "GET", target, apiKey: key)
    }

    func send(_ method: String, _ target: String, _ json: Any, key: String?) async throws -> HTTPResult {
        try await RawHTTP.json(port: port, method, target, json, apiKey: key)
    }

    /// Creates a bboxes dataset owned by jane and returns its full name.
    func makeDataset(_ name: String = "ds-\(UUID().uuidString.prefix(8).lowercased())") async throws -> String {
        let response = try await send(
            "POST", "/user/datasets/",
            ["name": name, "task_type": "bboxes",
             "task_attributes": ["format_version": "0.1", "categories": [["id": 1, "name": "car"]]]],
            key: janeKey)
        guard response.status == 201 else { throw RawHTTPError.malformed("dataset: \(response.status) \(response.text)") }
        return "jane/\(name)"
    }
}
