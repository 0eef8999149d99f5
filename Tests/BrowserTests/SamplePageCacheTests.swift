import Browser
import Testing

/// The samples table keeps the pages around the visible rows and a few more, however far
/// one scrolls: memory stays that of a few pages in a dataset of any size.
@Suite("Sample page cache", .serialized, .timeLimit(.minutes(5)))
struct SamplePageCacheTests {
    static let dataset = "jane/scale-\(BrowserFixture.largeSamples)"

    @Test("paging through thousands of rows keeps at most pageCacheLimit pages, and going back fetches them again")
    @MainActor
    func pagesStayBounded() async throws {
        let down = String(repeating: "<PgDn>", count: 60)
        let deep = try await BrowserFixture.run(":dataset \(Self.dataset)<Enter>" + down)
        let samples = try #require(deep.state.dataset?.samples)
        #expect(samples.table.selected > 1_500, "60 pages of ~28 rows go past 15 pages of 100")
        #expect(samples.pages.count <= SamplesState.pageCacheLimit, "kept: \(samples.pages.keys.sorted())")
        #expect(samples.pages[1] == nil, "the first page left the cache")
        #expect(samples.sample(at: samples.table.selected) != nil)
        #expect(deep.screen.contains(" of 20,000 "))

        let back = try await BrowserFixture.run(":dataset \(Self.dataset)<Enter>" + down + "g")
        let top = try #require(back.state.dataset?.samples)
        #expect(top.table.selected == 0)
        #expect(top.sample(at: 0) != nil, "the first page is fetched again")
        #expect(top.pages.count <= SamplesState.pageCacheLimit)
        #expect(back.screen.contains("1 of 20,000"))
        #expect(!back.screen.contains("│…"), "no placeholder row once idle")
    }

    @Test("a filter whose end is unseen keeps its row count when its first pages leave the cache")
    @MainActor
    func filteredTableDoesNotShrink() async throws {
        // A name filter has no count from the label stats: the table grows page by page.
        let keys = ":dataset \(Self.dataset)<Enter>/_<Enter>" + String(repeating: "<PgDn>", count: 45)
        let result = try await BrowserFixture.run(keys)
        let samples = try #require(result.state.dataset?.samples)
        #expect(samples.filter.name == "_")
        #expect(samples.pages.count <= SamplesState.pageCacheLimit)
        #expect(samples.pages[1] == nil)
        #expect(samples.loadedPrefixCount > 1_000)
        #expect(samples.rowCount >= samples.loadedPrefixCount)
        #expect(samples.sample(at: samples.table.selected) != nil)
    }
}
