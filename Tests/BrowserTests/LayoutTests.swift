import Browser
import SegmentsAPI
import TerminalUI
import Testing

/// The screen is used well at 80×24: nothing overlaps, nothing needed is dropped.
@Suite("Layout at 80×24 and up", .serialized, .timeLimit(.minutes(5)))
struct LayoutTests {
    static let small = Size(width: 80, height: 24)

    @Test("at 80 columns the datasets pane narrows and the sorted column is never the one dropped")
    @MainActor
    func sortedColumnKept() async throws {
        for (digit, title) in [("3", "Priority"), ("2", "Created"), ("5", "Updated")] {
            let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>o" + digit, size: Self.small)
            let header = try #require(result.lines.first { $0.contains("Name") && $0.contains("Label") })
            #expect(header.contains(title), "sorted by \(title): \(header)")
            #expect(Array(result.lines[1])[23] == "╮", "a 24-column datasets pane: \(result.lines[1])")
        }
    }

    @Test("the summary line and the row counter never overlap")
    @MainActor
    func summaryAndCounter() async throws {
        let labelsets = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab labelsets<Enter>", size: Self.small)
        let line = try #require(labelsets.lines.first { $0.contains("browsing labelset") })
        #expect(line.contains("ground-truth") && line.range(of: #"ground-truth\s{2,}1 of 2"#, options: .regularExpression) != nil, "\(line)")
        let filtered = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>mweather:fog, city:Paris, night:true<Enter>", size: Self.small)
        let summary = try #require(filtered.lines.first { $0.contains("weather:fog") })
        // The counter stands whole at the right edge, with a gap before it.
        #expect(summary.range(of: #"\s(\d+ of \d+\+?|no samples) │$"#, options: .regularExpression) != nil, "\(summary)")
    }

    @Test("the sample detail folds the datasets pane away; names and descriptions get the free width")
    @MainActor
    func detailAndWidth() async throws {
        let detail = try await BrowserFixture.run(":dataset jane/street-scenes<Enter><Enter>", size: Self.small)
        #expect(!detail.screen.contains("Datasets ("), "\(detail.screen)")
        #expect(detail.lines[1].hasPrefix("╭─ jane/street-scenes"))
        let samples = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>o3", size: Self.small)
        #expect(samples.rows(containing: "frame_0").allSatisfy { !$0.contains("frame_0…") }, "names cut: \(samples.screen)")
        let issues = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab issues<Enter>", size: Self.small)
        #expect(issues.screen.contains("Box is too loose around the"), "\(issues.screen)")
    }

    @Test("mouse: a click selects a row or a tab, a click on the selected row opens it, the wheel scrolls")
    @MainActor
    func mouse() async throws {
        let size = Size(width: 100, height: 30)
        // Row 4 of the screen is the second dataset (box border, header row, first dataset).
        let selected = try await BrowserFixture.run("<Click 5,4>", size: size)
        let second = try #require(selected.state.visibleDatasets.dropFirst().first)
        #expect(selected.state.dataset?.fullName == second.fullName)
        #expect(selected.state.focus == .datasets)
        let opened = try await BrowserFixture.run("<Click 5,4><Click 5,4>", size: size)
        #expect(opened.state.focus == .content)
        let tabs = opened.lines[2]
        let issuesColumn = try #require(tabs.range(of: "Issues")).lowerBound.utf16Offset(in: tabs)
        let issues = try await BrowserFixture.run("<Click 5,4><Click 5,4><Click \(issuesColumn),2>", size: size)
        #expect(issues.state.dataset?.tab == .issues)
        let scrolled = try await BrowserFixture.run("<Click 5,4><Click 5,4><WheelDown 50,10>", size: size)
        #expect(scrolled.state.dataset?.samples.table.selected == 3)
        let row = try await BrowserFixture.run("<Click 5,4><Click 5,4><Click 50,9>", size: size)
        #expect(row.state.dataset?.samples.table.selected == 4)
        #expect(row.state.dataset?.detail == nil)
        let detail = try await BrowserFixture.run("<Click 5,4><Click 5,4><Click 50,9><Click 50,9>", size: size)
        #expect(detail.state.dataset?.detail?.uuid == row.state.dataset?.samples.sample(at: 4)?.uuid)
    }

    @Test("issue threads are shown whole and wrapped: below the Issues table and in the sample detail")
    @MainActor
    func issueThreads() async throws {
        let fixture = try await WritableFixture.make()
        let store = fixture.store()
        let issue = try #require(try await store.getIssues("jane/street-scenes").filter { $0.status == .open }.first)
        let long = "The box misses the side mirror on the left; it should reach the edge of the door handle too, see frame 12 END"
        _ = try await store.addIssueComment(issue.uuid, text: long)
        let tab = try await fixture.run(":dataset jane/street-scenes<Enter>:tab issues<Enter>")
        #expect(tab.screen.contains("Thread · Enter opens the sample"), "\(tab.screen)")
        #expect(tab.screen.contains("END"), "the long comment is wrapped, not cut: \(tab.screen)")
        let detail = try await fixture.run(":dataset jane/street-scenes<Enter>:tab issues<Enter><Enter>G")
        #expect(detail.state.dataset?.detail?.uuid == issue.sampleUUID)
        #expect(detail.screen.contains("END"), "\(detail.screen)")
    }
}


@Suite("The sample's picture gets the room")
struct PicturePlacementTests {
    @Test("wide screens put the picture beside the text, as large as its shape allows; the text keeps 34 columns")
    func besideWhenWide() throws {
        let placement = try #require(PicturePlacement.best(in: Size(width: 118, height: 31)))
        guard case .beside(let width) = placement else { throw TestFailure("expected beside, got \(placement)") }
        #expect(width >= 70 && 118 - width >= PicturePlacement.textColumns, "\(width)")
    }

    @Test("tall narrow panes put it below; tiny ones have no picture")
    func belowWhenTallAndNone() throws {
        #expect(PicturePlacement.best(in: Size(width: 60, height: 50)).map { if case .below = $0 { true } else { false } } == true)
        #expect(PicturePlacement.best(in: Size(width: 40, height: 10)) == nil)
    }

    @Test("the fitted box keeps the shape: 4:3 in cells twice as tall as wide")
    func fittedKeepsShape() {
        #expect(PicturePlacement.fitted(width: 80, height: 15) == Size(width: 40, height: 15))
        #expect(PicturePlacement.fitted(width: 40, height: 40) == Size(width: 40, height: 15))
    }

    @Test("i turns the picture into the outline only (the text gets the room back) and back")
    @MainActor
    func iTogglesThePicture() async throws {
        let shown = try await BrowserFixture.run(":dataset jane/street-scenes<Enter><Enter>")
        let outline = try await BrowserFixture.run(":dataset jane/street-scenes<Enter><Enter>i")
        #expect(shown.state.picturesShown && !outline.state.picturesShown)
        #expect(outline.statusLine.contains("Pictures: outline only"), "\(outline.statusLine)")
        let boxColumn = { (screen: String) in screen.components(separatedBy: "\n").first { $0.contains("image · ") }?.firstIndex(of: "╭") }
        let (pictureBox, outlineBox) = try (#require(boxColumn(shown.screen)), #require(boxColumn(outline.screen)))
        #expect(pictureBox < outlineBox, "the picture's box is wider than the outline's")
        let back = try await BrowserFixture.run(":dataset jane/street-scenes<Enter><Enter>ii")
        #expect(back.state.picturesShown)
    }
}
