import Browser
import Foundation
import Testing

@Suite("Help, command line, filters and quitting", .serialized, .timeLimit(.minutes(5)))
struct EverywhereTests {
    @Test("? shows the help generated from the binding table")
    @MainActor
    func helpOverlay() async throws {
        let result = try await BrowserFixture.run("?")
        #expect(result.screen.contains("Keys — ? or Esc closes"))
        #expect(result.screen.contains("Everywhere"))
        #expect(result.screen.contains("Command line"))
        let closed = try await BrowserFixture.run("?<Esc>")
        #expect(!closed.screen.contains("Keys — ? or Esc closes"))
    }

    @Test("docs/keys.md is the binding table")
    func keysDocumentIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("docs/keys.md")
        let generated = Bindings.markdown() + "\n" + KeyNotationDoc.text
        // UPDATE_KEYS_DOC=1 swift test --filter keysDocumentIsCurrent rewrites it.
        if ProcessInfo.processInfo.environment["UPDATE_KEYS_DOC"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let document = try String(contentsOf: url, encoding: .utf8)
        #expect(document == generated)
    }

    @Test(": completes dataset names and jumps to one")
    @MainActor
    func commandLineCompletion() async throws {
        let result = try await BrowserFixture.run(":dataset acme<Tab><Enter>")
        #expect(result.state.dataset?.fullName == "acme/parking-lots")
        #expect(result.state.focus == .content)
        let typing = try await BrowserFixture.run(":da")
        #expect(typing.screen.contains("Tab completes"))
        #expect(typing.screen.contains("dataset"))
    }

    @Test("an unknown command says so in the status bar")
    @MainActor
    func unknownCommand() async throws {
        let result = try await BrowserFixture.run(":frobnicate<Enter>")
        #expect(result.statusLine.contains("Unknown command :frobnicate"))
    }

    @Test(":sample opens a sample by uuid, in its dataset")
    @MainActor
    func sampleByUUID() async throws {
        let fixture = try await BrowserFixture.shared.value
        let sample = try #require(try await fixture.store().getSamples("jane/lidar-highway", perPage: 5).last)
        let result = try await BrowserFixture.run(":sample \(sample.uuid)<Enter>")
        #expect(result.state.dataset?.fullName == "jane/lidar-highway")
        #expect(result.state.dataset?.detail?.uuid == sample.uuid)
        #expect(result.screen.contains(sample.name))
    }

    @Test("/ in the datasets pane narrows the list as you type; Esc restores it")
    @MainActor
    func datasetFilter() async throws {
        let result = try await BrowserFixture.run("/lidar")
        #expect(result.screen.contains("Datasets (1 of"))
        #expect(result.screen.contains("lidar-highway"))
        #expect(!result.screen.contains("street-scenes"))
        let restored = try await BrowserFixture.run("/lidar<Esc>")
        #expect(restored.screen.contains("street-scenes"))
    }

    @Test("z zooms the focused pane")
    @MainActor
    func zoom() async throws {
        let result = try await BrowserFixture.run("<Enter>z")
        #expect(!result.screen.contains("Datasets ("))
        #expect(result.screen.contains("Label status"))
    }

    @Test("q from the datasets pane and Ctrl-C quit")
    @MainActor
    func quitting() async throws {
        #expect(try await BrowserFixture.run("q").state.isQuitting)
        #expect(try await BrowserFixture.run("<Enter><Enter><C-c>").state.isQuitting)
        let back = try await BrowserFixture.run("<Enter><Enter>q")
        #expect(!back.state.isQuitting)
        #expect(back.state.dataset?.detail == nil)
    }

    @Test("the layout fits 80×24 and a very wide terminal, and a resize redraws")
    @MainActor
    func sizes() async throws {
        let small = try await BrowserFixture.run("", size: .init(width: 80, height: 24))
        #expect(small.lines.count == 24)
        #expect(small.screen.contains("street-scenes"))
        let wide = try await BrowserFixture.run("", size: .init(width: 240, height: 50))
        #expect(wide.lines.count == 50)
        #expect(wide.screen.contains("Updated"))
        let resized = try await BrowserFixture.run("<Resize 90x26>")
        #expect(resized.lines.count == 26)
        let tiny = try await BrowserFixture.run("<Resize 30x8>")
        #expect(tiny.screen.contains("Terminal too small"))
    }
}
