import Foundation
import SegmentsAPI
import SegmentsClient
import SegmentsServer
import SegmentsStore
import Testing

/// The two implementations of `SegmentsService` the conformance suite runs against.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// The embedded SQLite store, called directly.
    case store
    /// `SegmentsClient` over HTTP to `RunningServer` on 127.0.0.1 (ephemeral port), over the same kind of store.
    case http

    var testDescription: String { rawValue }
}

/// A temp workspace with users jane (owner of everything made through `service`),
/// bob and carol, and organisation acme (owner jane, member bob), reachable
/// through the chosen backend.
final class BackendFixture: Sendable {
    let backend: Backend
    let folder: URL
    let workspace: Workspace
    let server: RunningServer?
    let keys: [String: String]
    private let clients: [SegmentsClient]
    /// jane, bob and carol's view of the API.
    let jane: any SegmentsService
    let bob: any SegmentsService
    let carol: any SegmentsService

    private init(
        backend: Backend, folder: URL, workspace: Workspace, server: RunningServer?, keys: [String: String],
        clients: [SegmentsClient], services: [any SegmentsService]
    ) {
        self.backend = backend
        self.folder = folder
        self.workspace = workspace
        self.server = server
        self.keys = keys
        self.clients = clients
        self.jane = services[0]
        self.bob = services[1]
        self.carol = services[2]
    }

    static let usernames = ["jane", "bob", "carol"]

    static func make(_ backend: Backend) async throws -> BackendFixture {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("segments-client-tests-\(UUID().uuidString)", isDirectory: true)
        let workspace = try await Workspace(folder: folder)
        var keys: [String: String] = [:]
        for name in usernames {
            keys[name] = try await workspace.createUser(username: name, email: "\(name)@example.com").apiKey
        }
        _ = try await workspace.createOrganization(name: "acme", owner: "jane")
        try await workspace.addOrganizationMember(organization: "acme", username: "bob", role: .labeler)

        switch backend {
        case .store:
            let services = usernames.map { workspace.store(actingAs: $0, baseURL: workspace.fileBaseURL) as any SegmentsService }
            return BackendFixture(
                backend: backend, folder: folder, workspace: workspace, server: nil, keys: keys, clients: [],
                services: services)
        case .http:
            let server = try await RunningServer.start(workspace: workspace, configuration: ServerConfiguration(port: 0))
            let clients = try usernames.map { name in
                try SegmentsClient(
                    configuration: SegmentsClientConfiguration(
                        apiKey: keys[name] ?? "", baseURL: server.baseURL, retryPolicy: fastRetries))
            }
            return BackendFixture(
                backend: backend, folder: folder, workspace: workspace, server: server, keys: keys, clients: clients,
                services: clients)
        }
    }

    func tearDown() async {
        for client in clients { try? await client.shutdown() }
        await server?.stop()
        await workspace.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Runs `body` against a fresh fixture of `backend`, always tearing it down.
func withBackend(_ backend: Backend, _ body: (BackendFixture) async throws -> Void) async throws {
    let fixture = try await BackendFixture.make(backend)
    do {
        try await body(fixture)
    } catch {
        await fixture.tearDown()
        throw error
    }
    await fixture.tearDown()
}

/// The SDK exception class `body` throws (its `SegmentsError.kind`), or a description of what else happened.
func errorKind(_ body: () async throws -> Void) async -> String {
    do {
        try await body()
        return "no error"
    } catch let error as SegmentsError {
        return error.kind
    } catch {
        return "non-SegmentsError \(type(of: error)): \(error)"
    }
}

/// Sample attributes for an image at a made-up URL.
func imageAttributes(_ name: String) -> SampleAttributes {
    SampleAttributes(json: ["image": ["url": .string("https://example.com/images/\(name)")]])
}

let bboxAttributes = LabelAttributes(json: [
    "format_version": "0.1",
    "annotations": [["id": 1, "category_id": 1, "type": "bbox", "points": [[1.0, 2.0], [3.0, 4.0]]]],
])

let bboxTaskAttributes = TaskAttributes(formatVersion: "0.1", categories: [TaskCategory(name: "car", id: 1)])
