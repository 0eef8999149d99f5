import Browser
import Testing

@Suite("Sample detail and the dataset tabs", .serialized, .timeLimit(.minutes(5)))
struct DetailAndTabsTests {
    @Test("Enter opens the sample: attributes, metadata, label with who and when, issues")
    @MainActor
    func sampleDetail() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter><Enter>")
        let detail = try #require(result.state.dataset?.detail)
        let sample = try #require(detail.sample)
        #expect(result.screen.contains(sample.name))
        #expect(result.screen.contains("── Attributes ──"))
        #expect(result.screen.contains("image"))
        #expect(result.screen.contains("── Metadata ──"))
        #expect(result.screen.contains("── Label · ground-truth ──"))
        #expect(result.screen.contains("── Issues"))
        #expect(result.lines[0].contains("› \(sample.name)"))
    }

    @Test("n and p move through the filtered order without going back")
    @MainActor
    func nextAndPrevious() async throws {
        let keys = ":dataset jane/street-scenes<Enter>/0001<Enter><Enter>n"
        let result = try await BrowserFixture.run(keys)
        let samples = try #require(result.state.dataset?.samples)
        let second = try #require(samples.sample(at: 1))
        #expect(result.state.dataset?.detail?.uuid == second.uuid)
        #expect(second.name.contains("0001"))
        let back = try await BrowserFixture.run(keys + "p")
        #expect(back.state.dataset?.detail?.uuid == back.state.dataset?.samples.sample(at: 0)?.uuid)
    }

    @Test("a bounding-box label is drawn in braille, with annotations grouped by category")
    @MainActor
    func boundingBoxPreview() async throws {
        // Find a labelled sample: filter on a status that always has annotations.
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>s<Space><Enter><Enter>")
        #expect(result.screen.contains("image · "))
        #expect(result.screen.contains("── Annotations"))
        let braille = result.screen.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
        #expect(braille.count > 10, "the preview draws dots")
    }

    @Test("cuboids are drawn top-down")
    @MainActor
    func cuboidPreview() async throws {
        let result = try await BrowserFixture.run(":dataset jane/lidar-highway<Enter>s<Space><Enter><Enter>")
        #expect(result.screen.contains("top-down · "))
        #expect(result.screen.contains("pcd"))
        let braille = result.screen.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
        #expect(braille.count > 10)
    }

    @Test("the preview goes below the text on an 80×24 terminal")
    @MainActor
    func narrowDetail() async throws {
        let result = try await BrowserFixture.run(
            ":dataset jane/street-scenes<Enter>s<Space><Enter><Enter>z", size: .init(width: 80, height: 24))
        #expect(result.lines.count == 24)
        #expect(result.lines.allSatisfy { $0.count <= 80 })
        #expect(result.screen.contains("Annotations") || result.screen.contains("Label"))
    }

    @Test("Issues lists open issues; s shows closed ones; Enter opens the issue's sample")
    @MainActor
    func issuesTab() async throws {
        let open = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab issues<Enter>")
        let dataset = try #require(open.state.dataset)
        #expect(dataset.tab == .issues)
        #expect(!dataset.visibleIssues.isEmpty)
        #expect(dataset.visibleIssues.allSatisfy { $0.status == .open })
        #expect(open.screen.contains("showing open"))
        #expect(open.screen.contains("Description") && open.screen.contains("Comments"))

        let closed = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab issues<Enter>s")
        #expect(closed.state.dataset?.visibleIssues.allSatisfy { $0.status == .closed } == true)
        #expect(closed.screen.contains("showing closed"))

        let jumped = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab issues<Enter><Enter>")
        let issue = try #require(dataset.visibleIssues.first)
        #expect(jumped.state.dataset?.detail?.uuid == issue.sampleUUID)
        #expect(jumped.screen.contains(issue.sampleName))
    }

    @Test("Collaborators shows each collaborator with a role")
    @MainActor
    func collaboratorsTab() async throws {
        let result = try await BrowserFixture.run(":dataset jane/lidar-highway<Enter>:tab coll<Enter>")
        let collaborators = try #require(result.state.dataset?.collaborators.items)
        #expect(collaborators.contains { $0.user.username == "bob" && $0.role == .reviewer })
        #expect(collaborators.contains { $0.user.username == "dave" && $0.role == .labeler })
        #expect(result.rows(containing: "bob").contains { $0.contains("reviewer") })
    }

    @Test("Releases shows status and URL; Labelsets lists ground-truth")
    @MainActor
    func releasesAndLabelsets() async throws {
        let releases = try await BrowserFixture.run(":dataset jane/lidar-highway<Enter>:tab releases<Enter>")
        #expect(releases.screen.contains("2025-03-weekly"))
        #expect(releases.rows(containing: "2025-03-weekly").contains { $0.contains("succeeded") })
        let labelsets = try await BrowserFixture.run(":dataset jane/lidar-highway<Enter>:tab labelsets<Enter>")
        #expect(labelsets.screen.contains("ground-truth"))
    }

    @Test("Workunits lists work with a date range to choose")
    @MainActor
    func workunitsTab() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab workunits<Enter>")
        #expect(result.screen.contains("range all time"))
        #expect(result.state.dataset?.workunits.items?.isEmpty == false)
        let ranged = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab workunits<Enter>dj<Enter>")
        #expect(ranged.screen.contains("range last 24 hours"))
        #expect(ranged.state.dataset?.workunitRange == .day)
    }

    @Test("Info shows the dataset, label statistics, categories and settings")
    @MainActor
    func infoTab() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab info<Enter>")
        #expect(result.screen.contains("── Label status ──"))
        #expect(result.screen.contains("bboxes"))
        #expect(result.screen.contains("samples"))
        let scrolled = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab info<Enter>G")
        #expect(scrolled.screen.contains("── Settings ──") || scrolled.screen.contains("── Readme ──"))
    }

    @Test("] and [ walk the tabs; ← from the first tab returns to the datasets")
    @MainActor
    func tabNavigation() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>]]")
        #expect(result.state.dataset?.tab == .collaborators)
        let back = try await BrowserFixture.run(":dataset jane/street-scenes<Enter><Left>")
        #expect(back.state.focus == .datasets)
    }

    @Test("y copies the selected sample's uuid")
    @MainActor
    func copyUUID() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>y")
        let uuid = try #require(result.state.dataset?.samples.sample(at: 0)?.uuid)
        #expect(result.clipboard == [uuid])
        #expect(result.statusLine.contains("Copied \(uuid)"))
    }
}

@Suite("Stats: the ground-truth labels per status", .serialized, .timeLimit(.minutes(5)))
struct StatsTabTests {
    @Test("Stats lists each status with its count and share, most first; Enter lists that status's samples")
    @MainActor
    func statsAndEnter() async throws {
        let fixture = try await BrowserFixture.shared.value
        let dataset = try await fixture.store().getDataset("jane/street-scenes")
        let labeled = try #require(dataset.labelStats.labeled)
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab stats<Enter>")
        let rows = try #require(result.state.dataset?.labelStatusCounts.items)
        #expect(rows.first { $0.status == .labeled }?.count == labeled)
        #expect(rows.map(\.count) == rows.map(\.count).sorted(by: >), "most frequent first")
        #expect(result.screen.contains("ground-truth labels by status"), "\(result.screen)")
        #expect(result.rows(containing: Formatting.thousands(labeled)).contains { $0.contains("labeled") }, "\(result.screen)")
        let top = try #require(rows.first)
        let opened = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:tab stats<Enter><Enter>")
        #expect(opened.state.dataset?.tab == .samples)
        #expect(opened.state.dataset?.samples.filter.statuses == [top.status])
        #expect(opened.state.dataset?.samples.sample(at: 0)?.label?.status == top.status)
    }
}
