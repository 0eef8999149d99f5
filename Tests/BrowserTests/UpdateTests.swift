import Foundation
import Browser
import SegmentsAPI
import TerminalUI
import Testing

@Suite("update: requests, latest wins, stale results dropped", .serialized, .timeLimit(.minutes(5)))
struct UpdateTests {
    func started() -> (AppState, [Effect]) {
        var state = AppState(size: Size(width: 120, height: 35), session: SessionInfo(server: "test"))
        let effects = state.start()
        return (state, effects)
    }

    @Test("starting asks for the datasets and marks the app busy")
    func startRequestsDatasets() {
        let (state, effects) = started()
        #expect(state.isBusy)
        guard let ticket = effects.first?.ticket, ticket.slot == .datasets, ticket.request == .datasets else {
            Issue.record("expected a datasets request, got \(effects)")
            return
        }
    }

    @Test("a result whose id is not the slot's current request is dropped")
    func staleResultDropped() throws {
        var (state, effects) = started()
        guard let first = effects.first?.ticket else { throw TestFailure("no request") }
        // `r` replaces the request in flight: the first answer is now stale.
        let retry = state.handle(.key(.character("r")))
        guard let second = retry.first?.ticket else { throw TestFailure("no retry") }
        #expect(first.id != second.id)
        let ignored = try state.fail(first, with: .network("boom"))
        #expect(ignored.isEmpty)
        #expect(state.message?.text.contains("boom") != true)
        #expect(state.isBusy, "the second request is still awaited")
        _ = try state.fail(second, with: .network("boom"))
        #expect(state.message?.text == "NetworkError: boom")
        #expect(!state.isBusy)
    }

    @Test("an answer of another type than the call's cannot land; the right one lands in its slot")
    func answersLandOnlyWhereAsked() throws {
        var (state, effects) = started()
        let ticket = try #require(effects.first?.ticket)
        #expect(ticket.answered([SegmentsAPI.Issue]()) == nil, "a list of issues is no answer to the datasets call")
        #expect(ticket.answered("jane") == nil)
        #expect(state.isBusy, "nothing landed")
        let user = try JSONDecoder().decode(User.self, from: Data(#"{"username": "jane", "created_at": "2026-01-01T00:00:00Z", "is_organization": false}"#.utf8))
        _ = try state.answer(ticket, with: DatasetListing(user: user, datasets: []))
        #expect(state.user?.username == "jane")
        #expect(state.datasets.items?.isEmpty == true)
        #expect(!state.isBusy)
    }

    @Test("update is a pure function of state and event")
    func updateIsPure() {
        let (state, _) = started()
        let (first, firstEffects) = update(state, .key(.character("?")))
        let (second, secondEffects) = update(state, .key(.character("?")))
        #expect(firstEffects == secondEffects)
        if case .help? = first.overlay, case .help? = second.overlay {} else { Issue.record("help did not open") }
        #expect(state.overlay == nil, "the input state is unchanged")
    }

    @Test("a disabled binding explains itself instead of acting")
    func disabledBindingExplains() {
        var (state, _) = started()
        _ = state.handle(.key(.character("n")))
        // n is only bound in the sample detail; elsewhere nothing happens.
        #expect(state.overlay == nil)
        let binding = Bindings.all.first { $0.command == .nextSample }
        #expect(binding?.disabledReason(state) == "no sample is open")
    }

    @Test("every binding has a description and keys are unique per context")
    func bindingTableIsConsistent() {
        for context in BindingContext.allCases {
            let keys = Bindings.all.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
        }
        #expect(Bindings.all.allSatisfy { !$0.description.isEmpty && !$0.keys.isEmpty })
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

@Suite("Formatting and key notation", .serialized, .timeLimit(.minutes(5)))
struct FormattingTests {
    @Test("thousands separators")
    func thousands() {
        #expect(Formatting.thousands(0) == "0")
        #expect(Formatting.thousands(999) == "999")
        #expect(Formatting.thousands(1204) == "1,204")
        #expect(Formatting.thousands(100_000) == "100,000")
        #expect(Formatting.thousands(-1_234_567) == "-1,234,567")
    }

    @Test("relative times")
    func relativeTimes() throws {
        let now = try #require(Timestamp.epochSeconds("2026-01-10T12:00:00Z"))
        #expect(Formatting.relative("2026-01-10T11:59:30.123Z", now: now) == "just now")
        #expect(Formatting.relative("2026-01-10T09:00:00Z", now: now) == "3h ago")
        #expect(Formatting.relative("2026-01-08T12:00:00+00:00", now: now) == "2d ago")
        #expect(Formatting.relative("2025-01-01T00:00:00Z", now: now) == "1y ago")
        #expect(Formatting.relative("garbage", now: now) == "")
    }

    @Test("timestamps round-trip through epoch seconds")
    func timestampRoundTrip() {
        for text in ["1970-01-01T00:00:00", "2024-02-29T23:59:59", "2026-11-29T08:30:00"] {
            #expect(Timestamp.epochSeconds(text).map(Timestamp.isoString(epochSeconds:)) == text)
        }
    }

    @Test("--keys notation")
    func keyNotation() throws {
        let events = try KeyNotation.parse("j<Enter><C-c><lt><Resize 90x30><PgDn>")
        #expect(events.count == 6)
        if case .key(.character("j")) = events[0] {} else { Issue.record("j") }
        if case .key(.enter) = events[1] {} else { Issue.record("Enter") }
        if case .key(.ctrl("c")) = events[2] {} else { Issue.record("C-c") }
        if case .key(.character("<")) = events[3] {} else { Issue.record("lt") }
        if case .resize(let size) = events[4] { #expect(size == Size(width: 90, height: 30)) } else { Issue.record("resize") }
        if case .key(.pageDown) = events[5] {} else { Issue.record("PgDn") }
        #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<Nope>") }
    }
}
