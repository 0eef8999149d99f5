import Browser
import Foundation
import Logging
import SegmentsAPI
import SegmentsStore
import TerminalUI
import Testing

/// Whole screens of the main views at 80×24 and 120×35, compared with the text goldens in
/// Tests/BrowserTests/Snapshots/ (see `ScreenSnapshot`; `UPDATE_SNAPSHOTS=1` records them).
/// The browser runs headless on a demo workspace seeded with a fixed seed and clock, and the
/// final state is drawn at that clock, so relative times ("2d ago") never drift.
@Suite("Screen snapshots", .serialized, .timeLimit(.minutes(5)))
struct ScreenSnapshotTests {
    struct View: Sendable, CustomTestStringConvertible {
        let name: String
        let keys: String
        var testDescription: String { name }
    }

    static let views = [
        View(name: "samples", keys: ":dataset jane/street-scenes<Enter>"),
        View(name: "sample-detail", keys: ":dataset jane/street-scenes<Enter><Enter>"),
        View(name: "triage", keys: ":dataset jane/street-scenes<Enter>T"),
        View(name: "issues", keys: ":dataset jane/street-scenes<Enter>:tab issues<Enter>"),
        View(name: "collaborators", keys: ":dataset jane/street-scenes<Enter>:tab collaborators<Enter>"),
        View(name: "releases", keys: ":dataset jane/street-scenes<Enter>:tab releases<Enter>"),
        View(name: "info", keys: ":dataset jane/street-scenes<Enter>:tab info<Enter>"),
        View(name: "help", keys: ":dataset jane/street-scenes<Enter>?"),
        View(name: "command-line", keys: ":dataset jane/street-scenes<Enter>:tab iss"),
    ]

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 35)]

    @Test("the screen matches its golden", arguments: views, sizes)
    @MainActor
    func screenMatchesGolden(view: View, size: Size) async throws {
        let fixture = try await SnapshotFixture.shared.value
        let screen = try await fixture.screen(view.keys, size: size)
        let name = "\(view.name)-\(size.width)x\(size.height)"
        if let mismatch = try ScreenSnapshot.mismatch(screen, named: name) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("a different screen fails with the rows that differ; a missing golden says how to record it")
    func mismatchIsReadable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = ["╭─ Datasets", "│ jane/street-scenes", "│ jane/lidar-highway", "╰─"].joined(separator: "\n")
        let missing = try #require(try ScreenSnapshot.mismatch(golden, named: "screen", in: folder, recording: false))
        #expect(missing.contains("no golden") && missing.contains("UPDATE_SNAPSHOTS=1"), "\(missing)")
        #expect(try ScreenSnapshot.mismatch(golden, named: "screen", in: folder, recording: true) == nil)
        #expect(try ScreenSnapshot.mismatch(golden, named: "screen", in: folder, recording: false) == nil)
        let changed = golden.replacingOccurrences(of: "lidar", with: "radar") + "\n│ extra"
        let message = try #require(try ScreenSnapshot.mismatch(changed, named: "screen", in: folder, recording: false))
        let rows = message.split(separator: "\n").dropFirst()
        #expect(Array(rows) == ["  3 -|│ jane/lidar-highway", "  3 +|│ jane/radar-highway", "  5 +|│ extra"], "\(message)")
    }
}

/// The demo workspace the goldens are made from: seed 42, a clock fixed at 2026-01-15 12:00
/// UTC, a base URL that names no temporary folder, and the pending demo release built
/// before any screen is drawn (it always reads SUCCEEDED).
final class SnapshotFixture: Sendable {
    static let now: Int64 = 1_768_478_400
    static let shared: Task<SnapshotFixture, any Error> = Task {
        let fixture = try await SnapshotFixture()
        await fixture.workspace.waitForReleaseJobs()
        return fixture
    }

    let folder: URL
    let workspace: Workspace

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("browser-snapshots-\(UUID().uuidString)")
        workspace = try await Workspace(folder: folder)
        _ = try await DemoSeed.seed(
            into: workspace, samplesPerDataset: 60, randomSeed: 42, now: Date(timeIntervalSince1970: TimeInterval(Self.now)))
    }

    /// The screen after `keys`, drawn at the fixed clock.
    @MainActor
    func screen(_ keys: String, size: Size) async throws -> String {
        let store = workspace.store(actingAs: "jane", baseURL: "https://segments.test")
        let result = try await BrowserFixture.run(
            keys, service: store, size: size, session: SessionInfo(server: "snapshot workspace"))
        var state = result.state
        state.now = Self.now
        return BrowserView.text(state)
    }
}
