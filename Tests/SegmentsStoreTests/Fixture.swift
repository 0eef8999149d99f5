import Foundation
import SegmentsAPI
@testable import SegmentsStore

/// A workspace in a fresh temp folder with users jane (owner), bob, carol, dave,
/// erin and mallory, and a helper to act as each. The folder goes with the fixture.
final class Fixture: Sendable {
    let folder: URL
    let workspace: Workspace
    let keys: [String: String]

    init(releaseJobs: ReleaseJobStart = .immediately) async throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("segments-store-tests-\(UUID().uuidString)", isDirectory: true)
        workspace = try await Workspace(folder: folder, options: WorkspaceOptions(releaseJobs: releaseJobs))
        var keys: [String: String] = [:]
        for user in ["jane", "bob", "carol", "dave", "erin", "mallory"] {
            keys[user] = try await workspace.createUser(username: user, email: "\(user)@example.com").apiKey
        }
        self.keys = keys
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func store(_ user: String) -> SegmentsStore {
        workspace.store(actingAs: user, baseURL: "http://127.0.0.1:8321")
    }

    var jane: SegmentsStore { store("jane") }

    /// jane/<name>, a bboxes dataset with categories car (1) and person (2).
    @discardableResult
    func dataset(_ name: String = "cars", taskType: TaskType = .bboxes, isPublic: Bool = false) async throws -> Dataset {
        try await jane.addDataset(
            NewDataset(
                name: name, taskType: taskType,
                taskAttributes: TaskAttributes(
                    formatVersion: "0.1",
                    categories: [TaskCategory(name: "car", id: 1), TaskCategory(name: "person", id: 2)]),
                isPublic: isPublic))
    }

    /// Adds samples named as given to jane/<dataset>.
    @discardableResult
    func samples(_ names: [String], in dataset: String = "jane/cars") async throws -> [Sample] {
        try await jane.addSamples(dataset, names.map { NewSample(name: $0, attributes: image($0)) })
    }
}

func image(_ name: String) -> SampleAttributes {
    SampleAttributes(json: ["image": ["url": .string("https://example.com/\(name)")]])
}

func boxes(_ count: Int = 1) -> LabelAttributes {
    LabelAttributes(json: [
        "format_version": "0.1",
        "annotations": .array((1...count).map { id in
            ["id": .int(Int64(id)), "category_id": 1, "type": "bbox", "points": [[1.5, 2.5], [30.5, 40.5]]]
        }),
    ])
}

/// The error a call threw, or nil when it did not throw.
func error<T>(of body: () async throws -> T) async -> SegmentsError? {
    do {
        _ = try await body()
        return nil
    } catch let error as SegmentsError {
        return error
    } catch {
        return .network("unexpected \(error)")
    }
}
