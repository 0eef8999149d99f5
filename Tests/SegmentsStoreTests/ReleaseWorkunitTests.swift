import Foundation
import SegmentsAPI
import Testing
@testable import SegmentsStore

@Suite("Releases and workunits")
struct ReleaseWorkunitTests {
    @Test("a release is PENDING at once, then SUCCEEDED with an export file holding every labelset")
    func releaseJob() async throws {
        let fixture = try await Fixture(releaseJobs: .held)
        try await fixture.dataset()
        let samples = try await fixture.samples(["a.jpg", "b.jpg"])
        _ = try await fixture.jane.addLabelset("jane/cars", name: "preds")
        _ = try await fixture.jane.addLabel(
            sampleUUID: samples[0].uuid, labelset: "ground-truth", attributes: boxes(), labelStatus: .labeled)
        let pending = try await fixture.jane.addRelease("jane/cars", name: "v0.1", description: "first")
        #expect(pending.status == .pending && pending.attributes.url == nil && pending.releaseType == .json)
        #expect(try await fixture.jane.getRelease("jane/cars", name: "v0.1").status == .pending)
        #expect(await error { try await fixture.jane.addRelease("jane/cars", name: "v0.1") }
            == .alreadyExists("A release with this name already exists."))

        await fixture.workspace.runHeldReleaseJobs()
        let done = try await fixture.jane.getRelease("jane/cars", name: "v0.1")
        #expect(done.status == .succeeded && done.samplesCount == 2)
        #expect(done.attributes.url == "http://127.0.0.1:8321/releases/\(done.uuid).json")

        let (url, contentType) = try #require(await fixture.workspace.assetFile(path: "releases/\(done.uuid).json"))
        #expect(contentType == "application/json")
        let export = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
        #expect(export.objectValue?["name"] == "v0.1")
        let dataset = try #require(export.objectValue?["dataset"]?.objectValue)
        #expect(dataset["owner"] == "jane" && dataset["name"] == "cars" && dataset["task_type"] == "bboxes")
        #expect(dataset["labelsets"]?.arrayValue?.count == 2)
        #expect(dataset["task_attributes"]?.objectValue?["categories"]?.arrayValue?.count == 2)
        let exported = try #require(dataset["samples"]?.arrayValue?.compactMap { $0.objectValue })
        #expect(exported.map { $0["name"] } == ["a.jpg", "b.jpg"])
        let labels = try #require(exported[0]["labels"]?.objectValue)
        #expect(labels["ground-truth"]?.objectValue?["label_status"] == "LABELED")
        #expect(labels["preds"] == .null)
        #expect(exported[1]["labels"]?.objectValue?["ground-truth"] == .null)
        #expect(try await fixture.jane.getReleases("jane/cars").map(\.name) == ["v0.1"])

        try await fixture.jane.deleteRelease("jane/cars", name: "v0.1")
        #expect(await error { try await fixture.jane.getRelease("jane/cars", name: "v0.1") } == .notFound("Not found."))
        #expect(try await fixture.workspace.assetFile(path: "releases/\(done.uuid).json") == nil)
    }

    @Test("a release whose file cannot be written is FAILED with the reason")
    func releaseFailure() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        // A plain file where the releases folder should be makes the export unwritable.
        try Data("x".utf8).write(to: fixture.folder.appendingPathComponent("releases"))
        _ = try await fixture.jane.addRelease("jane/cars", name: "broken")
        await fixture.workspace.waitForReleaseJobs()
        let release = try await fixture.jane.getRelease("jane/cars", name: "broken")
        #expect(release.status == .failed)
        #expect(release.statusInfo?.isEmpty == false)
    }

    @Test("a release left pending when the process ended is finished when the workspace is opened again")
    func resumeAfterRestart() async throws {
        let fixture = try await Fixture(releaseJobs: .held)
        try await fixture.dataset()
        _ = try await fixture.jane.addRelease("jane/cars", name: "v1")
        await fixture.workspace.shutdown()
        #expect(try await fixture.jane.getRelease("jane/cars", name: "v1").status == .pending)
        let reopened = try await Workspace(folder: fixture.folder)
        await reopened.waitForReleaseJobs()
        let release = try await reopened.store(actingAs: "jane", baseURL: "http://h").getRelease("jane/cars", name: "v1")
        #expect(release.status == .succeeded && release.attributes.url?.hasPrefix("http://h/releases/") == true)
    }

    @Test("label writes record workunits by kind of work; start/end filter and sorting work both ways")
    func workunits() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(await fixture.samples(["a"]).first)
        _ = try await fixture.jane.addDatasetCollaborator("jane/cars", username: "carol", role: .reviewer)
        _ = try await fixture.jane.addLabel(
            sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes(), labelStatus: .labeled)
        _ = try await fixture.store("carol").updateLabel(
            sampleUUID: sample.uuid, labelset: "ground-truth", labelStatus: .reviewed)
        let newestFirst = try await fixture.jane.getWorkunits("jane/cars")
        #expect(newestFirst.map(\.workType) == ["REVIEWING", "LABELING"])
        #expect(newestFirst.map(\.createdBy) == ["carol", "jane"])
        #expect(newestFirst.map(\.nextLabelStatus) == [.reviewed, .labeled])
        #expect(newestFirst.allSatisfy { $0.sampleUUID == sample.uuid && $0.sampleName == "a" })
        let oldestFirst = try await fixture.jane.getWorkunits("jane/cars", direction: .ascending)
        #expect(oldestFirst.map(\.uuid) == newestFirst.map(\.uuid).reversed())
        let first = newestFirst[1].createdAt
        // Start is inclusive, end exclusive.
        #expect(try await fixture.jane.getWorkunits("jane/cars", start: first).count == 2)
        #expect(try await fixture.jane.getWorkunits("jane/cars", end: first).isEmpty)
        #expect(try await fixture.jane.getWorkunits(
            "jane/cars", start: "2000-01-01T00:00:00", end: "2100-01-01T00:00:00").count == 2)
        #expect(try await fixture.jane.getWorkunits("jane/cars", perPage: 1, page: 2).count == 1)
        #expect(await error { try await fixture.jane.getWorkunits("jane/cars", perPage: 1, page: 3) }
            == .notFound("Invalid page."))
        #expect(await error { try await fixture.jane.getWorkunits("jane/cars", start: "last week") }?.kind
            == "ValidationError")
        let metrics = try await fixture.jane.getWorkunits(
            "jane/cars", query: WorkunitQuery(includeSessionTimeMetrics: true))
        #expect(metrics.allSatisfy { $0.sessionTimeMetrics != nil })
    }
}

@Suite("Assets")
struct AssetTests {
    @Test("uploaded bytes are served back under the File's URL")
    func upload() async throws {
        let fixture = try await Fixture()
        let bytes = Data([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
        let file = try await fixture.jane.uploadAsset(bytes, filename: "a.png")
        #expect(file.url == "http://127.0.0.1:8321/assets/\(file.uuid)/a.png")
        #expect(file.presignedPostFields.fields.key == "assets/\(file.uuid)/a.png")
        let (url, contentType) = try #require(await fixture.workspace.assetFile(path: "assets/\(file.uuid)/a.png"))
        #expect(contentType == "image/png")
        #expect(try Data(contentsOf: url) == bytes)
    }

    @Test("hostile filenames stay inside the workspace folder")
    func hostileNames() async throws {
        let fixture = try await Fixture()
        for name in ["../../etc/passwd", "/etc/shadow", "..", "a/../../b.png", "東京.png", "\u{1b}[31m.png", ""] {
            let file = try await fixture.jane.uploadAsset(Data("x".utf8), filename: name)
            let key = file.presignedPostFields.fields.key
            #expect(!key.contains("..") && key.hasPrefix("assets/\(file.uuid)/"), "\(name)")
            let (url, _) = try #require(await fixture.workspace.assetFile(path: key))
            #expect(url.path.hasPrefix(fixture.folder.path + "/"))
        }
        for path in ["../workspace.sqlite", "assets/../workspace.sqlite", "workspace.sqlite", "releases/../x.json",
                     "assets/00000000-0000-0000-0000-000000000000/../../workspace.sqlite"] {
            #expect(try await fixture.workspace.assetFile(path: path) == nil, "\(path)")
        }
    }

    @Test("the presigned upload accepts our signature only, then serves the bytes with the given content type")
    func presignedFlow() async throws {
        let fixture = try await Fixture()
        let file = try await fixture.workspace.presignedUpload(filename: "label.png", baseURL: "http://h:1", actingAs: "bob")
        #expect(file.presignedPostFields.url == "http://h:1/uploads/")
        let fields = file.presignedPostFields.fields
        #expect(try await fixture.workspace.assetFile(path: fields.key) == nil)
        // One hex digit changed (never to itself: a signature starting with 0 happens once in 16 runs).
        let forged = (fields.signature.first == "0" ? "1" : "0") + fields.signature.dropFirst()
        var form = ["key": fields.key, "policy": fields.policy, "x-amz-signature": forged, "Content-Type": "image/png"]
        await #expect(throws: SegmentsError.self) { try await fixture.workspace.acceptUpload(fields: form, content: Data([1])) }
        form["x-amz-signature"] = fields.signature
        try await fixture.workspace.acceptUpload(fields: form, content: Data([1, 2]))
        let (url, contentType) = try #require(await fixture.workspace.assetFile(path: fields.key))
        let stored = try Data(contentsOf: url)
        #expect(contentType == "image/png" && stored == Data([1, 2]))
    }
}
