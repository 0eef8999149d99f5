import Browser
import SegmentsAPI
import Testing

/// The Labelsets tab: browse, add, delete.
@Suite("Labelsets: browse, add, delete", .serialized, .timeLimit(.minutes(5)))
struct LabelsetTests {
    static let tab = ":dataset jane/street-scenes<Enter>:tab labelsets<Enter>"

    @Test("N asks for a name and a description and adds the labelset; Enter then browses it")
    @MainActor
    func addThenBrowse() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.tab + "Nsecond-pass<Enter>re-labelled by the vendor<Enter>")
        #expect(result.statusLine.contains("added labelset second-pass"), "\(result.statusLine)")
        #expect(result.rows(containing: "second-pass").contains { $0.contains("re-labelled by the vendor") })
        let stored = try await fixture.store().getLabelset("jane/street-scenes", name: "second-pass")
        #expect(stored.description == "re-labelled by the vendor")
        let browsing = try await fixture.run(Self.tab + "/second-pass<Enter><Enter>")
        #expect(browsing.state.dataset?.labelset == "second-pass")
        #expect(browsing.screen.contains("browsing labelset second-pass"))
    }

    @Test("a name that exists already is refused before anything is sent")
    @MainActor
    func duplicateName() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.tab + "Nground-truth<Enter>")
        #expect(result.state.overlay == nil)
        #expect(result.statusLine.contains("There is a labelset named ground-truth already"))
    }

    @Test("D is refused on ground-truth, and on another labelset asks first, then deletes it")
    @MainActor
    func deleteAsksFirst() async throws {
        let fixture = try await WritableFixture.make()
        _ = try await fixture.store().addLabelset("jane/street-scenes", name: "scratch", description: "")
        let groundTruth = try await fixture.run(Self.tab + "/ground-truth<Enter>D")
        #expect(groundTruth.state.overlay == nil)
        #expect(groundTruth.statusLine.contains("ground-truth can never be deleted"))
        let asked = try await fixture.run(Self.tab + "/scratch<Enter>D")
        #expect(asked.screen.contains("Delete labelset scratch of jane/street-scenes?"))
        let result = try await fixture.run(Self.tab + "/scratch<Enter><Enter>Dy")
        #expect(result.statusLine.contains("deleted labelset scratch"), "\(result.statusLine)")
        #expect(result.state.dataset?.labelset == "ground-truth", "the samples fall back to ground-truth")
        #expect(try await fixture.store().getLabelsets("jane/street-scenes").contains { $0.name == "scratch" } == false)
    }

    @Test("a reviewer is not offered N or D and is told the role they need")
    @MainActor
    func reviewerNotOffered() async throws {
        let fixture = try await WritableFixture.make()
        let result = try await fixture.run(Self.tab + "N", user: "carol")
        #expect(result.state.overlay == nil)
        #expect(result.statusLine.contains("needs the manager role; you are reviewer"))
    }
}
