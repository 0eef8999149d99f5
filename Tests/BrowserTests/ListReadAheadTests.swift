@testable import Browser
import SegmentsAPI
import TerminalUI
import Testing

/// Over a slow link every tab's list would cost a round trip when shown: once the rows on
/// screen are in, the other lists are read in the background, one at a time.
@Suite("Tab lists read ahead", .serialized, .timeLimit(.minutes(5)))
struct ListReadAheadTests {
    /// Requests answered by hand from the store, except those held back (a slow answer).
    @MainActor
    struct ManualLink {
        var state: AppState
        let store: any SegmentsService
        var pending: [RequestTicket] = []
        /// The most list read-aheads in flight at once.
        private(set) var mostListsAhead = 0

        mutating func take(_ effects: [Effect]) {
            pending.follow(effects, slot: \.slot) { $0 }
            let ahead = state.inFlight.keys.filter { if case .listAhead = $0 { true } else { false } }.count
            mostListsAhead = max(mostListsAhead, ahead)
        }

        mutating func type(_ keys: [Key]) {
            for key in keys { take(state.handle(.key(key))) }
        }

        /// Answers everything in flight (and what the answers start), except `held`.
        mutating func settle(holding held: (Slot) -> Bool = { _ in false }) async {
            while let index = pending.firstIndex(where: { !held($0.slot) }) {
                let ticket = pending.remove(at: index)
                take(state.handle(.loaded(await ticket.run(store))))
            }
        }
    }

    static func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

    /// At rest on jane/street-scenes, then `:dataset jane/flower-segmentation` typed: its
    /// requests are pending, answered by hand.
    @MainActor
    static func openingFlowerSegmentation() async throws -> ManualLink {
        let fixture = try await BrowserFixture.shared.value
        let idle = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>")
        var link = ManualLink(state: idle.state, store: fixture.store())
        link.type(keys(":dataset jane/flower-segmentation") + [.enter])
        return link
    }

    @Test("once the rows are in, the other tabs' lists are read ahead, one at a time; showing a tab asks for nothing")
    @MainActor
    func everyListIsReadAhead() async throws {
        var link = try await Self.openingFlowerSegmentation()
        await link.settle()
        #expect(link.mostListsAhead == 1)
        let dataset = try #require(link.state.dataset)
        #expect(dataset.fullName == "jane/flower-segmentation")
        #expect(dataset.collaborators.isLoaded && dataset.releases.isLoaded && dataset.labelsets.isLoaded)
        #expect(dataset.workunits.isLoaded && dataset.labelStatusCounts.isLoaded, "jane owns it: workunits are hers to see")
        for _ in DatasetTab.allCases.dropFirst() {
            let effects = link.state.handle(.key(.character("]")))
            let asked = effects.compactMap(\.ticket).filter { if case .tab = $0.slot { true } else { false } }
            #expect(asked.isEmpty, "\(link.state.dataset?.tab.title ?? ""): \(asked.map(\.request))")
        }
    }

    @Test("a list still on its way when its tab is shown is not asked for twice, and shows when it lands")
    @MainActor
    func showingATabWaitsForItsReadAhead() async throws {
        let fixture = try await BrowserFixture.shared.value
        var link = try await Self.openingFlowerSegmentation()
        await link.settle(holding: { $0 == .listAhead(.releases) })
        #expect(link.state.inFlight[.listAhead(.releases)] != nil)
        #expect(link.state.dataset?.labelsets.isLoaded == false, "one at a time: the next waits for releases")

        link.type(Self.keys(":tab releases") + [.enter])
        #expect(link.pending.map(\.slot) == [.listAhead(.releases)], "the tab's own load was not started")
        #expect(BrowserView.text(link.state).contains("loading…"))
        await link.settle()
        let releases = try await fixture.store().getReleases("jane/flower-segmentation")
        #expect(link.state.dataset?.releases.items?.map(\.name) == releases.map(\.name))
        #expect(link.state.dataset?.labelsets.isLoaded == true, "the read-ahead went on")
        #expect(!BrowserView.text(link.state).contains("loading…"))
    }

    @Test("a list the user's role refuses is not read ahead")
    @MainActor
    func refusedListsAreNotRead() async throws {
        let labeler = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>", user: "bob")
        let dataset = try #require(labeler.state.dataset)
        #expect(dataset.access == .labeler)
        #expect(dataset.releases.isLoaded && dataset.labelsets.isLoaded)
        #expect(!dataset.workunits.isLoaded && dataset.workunits.error == nil, "not asked, so nothing refused yet")
    }

    @Test("a read-ahead that fails says nothing until its tab is shown")
    @MainActor
    func failuresStayQuiet() async throws {
        var link = try await Self.openingFlowerSegmentation()
        await link.settle(holding: { $0 == .listAhead(.releases) })
        let held = try #require(link.pending.first { $0.slot == .listAhead(.releases) })
        link.pending.removeAll()
        link.take(try link.state.fail(held, with: .network("connection reset")))
        #expect(link.state.message == nil)
        #expect(link.state.dataset?.releases.error == nil)
        link.type(Self.keys(":tab releases") + [.enter])
        #expect(link.pending.contains { $0.slot == .tab(.releases) }, "the tab asks again")
    }
}
