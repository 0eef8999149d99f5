import Browser
import SegmentsAPI
import TerminalUI
import Testing

/// Nothing quits unless meant, prompts keep their keys, menus take their digits, messages
/// are kept, and the footer's hints are whole.
@Suite("Keyboard: quitting, prompts, menus, messages, footer", .serialized, .timeLimit(.minutes(5)))
struct KeyboardTrustTests {
    @Test("Esc never quits, not even from the datasets pane; q and :q do")
    @MainActor
    func escNeverQuits() async throws {
        let escaped = try await BrowserFixture.run("<Esc><Esc><Esc>")
        #expect(!escaped.state.isQuitting)
        #expect(escaped.statusLine.contains("Esc never quits: q or :q quits"), "\(escaped.statusLine)")
        let fromDetail = try await BrowserFixture.run("<Enter><Enter><Esc><Esc><Esc>")
        #expect(!fromDetail.state.isQuitting)
        #expect(try await BrowserFixture.run("q").state.isQuitting)
        #expect(try await BrowserFixture.run(":q<Enter>").state.isQuitting)
    }

    @Test("Ctrl-C in the new-issue editor asks before the text goes; Esc there keeps editing, Enter discards")
    @MainActor
    func ctrlCInEditor() async throws {
        let asked = try await BrowserFixture.run("<Enter><Enter>NBox is too loose<C-c>")
        #expect(!asked.state.isQuitting)
        #expect(asked.screen.contains("Discard your text?"), "\(asked.screen)")
        let kept = try await BrowserFixture.run("<Enter><Enter>NBox is too loose<C-c><Esc>!")
        guard case .modal(let editor, .newIssue)? = kept.state.overlay else {
            throw TestFailure("the editor is not back: \(String(describing: kept.state.overlay))")
        }
        #expect(editor.draftText == "Box is too loose!")
        let discarded = try await BrowserFixture.run("<Enter><Enter>NBox is too loose<Esc><Enter>")
        #expect(discarded.state.overlay == nil)
        #expect(!discarded.state.isQuitting)
        // Nothing typed: Ctrl-C just closes the editor; a second Ctrl-C quits.
        let empty = try await BrowserFixture.run("<Enter><Enter>N<C-c>")
        #expect(empty.state.overlay == nil && !empty.state.isQuitting)
        #expect(try await BrowserFixture.run("<Enter><Enter>N<C-c><C-c>").state.isQuitting)
    }

    @Test("Backspace on an empty prompt keeps it open: the keys after it are typed into it, not run")
    @MainActor
    func backspaceKeepsPrompt() async throws {
        for opener in ["/", "m", ":"] {
            let result = try await BrowserFixture.run("<Enter>" + opener + "<BS><BS>cy")
            guard case .prompt(let prompt)? = result.state.overlay else {
                throw TestFailure("\(opener): the prompt closed: \(result.statusLine)")
            }
            #expect(prompt.field.text == "cy", "\(opener)")
            #expect(result.state.dataset?.tab == .samples)
        }
    }

    @Test("the sort and workunit-range menus take the digits they advertise")
    @MainActor
    func menusTakeDigits() async throws {
        let sorted = try await BrowserFixture.run("<Enter>o3")
        #expect(sorted.state.overlay == nil)
        #expect(sorted.state.dataset?.samples.filter.sort == SampleSort.allCases[2])
        let range = try await BrowserFixture.run("<Enter>:tab workunits<Enter>d2")
        #expect(range.state.dataset?.workunitRange == WorkunitRange.allCases[1])
        let statuses = try await BrowserFixture.run("<Enter>s13<Enter>")
        #expect(statuses.state.dataset?.samples.filter.statuses == [.reviewed, .labeled])
    }

    @Test("an error leaves the status bar at the next key and stays in :messages")
    @MainActor
    func messagesAreKept() async throws {
        let shown = try await BrowserFixture.run(":nope<Enter>")
        #expect(shown.statusLine.contains("Unknown command :nope"))
        let next = try await BrowserFixture.run(":nope<Enter>j")
        #expect(!next.statusLine.contains("Unknown command"))
        #expect(next.statusLine.contains("help"), "the hints are back: \(next.statusLine)")
        let log = try await BrowserFixture.run(":nope<Enter>j:messages<Enter>")
        #expect(log.screen.contains("✗ Unknown command :nope"), "\(log.screen)")
    }

    @Test("help lists the keys of where you are first, scrolls to its end with G, and says more is below")
    @MainActor
    func helpScrolls() async throws {
        let small = Size(width: 80, height: 24)
        let top = try await BrowserFixture.run("<Enter>?", size: small)
        let lines = top.lines
        let firstTitle = try #require(lines.first { $0.contains("(here)") })
        #expect(firstTitle.contains("Samples tab (here)"), "\(top.screen)")
        #expect(top.screen.contains("more · j/PgDn/G"))
        let bottom = try await BrowserFixture.run("<Enter>?G", size: small)
        #expect(bottom.screen.contains("Choose the date range"), "the last binding: \(bottom.screen)")
        #expect(!bottom.screen.contains("↓"))
    }

    @Test("the footer shows whole hints only, at 80 and 60 columns, and offers Enter only where it opens something")
    @MainActor
    func footerHintsWhole() async throws {
        let shorts = Set(Bindings.all.compactMap(\.short))
        for keys in ["", "<Enter>", "<Enter><Enter>", "<Enter>:tab collaborators<Enter>", "<Enter>:tab issues<Enter>"] {
            for width in [60, 80] {
                let result = try await BrowserFixture.run(keys, size: Size(width: width, height: 24))
                let hints = result.statusLine.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.contains("request") }
                for hint in hints {
                    let short = hint.split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
                    #expect(shorts.contains(short), "\(keys) at \(width): cut hint '\(hint)' in '\(result.statusLine)'")
                }
            }
        }
        let collaborators = try await BrowserFixture.run("<Enter>:tab collaborators<Enter>")
        #expect(!collaborators.statusLine.contains("open"), "\(collaborators.statusLine)")
        let samples = try await BrowserFixture.run("<Enter>")
        #expect(samples.statusLine.contains("open"), "\(samples.statusLine)")
    }

    @Test("m opens with the filters in force selected: typing replaces them, → edits them, M removes one chip")
    @MainActor
    func metadataEdited() async throws {
        let replaced = try await BrowserFixture.run("<Enter>mweather:fog<Enter>mweather:rain<Enter>")
        #expect(replaced.state.dataset?.samples.filter.metadata.map(\.description) == ["weather:rain"])
        let edited = try await BrowserFixture.run("<Enter>mweather:fog<Enter>m<End>, night:true<Enter>")
        #expect(edited.state.dataset?.samples.filter.metadata.map(\.description) == ["weather:fog", "night:true"])
        #expect(edited.screen.contains(" weather:fog ×") && edited.screen.contains(" night:true ×"), "chips: \(edited.screen)")
        let open = try await BrowserFixture.run("<Enter>mweather:fog<Enter>m")
        #expect(open.screen.contains("comma-separated") && open.screen.contains(" weather:fog "), "\(open.screen)")
        let removed = try await BrowserFixture.run("<Enter>mweather:fog, night:true<Enter>M1")
        #expect(removed.state.dataset?.samples.filter.metadata.map(\.description) == ["night:true"])
        let cleared = try await BrowserFixture.run("<Enter>mweather:fog<Enter>m<BS><Enter>")
        #expect(cleared.state.dataset?.samples.filter.metadata.isEmpty == true)
    }

    @Test("G on a status-filtered list goes to its real end: the counter knows the total from the label counts")
    @MainActor
    func endOfFilteredList() async throws {
        let name = "jane/scale-\(BrowserFixture.largeSamples)"
        let store = try await BrowserFixture.shared.value.store()
        let labeled = try #require(try await store.getDataset(name).labelStats.labeled)
        let result = try await BrowserFixture.run(":dataset \(name)<Enter>s3<Enter>G")
        let total = Formatting.thousands(labeled)
        #expect(result.screen.contains("\(total) of \(total)"), "\(result.screen)")
        #expect(!result.screen.contains("+"))
        let samples = try #require(result.state.dataset?.samples)
        #expect(samples.sample(at: labeled - 1) != nil)
        #expect(samples.sample(at: labeled - 1)?.label?.labelStatus == .labeled)
    }

    @Test("Info and Collaborators name the same role")
    @MainActor
    func oneRole() async throws {
        let info = try await BrowserFixture.run(":dataset acme/parking-lots<Enter>:tab info<Enter>", user: "jane")
        let collaborators = try await BrowserFixture.run(":dataset acme/parking-lots<Enter>:tab collaborators<Enter>", user: "jane")
        let access = try #require(collaborators.state.dataset?.access)
        #expect(collaborators.screen.contains("you are \(access.description)"))
        let roleLine = try #require(info.lines.first { $0.contains("your role") })
        #expect(roleLine.contains(access.description), "\(roleLine) vs \(access)")
    }

    @Test("errors name the thing and the fix: an unknown collaborator, a labeler on Workunits")
    @MainActor
    func errorsNameTheThing() async throws {
        let fixture = try await WritableFixture.make()
        let unknown = try await fixture.run(":dataset jane/street-scenes<Enter>:tab collaborators<Enter>Nzed<Enter>1")
        #expect(unknown.statusLine.contains("There is no user zed"), "\(unknown.statusLine)")
        let labeler = try await fixture.run(":dataset jane/street-scenes<Enter>:tab workunits<Enter>", user: "bob")
        #expect(labeler.screen.contains("needs the manager role; you are labeler"), "\(labeler.screen)")
    }

    @Test(":sample takes a name, a uuid prefix or a uuid, and says when it matches none or several")
    @MainActor
    func sampleByNameOrPrefix() async throws {
        let store = try await BrowserFixture.shared.value.store()
        let samples = try await store.getSamples("jane/street-scenes", query: SampleQuery(perPage: 300))
        let target = try #require(samples.first { !$0.name.contains("frame_0000") })
        let byName = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:sample \(target.name)<Enter>")
        #expect(byName.state.dataset?.detail?.uuid == target.uuid)
        let byPrefix = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:sample \(target.uuid.prefix(8))<Enter>")
        #expect(byPrefix.state.dataset?.detail?.uuid == target.uuid)
        let none = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:sample no-such-name<Enter>")
        #expect(none.statusLine.contains("No sample's name contains no-such-name"), "\(none.statusLine)")
        let several = try await BrowserFixture.run(":dataset jane/street-scenes<Enter>:sample frame_000<Enter>")
        #expect(several.statusLine.contains("frame_000 matches"), "\(several.statusLine)")
        #expect(several.state.dataset?.detail == nil)
    }
}

