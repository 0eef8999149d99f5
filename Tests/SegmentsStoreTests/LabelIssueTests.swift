import Foundation
import SegmentsAPI
import Testing
@testable import SegmentsStore

@Suite("Labels, labelsets and issues")
struct LabelIssueTests {
    @Test("PUT creates or replaces a label; PATCH changes only the given fields; stats follow ground truth")
    func putAndPatch() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(try await fixture.samples(["a"]).first)
        #expect(await error { try await fixture.jane.getLabel(sampleUUID: sample.uuid) } == .notFound("Not found."))
        let created = try await fixture.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes())
        #expect(created.labelStatus == .prelabeled && created.labelType == .bboxes && created.sampleUUID == sample.uuid)
        let patched = try await fixture.jane.updateLabel(
            sampleUUID: sample.uuid, labelset: "ground-truth", labelStatus: .labeled, score: 0.9)
        #expect(patched.labelStatus == .labeled && patched.score == 0.9 && patched.attributes == boxes())
        #expect(patched.createdAt == created.createdAt)
        let replaced = try await fixture.jane.addLabel(
            sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes(2), labelStatus: .reviewed, score: nil)
        #expect(replaced.score == nil && replaced.reviewedBy == "jane" && replaced.createdAt == created.createdAt)
        #expect(try await fixture.jane.getLabel(sampleUUID: sample.uuid) == replaced)
        let stats = try await fixture.jane.getDataset("jane/cars").labelStats
        #expect(stats.reviewed == 1 && stats.unlabeled == 0 && stats.total == 1)
        try await fixture.jane.deleteLabel(sampleUUID: sample.uuid, labelset: "ground-truth")
        #expect(try await fixture.jane.getDataset("jane/cars").labelStats.unlabeled == 1)
        #expect(await error { try await fixture.jane.deleteLabel(sampleUUID: sample.uuid, labelset: "ground-truth") }
            == .notFound("Not found."))
    }

    @Test("labels that do not fit the task type, unknown statuses and UNLABELED are refused; nothing changes")
    func badLabels() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(try await fixture.samples(["a"]).first)
        let cuboid = LabelAttributes(json: ["annotations": [[
            "id": 1, "category_id": 1, "type": "cuboid", "position": ["x": 1, "y": 2, "z": 3],
            "dimensions": ["x": 1, "y": 1, "z": 1], "yaw": 0.5,
        ]]])
        #expect(await error {
            try await fixture.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: cuboid)
        }?.kind == "ValidationError")
        #expect(await error {
            try await fixture.jane.addLabel(
                sampleUUID: sample.uuid, labelset: "ground-truth", attributes: LabelAttributes(json: [:]))
        }?.kind == "ValidationError")
        for status in [LabelStatus.unknown("DONE"), .unlabeled] {
            #expect(await error {
                try await fixture.jane.addLabel(
                    sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes(), labelStatus: status)
            }?.kind == "ValidationError")
        }
        #expect(await error {
            try await fixture.jane.addLabel(sampleUUID: sample.uuid, labelset: "nope", attributes: boxes())
        } == .notFound("Not found."))
        #expect(await error { try await fixture.jane.getLabel(sampleUUID: sample.uuid) } == .notFound("Not found."))
    }

    @Test("labelsets: unique names, ground truth cannot be deleted, deleting one removes its labels")
    func labelsets() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(try await fixture.samples(["a"]).first)
        let preds = try await fixture.jane.addLabelset("jane/cars", name: "preds", description: "model")
        #expect(preds.description == "model" && preds.isGroundtruth == false)
        #expect(await error { try await fixture.jane.addLabelset("jane/cars", name: "preds") }
            == .alreadyExists("A labelset with this name already exists."))
        #expect(await error { try await fixture.jane.addLabelset("jane/cars", name: "bad name") }?.kind
            == "ValidationError")
        #expect(try await fixture.jane.getLabelsets("jane/cars").map(\.name) == ["ground-truth", "preds"])
        let label = try await fixture.jane.addLabel(
            sampleUUID: sample.uuid, labelset: "preds", attributes: boxes(), labelStatus: .prelabeled, score: 0.5)
        #expect(label.labelset == "preds" && label.score == 0.5)
        #expect(await error { try await fixture.jane.deleteLabelset("jane/cars", name: "ground-truth") }?.kind
            == "ValidationError")
        try await fixture.jane.deleteLabelset("jane/cars", name: "preds")
        #expect(await error { try await fixture.jane.getLabelset("jane/cars", name: "preds") } == .notFound("Not found."))
        _ = try await fixture.jane.addLabelset("jane/cars", name: "preds")
        #expect(await error { try await fixture.jane.getLabel(sampleUUID: sample.uuid, labelset: "preds") }
            == .notFound("Not found."))
    }

    @Test("issues open, change status, carry comments and sample names, and are deleted")
    func issues() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(try await fixture.samples(["東京.jpg"]).first)
        let anchor = IssueAnchor(type: .location, location: AnchorLocation(type: "2d", x: 1, y: 2))
        let issue = try await fixture.jane.addIssue(
            sampleUUID: sample.uuid, NewIssue(description: "fix the box", anchor: anchor))
        #expect(issue.status == .open && issue.comments.isEmpty && issue.sampleName == "東京.jpg")
        #expect(issue.updatedBy == "jane" && issue.anchor == anchor && issue.sampleUUID == sample.uuid)
        _ = try await fixture.jane.addDatasetCollaborator("jane/cars", username: "bob", role: .labeler)
        let closed = try await fixture.store("bob").updateIssue(issue.uuid, status: .closed)
        #expect(closed.status == .closed && closed.updatedBy == "bob" && closed.description == "fix the box")
        let commented = try await fixture.store("bob").addIssueComment(issue.uuid, text: "done 👍")
        #expect(commented.comments.map(\.text) == ["done 👍"] && commented.comments.first?.createdBy == "bob")
        #expect(try await fixture.jane.getIssues("jane/cars").map(\.uuid) == [issue.uuid])
        #expect(await error { try await fixture.jane.updateIssue(issue.uuid, status: .unknown("DONE")) }?.kind
            == "ValidationError")
        #expect(await error { try await fixture.jane.addIssue(sampleUUID: sample.uuid, description: " ") }?.kind
            == "ValidationError")
        #expect(await error { try await fixture.jane.updateIssue("12345", description: "x") } == .notFound("Not found."))
        try await fixture.jane.deleteIssue(issue.uuid)
        #expect(try await fixture.jane.getIssues("jane/cars").isEmpty)
    }
}
