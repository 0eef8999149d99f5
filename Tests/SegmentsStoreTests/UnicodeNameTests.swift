import Foundation
import SegmentsAPI
import Testing

@testable import SegmentsStore

/// Names people type are stored and compared in NFC (issue 16, item 5): `café`
/// written with a combining accent and with `é` is one name, never two.
@Suite("Names in one Unicode form")
struct UnicodeNameTests {
    static let nfc = "caf\u{e9}"
    static let nfd = "cafe\u{301}"

    static func scalars(_ text: String?) -> [UInt32] { text.map { $0.unicodeScalars.map(\.value) } ?? [] }

    func image() -> SampleAttributes { SampleAttributes(json: ["image": .object(["url": .string("http://x/a.png")])]) }

    @Test("a sample named in NFD is stored in NFC, and the other form is the same name")
    func sampleNames() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let added = try await fixture.jane.addSample("jane/cars", NewSample(name: Self.nfd, attributes: image()))
        #expect(Self.scalars(added.name) == Self.scalars(Self.nfc))
        #expect(await error { try await fixture.jane.addSample("jane/cars", NewSample(name: Self.nfc, attributes: self.image())) }
            == .alreadyExists("A sample with this name already exists."))
        let bulk = try await fixture.jane.addSamples("jane/cars", [NewSample(name: Self.nfc, attributes: image())])
        #expect(bulk.map(\.uuid) == [added.uuid], "the bulk add finds the existing sample")
        // Renaming to the other form is no change; renaming to a new name is.
        let same = try await fixture.jane.updateSample(added.uuid, SampleUpdate(name: Self.nfd))
        #expect(Self.scalars(same.name) == Self.scalars(Self.nfc))
        let other = try await fixture.jane.addSample("jane/cars", NewSample(name: "other", attributes: image()))
        #expect(await error { try await fixture.jane.updateSample(other.uuid, SampleUpdate(name: Self.nfd)) }
            == .alreadyExists("A sample with this name already exists."))
        // Either form finds it.
        #expect(try await fixture.jane.getSamples("jane/cars", name: Self.nfd).map(\.uuid) == [added.uuid])
        #expect(try await fixture.jane.getSamples("jane/cars", name: Self.nfc).map(\.uuid) == [added.uuid])
    }

    @Test("metadata filters and release names match in either form")
    func metadataAndReleases() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try await fixture.jane.addSample(
            "jane/cars", NewSample(name: "a", attributes: image(), metadata: [Self.nfd: .string(Self.nfd)]))
        let filter = MetadataFilter(key: Self.nfc, value: Self.nfc)
        #expect(try await fixture.jane.getSamples("jane/cars", metadata: [filter]).map(\.uuid) == [sample.uuid])
        let release = try await fixture.jane.addRelease("jane/cars", name: Self.nfd)
        #expect(Self.scalars(release.name) == Self.scalars(Self.nfc))
        #expect(try await fixture.jane.getRelease("jane/cars", name: Self.nfc).uuid == release.uuid)
        #expect(await error { try await fixture.jane.addRelease("jane/cars", name: Self.nfc) }
            == .alreadyExists("A release with this name already exists."))
        await fixture.workspace.waitForReleaseJobs()
    }
}
