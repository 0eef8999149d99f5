import Foundation
import SegmentsAPI
import SegmentsClient
import Testing

/// Labels, labelsets, issues, releases, workunits and assets on both backends.
@Suite("Conformance: labels, labelsets, issues, releases, workunits, assets")
struct LabelConformanceTests {
    static let ds = "jane/cars"

    static func datasetWithSample(_ fx: BackendFixture) async throws -> Sample {
        _ = try await fx.jane.addDataset(NewDataset(name: "cars", taskType: .bboxes, taskAttributes: bboxTaskAttributes))
        return try await fx.jane.addSample(ds, NewSample(name: "a.png", attributes: imageAttributes("a.png")))
    }

    @Test("labels: unlabeled is NotFound, PUT creates or replaces, PATCH updates, DELETE removes", arguments: Backend.allCases)
    func labels(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let sample = try await Self.datasetWithSample(fx)
            #expect(await errorKind { _ = try await fx.jane.getLabel(sampleUUID: sample.uuid) } == "NotFoundError")
            let added = try await fx.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: bboxAttributes)
            #expect(added.labelStatus == .prelabeled)
            #expect(added.labelType == .bboxes)
            #expect(added.sampleUUID == sample.uuid)
            #expect(added.labelset == "ground-truth")
            #expect(added.createdBy == "jane")
            #expect(sameJSON(added.attributes?.json, bboxAttributes.json))
            #expect(sameJSON(try await fx.jane.getLabel(sampleUUID: sample.uuid).attributes?.json, bboxAttributes.json))

            let updated = try await fx.jane.updateLabel(sampleUUID: sample.uuid, labelset: "ground-truth", labelStatus: .labeled, score: 0.9)
            #expect(updated.labelStatus == .labeled)
            #expect(updated.score == 0.9)
            #expect(sameJSON(updated.attributes?.json, bboxAttributes.json), "PATCH keeps the attributes it was not given")

            let replaced = try await fx.jane.addLabel(
                sampleUUID: sample.uuid, labelset: "ground-truth", attributes: LabelAttributes(json: ["format_version": "0.1", "annotations": []]),
                labelStatus: .reviewed, score: nil)
            #expect(replaced.labelStatus == .reviewed)
            #expect(replaced.attributes?.json.objectValue?["annotations"] == [])

            try await fx.jane.deleteLabel(sampleUUID: sample.uuid, labelset: "ground-truth")
            #expect(await errorKind { _ = try await fx.jane.getLabel(sampleUUID: sample.uuid) } == "NotFoundError")
            #expect(await errorKind { _ = try await fx.jane.getLabel(sampleUUID: sample.uuid, labelset: "no-such-set") } == "NotFoundError")
            #expect(await errorKind { _ = try await fx.jane.getLabel(sampleUUID: "12345") } == "NotFoundError")
            let missing = await errorKind {
                _ = try await fx.jane.addLabel(sampleUUID: "00000000-0000-0000-0000-000000000000", labelset: "ground-truth", attributes: bboxAttributes)
            }
            #expect(missing == "NotFoundError")
        }
    }

    @Test("labelsets: add, list, get, delete; a duplicate is AlreadyExists; labels live per labelset", arguments: Backend.allCases)
    func labelsets(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let sample = try await Self.datasetWithSample(fx)
            let added = try await fx.jane.addLabelset(Self.ds, name: "preds", description: "model")
            #expect(added.name == "preds")
            #expect(added.description == "model")
            #expect(await errorKind { _ = try await fx.jane.addLabelset(Self.ds, name: "preds") } == "AlreadyExistsError")
            let all = try await fx.jane.getLabelsets(Self.ds)
            #expect(Set(all.map(\.name)) == ["ground-truth", "preds"])
            #expect(all.first { $0.name == "ground-truth" }?.isGroundtruth == true)
            #expect(try await fx.jane.getLabelset(Self.ds, name: "preds").description == "model")

            let label = try await fx.jane.addLabel(
                sampleUUID: sample.uuid, labelset: "preds", attributes: bboxAttributes, labelStatus: .prelabeled, score: 0.5)
            #expect(label.labelset == "preds")
            #expect(await errorKind { _ = try await fx.jane.getLabel(sampleUUID: sample.uuid) } == "NotFoundError", "ground-truth is separate")
            try await fx.jane.deleteLabel(sampleUUID: sample.uuid, labelset: "preds")
            try await fx.jane.deleteLabelset(Self.ds, name: "preds")
            #expect(await errorKind { _ = try await fx.jane.getLabelset(Self.ds, name: "preds") } == "NotFoundError")
            #expect(await errorKind { try await fx.jane.deleteLabelset(Self.ds, name: "preds") } == "NotFoundError")
        }
    }

    @Test("issues: add (with anchor), list, close, delete; unknown uuids are NotFound", arguments: Backend.allCases)
    func issues(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let sample = try await Self.datasetWithSample(fx)
            let issue = try await fx.jane.addIssue(sampleUUID: sample.uuid, description: "fix the box")
            #expect(issue.status == .open)
            #expect(issue.comments.isEmpty)
            #expect(issue.sampleUUID == sample.uuid)
            #expect(issue.sampleName == "a.png")
            #expect(issue.createdBy == "jane")
            let anchor = try JSONDecoder().decode(
                IssueAnchor.self, from: Data(#"{"type": "location", "location": {"type": "2d", "x": 1, "y": 2}}"#.utf8))
            let anchored = try await fx.jane.addIssue(sampleUUID: sample.uuid, NewIssue(description: "here", anchor: anchor))
            #expect(anchored.anchor == anchor)
            #expect(try await fx.jane.getIssues(Self.ds).count == 2)

            let closed = try await fx.jane.updateIssue(issue.uuid, status: .closed)
            #expect(closed.status == .closed)
            #expect(closed.description == "fix the box")
            let reworded = try await fx.jane.updateIssue(issue.uuid, description: "fixed")
            #expect(reworded.status == .closed)
            try await fx.jane.deleteIssue(issue.uuid)
            #expect(try await fx.jane.getIssues(Self.ds).map(\.uuid) == [anchored.uuid])
            #expect(await errorKind { _ = try await fx.jane.updateIssue("12345", description: "x") } == "NotFoundError")
            #expect(await errorKind { try await fx.jane.deleteIssue(issue.uuid) } == "NotFoundError")
            #expect(await errorKind { _ = try await fx.jane.addIssue(sampleUUID: "12345", description: "x") } == "NotFoundError")
        }
    }

    @Test("releases: created PENDING or SUCCEEDED, finish with a URL, listed, duplicate is AlreadyExists, deleted", arguments: Backend.allCases)
    func releases(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let sample = try await Self.datasetWithSample(fx)
            _ = try await fx.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: bboxAttributes, labelStatus: .labeled)
            let release = try await fx.jane.addRelease(Self.ds, name: "v0.1", description: "first")
            #expect(release.name == "v0.1")
            #expect(release.description == "first")
            #expect(release.releaseType == .json)
            #expect([ReleaseStatus.pending, .succeeded].contains(release.status))
            await fx.workspace.waitForReleaseJobs()
            let finished = try await fx.jane.getRelease(Self.ds, name: "v0.1")
            #expect(finished.status == .succeeded)
            #expect(finished.samplesCount == 1)
            #expect(finished.attributes.url?.isEmpty == false)
            #expect(try await fx.jane.getReleases(Self.ds).map(\.name) == ["v0.1"])
            #expect(await errorKind { _ = try await fx.jane.addRelease(Self.ds, name: "v0.1") } == "AlreadyExistsError")
            try await fx.jane.deleteRelease(Self.ds, name: "v0.1")
            #expect(await errorKind { _ = try await fx.jane.getRelease(Self.ds, name: "v0.1") } == "NotFoundError")
            #expect(await errorKind { try await fx.jane.deleteRelease(Self.ds, name: "v0.1") } == "NotFoundError")
        }
    }

    @Test("workunits are recorded when labels are written, listed newest first, filtered by time, walked by pages", arguments: Backend.allCases)
    func workunits(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let sample = try await Self.datasetWithSample(fx)
            #expect(try await fx.jane.getWorkunits(Self.ds).isEmpty)
            _ = try await fx.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: bboxAttributes)
            _ = try await fx.jane.updateLabel(sampleUUID: sample.uuid, labelset: "ground-truth", labelStatus: .labeled)
            _ = try await fx.jane.updateLabel(sampleUUID: sample.uuid, labelset: "ground-truth", labelStatus: .reviewed)
            let newestFirst = try await fx.jane.getWorkunits(Self.ds)
            #expect(newestFirst.count >= 1)
            #expect(newestFirst.allSatisfy { $0.sampleUUID == sample.uuid && $0.createdBy == "jane" })
            let oldestFirst = try await fx.jane.getWorkunits(Self.ds, direction: .ascending)
            #expect(oldestFirst.map(\.createdAt) == newestFirst.map(\.createdAt).reversed())
            let window = try await fx.jane.getWorkunits(
                Self.ds, query: WorkunitQuery(start: "2000-01-01T00:00:00", end: "2100-01-01T00:00:00", includeSessionTimeMetrics: true))
            #expect(window.count == newestFirst.count)
            #expect(try await fx.jane.getWorkunits(Self.ds, start: "2100-01-01T00:00:00").isEmpty)
            var walked = 0
            for try await _ in fx.jane.allWorkunits(Self.ds, query: WorkunitQuery(perPage: 1)) { walked += 1 }
            #expect(walked == newestFirst.count)
            #expect(await errorKind { _ = try await fx.jane.getWorkunits("jane/missing") } == "NotFoundError")
        }
    }

    @Test("upload_asset returns a File whose URL ends with the filename, with the 8 presigned fields", arguments: Backend.allCases)
    func uploadAsset(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let file = try await fx.jane.uploadAsset(Data([0x89, 0x50, 0x4E, 0x47]), filename: "a.png")
            #expect(file.filename == "a.png")
            #expect(file.url.hasSuffix("/a.png"))
            #expect(!file.presignedPostFields.fields.key.isEmpty)
            #expect(try await fx.jane.uploadAsset(Data([1])).filename == "label.png", "the SDK's default filename")
        }
    }
}
