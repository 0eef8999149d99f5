import Browser
import SegmentsAPI
import Testing

/// `a`/`x`/`u` in the sample detail, against a workspace of their own (they write).
@Suite("Triage: accept, reject and undo from the sample detail", .serialized, .timeLimit(.minutes(5)))
struct TriageTests {
    /// Street scenes filtered to LABELED samples, the first one open.
    static let firstLabeled = ":dataset jane/street-scenes<Enter>sjj<Space><Enter><Enter>"

    @Test("a accepts the label (REVIEWED in the store) and moves on to the next sample")
    @MainActor
    func acceptMovesOn() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.firstLabeled + "a")
        let samples = try #require(result.state.dataset?.samples)
        let first = try #require(samples.sample(at: 0))
        let second = try #require(samples.sample(at: 1))
        #expect(result.state.dataset?.detail?.uuid == second.uuid)
        let stored = try await fixture.store().getLabel(sampleUUID: first.uuid, labelset: "ground-truth")
        #expect(stored.labelStatus == .reviewed)
        #expect(result.statusLine.contains("accepted \(first.name) (REVIEWED)"))
        #expect(result.screen.contains("1 reviewed this session"))
        // The next LABELED sample, accepted, then back to the table: its row follows.
        let list = try await fixture.run(Self.firstLabeled + "aq")
        let accepted = try #require(list.state.triage.decisions.first?.sampleName)
        #expect(accepted == second.name)
        #expect(list.rows(containing: accepted).contains { $0.lowercased().contains("reviewed") }, "\(list.rows(containing: accepted))")
    }

    @Test("x rejects the label and moves on; two decisions count two")
    @MainActor
    func rejectMovesOn() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.firstLabeled + "ax")
        let samples = try #require(result.state.dataset?.samples)
        let second = try #require(samples.sample(at: 1))
        let third = try #require(samples.sample(at: 2))
        #expect(result.state.dataset?.detail?.uuid == third.uuid)
        let stored = try await fixture.store().getLabel(sampleUUID: second.uuid, labelset: "ground-truth")
        #expect(stored.labelStatus == .rejected)
        #expect(result.statusLine.contains("rejected \(second.name) (REJECTED)"))
        #expect(result.screen.contains("2 reviewed this session"))
    }

    @Test("u puts the last decision's label back to its previous status")
    @MainActor
    func undoRestores() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.firstLabeled + "xu")
        let first = try #require(result.state.dataset?.samples.sample(at: 0))
        let stored = try await fixture.store().getLabel(sampleUUID: first.uuid, labelset: "ground-truth")
        #expect(stored.labelStatus == .labeled)
        #expect(result.statusLine.contains("undid reject of \(first.name): back to LABELED"))
        #expect(result.state.triage.decisions.isEmpty)
        #expect(!result.screen.contains("reviewed this session"))
        let nothing = try await fixture.run(Self.firstLabeled + "u")
        #expect(nothing.statusLine.contains("nothing to undo in this session"))
    }

    @Test("a labeler is not offered a, x or u; pressing one names the role it needs and writes nothing")
    @MainActor
    func labelerNotOffered() async throws {
        let fixture = try await WritableFixture.make()
        // bob is a labeler on jane/street-scenes: reviewing statuses are not his to write.
        let result = try await fixture.run(Self.firstLabeled + "a", user: "bob")
        let first = try #require(result.state.dataset?.samples.sample(at: 0))
        #expect(result.state.dataset?.access == .labeler)
        #expect(result.state.dataset?.detail?.uuid == first.uuid, "still on the same sample")
        #expect(result.statusLine.contains("needs the reviewer role; you are labeler"), "\(result.statusLine)")
        #expect(result.state.triage.decisions.isEmpty)
        let footer = try await fixture.run(Self.firstLabeled, user: "bob").statusLine
        #expect(footer.contains("next") && !footer.contains("accept") && !footer.contains("reject"), "\(footer)")
        let stored = try await fixture.store().getLabel(sampleUUID: first.uuid, labelset: "ground-truth")
        #expect(stored.labelStatus == .labeled)
    }

    @Test("a reviewer demoted meanwhile is refused with the server's words; the label and the screen stay")
    @MainActor
    func demotedReviewerRefused() async throws {
        let fixture = try await WritableFixture.make()
        var state = try await fixture.run(Self.firstLabeled, user: "carol").state
        #expect(state.dataset?.access == .reviewer)
        let first = try #require(state.dataset?.samples.sample(at: 0))
        _ = try await fixture.store("jane").updateDatasetCollaborator("jane/street-scenes", username: "carol", role: .labeler)
        let effects = state.handle(.key(.character("a")))
        guard let write = effects.ticket(in: .labelWrite), case .setLabelStatus(let uuid, let labelset, let status) = write.request else {
            throw TestFailure("no label write in \(effects)")
        }
        // The write the runner would send, sent as carol: the store refuses it.
        let refusal = await #expect(throws: SegmentsError.self) {
            _ = try await fixture.store("carol").updateLabel(sampleUUID: uuid, labelset: labelset, LabelUpdate(labelStatus: status))
        }
        _ = try state.fail(write, with: try #require(refusal))
        #expect(state.dataset?.detail?.uuid == first.uuid, "still on the same sample")
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("do not have permission") == true)
        #expect(state.triage.decisions.isEmpty)
        #expect(!state.triage.isSaving)
        let stored = try await fixture.store().getLabel(sampleUUID: first.uuid, labelset: "ground-truth")
        #expect(stored.labelStatus == .labeled)
    }

    @Test("--read-only refuses a, x and u with \"read-only mode\" and writes nothing")
    @MainActor
    func readOnlyRefuses() async throws {
        let fixture = try await WritableFixture.make()
        for key in ["a", "x", "u"] {
            let result = try await fixture.run(Self.firstLabeled + key, readOnly: true)
            let first = try #require(result.state.dataset?.samples.sample(at: 0))
            #expect(result.state.dataset?.detail?.uuid == first.uuid)
            #expect(result.statusLine.contains("read-only mode"), "\(key): \(result.statusLine)")
            let stored = try await fixture.store().getLabel(sampleUUID: first.uuid, labelset: "ground-truth")
            #expect(stored.labelStatus == .labeled)
        }
    }

    @Test("--read-only help still lists the writes, each with \"read-only mode\"; the footer drops them")
    @MainActor
    func readOnlyHelpExplains() async throws {
        let fixture = try await BrowserFixture.shared.value
        let session = SessionInfo(server: "test workspace", readOnly: true)
        let help = try await BrowserFixture.run("?", service: fixture.store(), size: .init(width: 120, height: 90), session: session)
        #expect(help.screen.contains("Accept the label (REVIEWED) and go to the next sample — read-only mode"))
        #expect(help.screen.contains("Next sample in the current order") && !help.screen.contains("order — read-only"))
        let detail = try await BrowserFixture.run(
            ":dataset jane/street-scenes<Enter><Enter>", service: fixture.store(), session: session)
        #expect(detail.statusLine.contains("next") && !detail.statusLine.contains("accept"))
    }
}
