@testable import Browser
import SegmentsAPI
import TerminalUI
import Testing

/// Holding `j` or PgDn over a slow link: the table reads ahead in the direction it moves, so
/// the rows are there when they come into view, with few requests in flight.
@Suite("Sample read-ahead over a slow link", .serialized, .timeLimit(.minutes(5)))
struct SamplePrefetchTests {
    static let dataset = "jane/scale-\(BrowserFixture.largeSamples)"

    /// A network whose answers land `latency` keys after their request (at 30 keys a second,
    /// 5 keys are 150 ms): the state is driven key by key, each answered from the store.
    @MainActor
    struct SlowLink {
        var state: AppState
        let store: any SegmentsService
        let latency: Int
        private var pending: [(due: Int, ticket: RequestTicket)] = []
        private var clock = 0
        /// Frames (one per key) with an unloaded row on screen, and the most sample pages in flight.
        private(set) var framesWithUnloadedRows = 0
        private(set) var mostPagesInFlight = 0
        private(set) var pagesRequested: [Int] = []

        init(latency: Int) async throws {
            let result = try await BrowserFixture.run(":dataset \(SamplePrefetchTests.dataset)<Enter>")
            state = result.state
            store = try await BrowserFixture.shared.value.store()
            self.latency = latency
        }

        mutating func press(_ key: Key, times: Int) async throws {
            for _ in 0..<times { try await step(key) }
        }

        /// Time passing with no key: the answers due land.
        mutating func wait(keys: Int) async throws {
            for _ in 0..<keys { try await step(nil) }
        }

        private mutating func step(_ key: Key?) async throws {
            clock += 1
            if let key { track(state.handle(.key(key))) }
            while let next = pending.firstIndex(where: { $0.due <= clock }) {
                let ticket = pending.remove(at: next).ticket
                guard case .samples(let dataset, let query) = ticket.request else { continue }
                let page = try await store.getSamples(dataset, query: query)
                track(try state.answer(ticket, with: page))
            }
            if state.visibleSampleRows.unloaded > 0 { framesWithUnloadedRows += 1 }
            let inFlight = state.inFlight.keys.filter { if case .samplePage = $0 { true } else { false } }.count
            mostPagesInFlight = max(mostPagesInFlight, inFlight)
        }

        private mutating func track(_ effects: [Effect]) {
            for case .samplePage(let page) in effects.compactMap(\.ticket).map(\.slot) { pagesRequested.append(page) }
            let due = clock + latency
            pending.follow(effects, slot: { $0.ticket.slot }) { (due, $0) }
        }

        var selected: Int { state.dataset?.samples.table.selected ?? -1 }
    }

    @Test("holding j for 2,000 rows at 150 ms never shows an unloaded row")
    @MainActor
    func holdingJ() async throws {
        var link = try await SlowLink(latency: 5)
        try await link.press(.character("j"), times: 2_000)
        #expect(link.selected == 2_000)
        #expect(link.framesWithUnloadedRows == 0)
        #expect(link.mostPagesInFlight <= SamplePagePlan.maxInFlight)
        #expect(Set(link.pagesRequested).count == link.pagesRequested.count, "no page asked twice: \(link.pagesRequested)")
    }

    @Test("holding PgDn for 10,000 rows at 150 ms never shows an unloaded row, with at most a few pages in flight")
    @MainActor
    func holdingPageDown() async throws {
        var link = try await SlowLink(latency: 5)
        let rows = link.state.layout.samplesTableRows
        try await link.press(.pageDown, times: 10_000 / rows + 1)
        #expect(link.selected > 10_000)
        #expect(link.framesWithUnloadedRows == 0)
        #expect(link.mostPagesInFlight <= SamplePagePlan.maxInFlight + 1, "the pages on screen may add one")
        let kept = try #require(link.state.dataset?.samples.pages.count)
        #expect(kept <= SamplesState.pageCacheLimit)
    }

    @Test("the read-ahead only hides latency it can: at 600 ms, PgDn outruns it, and the rows still come")
    @MainActor
    func outrunAndCatchUp() async throws {
        var link = try await SlowLink(latency: 20)
        try await link.press(.pageDown, times: 100)
        #expect(link.framesWithUnloadedRows > 0, "this test would prove nothing if the link were fast enough")
        try await link.wait(keys: 2 * 20)
        #expect(link.state.visibleSampleRows.unloaded == 0, "once the answers land, the screen is whole")
        #expect(link.mostPagesInFlight <= SamplePagePlan.maxInFlight + 2)
    }

    @Test("G asks for the last page first, then the one before it; pages scrolled out of reach are cancelled")
    @MainActor
    func jumpToTheEnd() async throws {
        var link = try await SlowLink(latency: 5)
        try await link.press(.pageDown, times: 3)
        var state = link.state
        let inFlightBefore = Set(state.inFlight.keys.filter { if case .samplePage = $0 { true } else { false } })
        #expect(!inFlightBefore.isEmpty, "pages near the top are on their way")
        let effects = state.handle(.key(.character("G")))
        let started = effects.compactMap(\.ticket).compactMap { ticket -> Int? in
            if case .samplePage(let page) = ticket.slot { return page } else { return nil }
        }
        let last = (BrowserFixture.largeSamples - 1) / 100 + 1
        #expect(started == [last, last - 1])
        let cancelled = effects.compactMap(\.cancelledSlot)
        #expect(Set(cancelled) == inFlightBefore, "what was on its way near the top is dropped")
    }

    @Test("the plan: one page ahead while stepping, three while paging, nearest and onward first")
    func planFollowsTheMotion() {
        var samples = SamplesState(estimatedCount: 100_000)
        samples.table = ScrollState(selected: 160, offset: 133)
        samples.motion = ScrollMotion(direction: 1, rows: 1)
        let stepping = SamplePagePlan(samples, visibleRows: 28)
        #expect(stepping.needed == [2])
        #expect(stepping.ahead == [3, 1])

        samples.motion = ScrollMotion(direction: 1, rows: 28)
        #expect(SamplePagePlan(samples, visibleRows: 28).ahead == [3, 1, 4, 5])

        samples.motion = ScrollMotion(direction: -1, rows: 28)
        #expect(SamplePagePlan(samples, visibleRows: 28).ahead == [1, 3])

        samples.table = ScrollState(selected: 99_999, offset: 99_972)
        samples.motion = ScrollMotion(direction: 1, rows: 99_999)
        let end = SamplePagePlan(samples, visibleRows: 28)
        #expect(end.needed == [1_000])
        #expect(end.ahead == [999])
    }

    @Test("the plan asks for nothing in a dataset known to be empty, and page 1 while the count is unknown")
    func planAtTheEdges() {
        var empty = SamplesState(estimatedCount: nil)
        empty.knownCount = 0
        let nothing = SamplePagePlan(empty, visibleRows: 28)
        #expect(nothing.needed.isEmpty && nothing.ahead.isEmpty)
        let unknown = SamplesState(estimatedCount: nil)
        #expect(SamplePagePlan(unknown, visibleRows: 28).needed == [1])
    }
}
