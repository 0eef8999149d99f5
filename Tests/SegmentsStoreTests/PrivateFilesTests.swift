import Foundation
import SegmentsAPI
import Testing

@testable import SegmentsStore

/// The workspace holds the upload-signing secret: folder 0700, files 0600 (issue 16, item 6).
@Suite("Workspace files are private")
struct PrivateFilesTests {
    @Test("a new workspace is 0700 with a 0600 database, WAL and assets, under a permissive umask")
    func newWorkspaceIsPrivate() async throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let fixture = try await Fixture()
        let folder = fixture.folder
        #expect(PrivateFiles.mode(of: folder) == 0o700)
        #expect(PrivateFiles.mode(of: folder.appendingPathComponent("workspace.sqlite")) == 0o600)
        _ = try await fixture.dataset()
        for companion in ["workspace.sqlite-wal", "workspace.sqlite-shm"] {
            let mode = PrivateFiles.mode(of: folder.appendingPathComponent(companion))
            #expect(mode == nil || mode == 0o600, "\(companion): \(String(mode ?? 0, radix: 8))")
        }
        let file = try await fixture.jane.uploadAsset(Data("png".utf8), filename: "a.png")
        let stored = try #require(
            FileManager.default.enumerator(at: folder.appendingPathComponent("assets"), includingPropertiesForKeys: nil)?
                .allObjects.compactMap { $0 as? URL }.first { $0.lastPathComponent == "a.png" }, "\(file.url)")
        #expect(PrivateFiles.mode(of: stored) == 0o600)
        #expect(fixture.workspace.permissionWarnings().isEmpty)
    }

    @Test("jobs writing into one new folder at once all succeed (none trips over the other's mkdir)")
    func concurrentWritesIntoANewFolder() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let store = fixture.jane
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask { _ = try await store.addRelease("jane/cars", name: "v\(index)") }
            }
            try await group.waitForAll()
        }
        await fixture.workspace.waitForReleaseJobs()
        let releases = try await fixture.jane.getReleases("jane/cars")
        #expect(releases.count == 8 && releases.allSatisfy { $0.status == .succeeded }, "\(releases.map(\.statusInfo))")
    }

    @Test("a workspace others can read is reported, naming each path and the chmod that fixes it")
    func widerModesAreReported() async throws {
        let fixture = try await Fixture()
        let database = fixture.folder.appendingPathComponent("workspace.sqlite")
        chmod(fixture.folder.path, 0o755)
        chmod(database.path, 0o644)
        let warnings = fixture.workspace.permissionWarnings()
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.contains("chmod 700 \(fixture.folder.path)") })
        #expect(warnings.contains { $0.contains("chmod 600 \(database.path)") && $0.contains("mode 644") })
        chmod(fixture.folder.path, 0o700)
        chmod(database.path, 0o600)
        #expect(fixture.workspace.permissionWarnings().isEmpty)
    }

    @Test("an API key file readable by its group is warned about; a 0600 one is not")
    func keyFileWarning() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("secret\n".utf8).write(to: file)
        chmod(file.path, 0o640)
        let warning = try #require(PrivateFiles.warning(for: file, holds: "an API key"))
        #expect(warning.contains(file.path) && warning.hasSuffix("chmod 600 \(file.path)"))
        chmod(file.path, 0o600)
        #expect(PrivateFiles.warning(for: file, holds: "an API key") == nil)
        #expect(PrivateFiles.warning(for: file.appendingPathExtension("missing"), holds: "an API key") == nil)
    }
}
