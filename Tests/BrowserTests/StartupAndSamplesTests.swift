import Browser
import Testing

@Suite("Browsing the embedded workspace headless", .serialized, .timeLimit(.minutes(5)))
struct StartupAndSamplesTests {
    @Test("start-up lists the user's and the organisation's datasets, with user and server in the header")
    @MainActor
    func startupShowsDatasets() async throws {
        let result = try await BrowserFixture.run("")
        #expect(result.lines[0].contains("jane @ test workspace"))
        #expect(result.screen.contains("flower-segmentation"))
        #expect(result.screen.contains("acme/parking-lots"))
        #expect(result.screen.contains("street-scenes"))
        #expect(result.screen.contains("20,000"))
        #expect(result.screen.contains("Samples") && result.screen.contains("Workunits"))
        #expect(!result.state.isBusy)
    }

    @Test("the samples table shows the position in the dataset and label statuses")
    @MainActor
    func samplesTableCounts() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>")
        #expect(result.screen.contains("1 of 120"))
        #expect(result.screen.contains("Label status"))
        #expect(result.lines[0].contains("jane/street-scenes › Samples"))
    }

    @Test("End in the large dataset jumps to its last row and fetches only the pages around it")
    @MainActor
    func pagingToTheEnd() async throws {
        let name = "jane/scale-\(BrowserFixture.largeSamples)"
        let result = try await BrowserFixture.run(":dataset \(name)<Enter>G")
        #expect(result.screen.contains("20,000 of 20,000"))
        let samples = try #require(result.state.dataset?.samples)
        #expect(samples.sample(at: BrowserFixture.largeSamples - 1) != nil)
        #expect(samples.pages.count <= 4, "loaded pages: \(samples.pages.keys.sorted())")
        #expect(!result.screen.contains("│…"), "no placeholder row left once idle")
    }

    @Test("paging down through the large dataset never leaves a row unloaded")
    @MainActor
    func pagingDown() async throws {
        let keys = ":dataset jane/scale-\(BrowserFixture.largeSamples)<Enter>" + String(repeating: "<PgDn>", count: 12)
        let result = try await BrowserFixture.run(keys)
        let samples = try #require(result.state.dataset?.samples)
        let selected = samples.table.selected
        #expect(selected > 300)
        #expect(samples.sample(at: selected) != nil)
        #expect(result.screen.contains("\(selected + 1) of 20,000"))
    }

    @Test("/ filters samples by name as you type, on the server")
    @MainActor
    func nameFilter() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>/0001<Enter>")
        let samples = try #require(result.state.dataset?.samples)
        #expect(samples.filter.name == "0001")
        #expect(samples.rowCount > 0 && samples.rowCount < 120)
        for index in 0..<samples.rowCount {
            #expect(samples.sample(at: index)?.name.contains("0001") == true)
        }
        #expect(result.screen.contains("name~0001"))
    }

    @Test("s filters by several label statuses; every row has one of them")
    @MainActor
    func statusFilter() async throws {
        // The picker lists statuses in LabelStatus order: reviewed first, labeled third.
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>s<Space>jj<Space><Enter>")
        let samples = try #require(result.state.dataset?.samples)
        #expect(samples.filter.statuses.map(\.rawValue).sorted() == ["LABELED", "REVIEWED"])
        #expect(samples.rowCount > 0)
        for index in 0..<samples.rowCount {
            let status = samples.sample(at: index)?.label?.labelStatus.rawValue
            #expect(status == "LABELED" || status == "REVIEWED")
        }
        #expect(result.screen.contains("status reviewed,labeled"))
    }

    @Test("o picks a sort and O toggles its direction")
    @MainActor
    func sortAndDirection() async throws {
        // Sorts in SampleSort order: name, created, priority …
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>ojj<Enter>O")
        let samples = try #require(result.state.dataset?.samples)
        #expect(samples.filter.sort == .priority)
        #expect(samples.filter.direction == .descending)
        let priorities = (0..<20).compactMap { samples.sample(at: $0)?.priority }
        #expect(priorities.count == 20)
        #expect(priorities == priorities.sorted(by: >))
        #expect(result.screen.contains("sort priority ↓"))
    }

    @Test("m filters by metadata key:value")
    @MainActor
    func metadataFilter() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>mweather:sunny<Enter>")
        let samples = try #require(result.state.dataset?.samples)
        #expect(samples.rowCount > 0 && samples.rowCount < 120)
        for index in 0..<samples.rowCount {
            #expect(samples.sample(at: index)?.metadata["weather"] == .string("sunny"))
        }
        #expect(result.screen.contains(" weather:sunny ×"), "the filter shows as a chip")
    }

    @Test("a bad metadata filter says why and changes nothing")
    @MainActor
    func badMetadataFilter() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>mnocolon<Enter>")
        #expect(result.statusLine.contains("not of the form key:value"))
        #expect(result.state.dataset?.samples.filter.metadata.isEmpty == true)
        #expect(result.screen.contains("1 of 120"))
    }

    @Test("L switches the labelset; the table shows that labelset's statuses")
    @MainActor
    func labelsetSwitch() async throws {
        let result = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:labelset <Tab><Enter>")
        #expect(result.state.dataset?.labelset != nil)
        let unknown = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:labelset nope<Enter>")
        #expect(unknown.statusLine.contains("No labelset nope"))
    }
}
