import Foundation
import Testing

@testable import SegmentsAPI

/// Examples written from the reference's text (not from the generator's tables),
/// so a wrong wire name in the tables shows up here.
@Suite("Models read the reference's JSON")
struct ReferenceExampleTests {
    static let dataset = #"""
        {"name": "flowers", "full_name": "jane/flowers", "description": "", "category": "garden",
         "public": false, "archived": false, "owner": {"username": "jane", "created_at": "2024-05-01T10:00:00Z"},
         "created_at": "2024-05-01T10:00:00.000000Z", "enable_ratings": false, "enable_skip_labeling": true,
         "enable_skip_reviewing": false, "enable_save_button": false, "enable_label_status_verified": false,
         "enable_same_dimensions_track_constraint": false, "enable_3d_region_of_interest": false,
         "enable_interpolation": true, "use_timestamps_for_interpolation": false, "enable_object_linking": false,
         "task_type": "segmentation-bitmap", "label_stats": {"LABELED": 3, "TOTAL": 10, "UNLABELED": 7},
         "metadata": {}, "samples_count": "10", "role": "admin",
         "task_attributes": {"format_version": "0.1", "categories": [{"id": 1, "name": "petal", "color": [255, 0, 0], "my_extra": 1}],
                             "custom_top": true},
         "labelsets": [{"name": "ground-truth", "description": "", "is_groundtruth": true}]}
        """#

    @Test("a dataset with the reference's required keys decodes, with counts and categories")
    func datasetDecodes() throws {
        let dataset = try ModelDecoding.decode(Dataset.self, from: Data(Self.dataset.utf8))
        #expect(dataset.fullName == "jane/flowers")
        #expect(dataset.isPublic == false)
        #expect(dataset.category == .garden)
        #expect(dataset.taskType == .segmentationBitmap)
        #expect(dataset.sampleCount == 10)
        #expect(dataset.labelStats.labeled == 3)
        #expect(dataset.labelStats.total == 10)
        #expect(dataset.owner.username == "jane")
        #expect(dataset.category(id: 1)?.name == "petal")
        #expect(dataset.category(id: 1)?.color == [255, 0, 0])
        #expect(dataset.taskAttributes?.unknownFields["custom_top"] == true)
        #expect(dataset.taskAttributes?.categories?.first?.unknownFields["my_extra"] == 1)
        #expect(dataset.labelsets?.first?.isGroundtruth == true)
    }

    @Test("the presigned upload File of reference 3.11 decodes with its eight AWS fields")
    func fileDecodes() throws {
        let json = #"""
            {"uuid": "5b0d8a36-2a6f-4a57-9b9e-8a1f3c0d7e21", "filename": "violet.jpg",
             "url": "http://127.0.0.1:8321/assets/5b0d8a36-2a6f-4a57-9b9e-8a1f3c0d7e21/violet.jpg",
             "created_at": "2024-05-01T12:00:00.000000Z",
             "presignedPostFields": {"url": "http://127.0.0.1:8321/uploads/", "fields": {
               "acl": "public-read", "Content-Type": "image/jpeg",
               "key": "assets/5b0d8a36-2a6f-4a57-9b9e-8a1f3c0d7e21/violet.jpg",
               "x-amz-algorithm": "AWS4-HMAC-SHA256", "x-amz-credential": "local/20240501/local/s3/aws4_request",
               "x-amz-date": "20240501T120000Z", "policy": "p", "x-amz-signature": "s"}}}
            """#
        let file = try ModelDecoding.decode(File.self, from: Data(json.utf8))
        #expect(file.presignedPostFields.url == "http://127.0.0.1:8321/uploads/")
        #expect(file.presignedPostFields.fields.contentType == "image/jpeg")
        #expect(file.presignedPostFields.fields.algorithm == "AWS4-HMAC-SHA256")
        #expect(file.presignedPostFields.fields.signature == "s")
    }

    @Test("a sample list entry carries a label summary, a sample detail a full label")
    func sampleLabelForms() throws {
        let listed = #"""
            {"uuid": "602a3eec-a61c-4a77-9fcc-3037ce5e9606", "name": "violet.jpg", "metadata": {"garden": "north"},
             "created_at": "2024-05-01T10:00:00Z", "created_by": "jane", "priority": 0,
             "attributes": {"image": {"url": "http://x/violet.jpg"}},
             "label": {"label_status": "REVIEWED", "score": 0.9, "created_by": "bob"},
             "dataset_full_name": "jane/flowers"}
            """#
        let sample = try ModelDecoding.decode(Sample.self, from: Data(listed.utf8))
        #expect(sample.label?.labelStatus == .reviewed)
        #expect(sample.label?.fullLabel == nil)
        #expect(sample.label?.score == 0.9)
        guard case .image(let image) = sample.attributes?.content else {
            Issue.record("expected image attributes")
            return
        }
        #expect(image.image.url == "http://x/violet.jpg")

        let detailed = #"""
            {"uuid": "u1", "name": "a.png", "metadata": {}, "created_at": "t", "created_by": "jane", "priority": 5,
             "label": {"sample_uuid": "u1", "label_type": "bboxes", "label_status": "LABELED", "labelset": "ground-truth",
                       "created_at": "t", "created_by": "jane", "updated_at": "t",
                       "attributes": {"format_version": "0.1", "annotations": [
                         {"id": 1, "category_id": 1, "type": "bbox", "points": [[1, 2], [3, 4]], "future": "kept"}]}}}
            """#
        let full = try ModelDecoding.decode(Sample.self, from: Data(detailed.utf8))
        let label = try #require(full.label?.fullLabel)
        #expect(label.labelType == .bboxes)
        guard case .imageVector(let vector) = label.attributes?.content(for: .bboxes) else {
            Issue.record("expected an image vector label")
            return
        }
        #expect(vector.annotations.first?.points == [[1, 2], [3, 4]])
        #expect(vector.annotations.first?.type == .bbox)
        #expect(vector.annotations.first?.unknownFields["future"] == "kept")
        // Re-encoding the typed view keeps the field we do not model.
        let reencoded = try LabelAttributes(.imageVector(vector))
        #expect(reencoded.json.objectValue?["annotations"]?.arrayValue?.first?.objectValue?["future"] == "kept")
    }

    @Test("an issue with an anchor and comments decodes")
    func issueDecodes() throws {
        let json = #"""
            {"uuid": "i1", "description": "fix the box", "created_at": "t", "updated_at": "t", "created_by": "jane",
             "updated_by": "jane", "status": "OPEN", "comments": [{"created_at": "t", "created_by": "bob", "text": "ok", "uuid": "c1"}],
             "anchor": {"type": "location", "location": {"type": "2d", "x": 1, "y": 2}},
             "sample_uuid": "u1", "sample_name": "a.png"}
            """#
        let issue = try ModelDecoding.decode(Issue.self, from: Data(json.utf8))
        #expect(issue.status == .open)
        #expect(issue.comments.first?.text == "ok")
        #expect(issue.comments.first?.unknownFields["uuid"] == "c1")
        #expect(issue.anchor?.type == .location)
        #expect(issue.anchor?.location?.x == 1)
    }

    @Test("a release and a workunit decode")
    func releaseAndWorkunit() throws {
        let release = try ModelDecoding.decode(
            Release.self,
            from: Data(#"""
                {"uuid": "r1", "name": "v1.0", "description": "", "release_type": "JSON", "attributes": {},
                 "status": "PENDING", "created_at": "t", "samples_count": 0}
                """#.utf8))
        #expect(release.status == .pending)
        #expect(release.attributes.url == nil)
        let workunit = try ModelDecoding.decode(
            Workunit.self,
            from: Data(#"""
                {"created_at": "t", "created_by": "bob", "work_type": "REVIEWING", "next_label_status": "REVIEWED",
                 "time": 12, "inactive_time": 0, "sample_uuid": "u1", "sample_name": "a.png"}
                """#.utf8))
        #expect(workunit.nextLabelStatus == .reviewed)
        #expect(workunit.time == 12)
    }
}
