import Browser
import Foundation
import Logging
import SegmentsAPI
import SegmentsStore
import TerminalUI

/// One seeded demo workspace (small datasets plus a large one) shared by the scenarios:
/// seeding is the slow part, and browsing never changes data.
final class BrowserFixture: Sendable {
    static let largeSamples = 20_000
    static let shared: Task<BrowserFixture, any Error> = Task { try await BrowserFixture() }

    let folder: URL
    let workspace: Workspace

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("browser-tests-\(UUID().uuidString)")
        workspace = try await Workspace(folder: folder)
        _ = try await DemoSeed.seed(into: workspace, samplesPerDataset: 120, largeDatasetSamples: Self.largeSamples)
    }

    func store(_ user: String = "jane") -> SegmentsStore {
        workspace.store(actingAs: user, baseURL: workspace.fileBaseURL)
    }

    /// Runs the browser headless on `service` with `keys` (the --keys notation).
    @MainActor
    static func run(
        _ keys: String, service: any SegmentsService, size: Size = Size(width: 120, height: 35),
        session: SessionInfo = SessionInfo(server: "test workspace")
    ) async throws -> HeadlessResult {
        let steps = try KeyNotation.steps(keys)
        return await HeadlessRun.run(
            service: service, session: session, steps: steps, size: size, logger: Logger(label: "browser-tests"))
    }

    @MainActor
    static func run(_ keys: String, user: String = "jane", size: Size = Size(width: 120, height: 35)) async throws -> HeadlessResult {
        let fixture = try await shared.value
        return try await run(keys, service: fixture.store(user), size: size)
    }
}

/// A small seeded workspace of its own, for scenarios that write (triage, issues, releases):
/// the shared fixture stays untouched by them.
final class WritableFixture: Sendable {
    let folder: URL
    let workspace: Workspace

    init(releaseJobs: ReleaseJobStart = .immediately) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("browser-writes-\(UUID().uuidString)")
        workspace = try await Workspace(folder: folder, options: WorkspaceOptions(releaseJobs: releaseJobs))
        _ = try await DemoSeed.seed(into: workspace, samplesPerDataset: 60)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static func make(releaseJobs: ReleaseJobStart = .immediately) async throws -> WritableFixture {
        try await WritableFixture(releaseJobs: releaseJobs)
    }

    func store(_ user: String = "jane") -> SegmentsStore {
        workspace.store(actingAs: user, baseURL: workspace.fileBaseURL)
    }

    @MainActor
    func run(_ keys: String, user: String = "jane", readOnly: Bool = false) async throws -> HeadlessResult {
        try await BrowserFixture.run(
            keys, service: store(user), session: SessionInfo(server: "test workspace", readOnly: readOnly))
    }
}

extension HeadlessResult {
    var lines: [String] { screen.components(separatedBy: "\n") }

    /// The status bar (last line).
    var statusLine: String { lines.last ?? "" }

    /// The rows of the table that contain `text`.
    func rows(containing text: String) -> [String] { lines.filter { $0.contains(text) } }
}
