import Foundation
import Testing

@testable import SegmentsAPI

@Suite("Label attributes by task type")
struct LabelAttributesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let taskType: TaskType
        let json: String
        var testDescription: String { taskType.rawValue }
    }

    static let cases: [Case] = [
        Case(taskType: .segmentationBitmap, json: #"""
            {"format_version": "0.1", "annotations": [{"id": 1, "category_id": 2, "attributes": {"occluded": true}}],
             "segmentation_bitmap": {"url": "http://x/label.png"}, "image_attributes": {"weather": "sunny"}}
            """#),
        Case(taskType: .bboxes, json: #"""
            {"format_version": "0.1", "annotations": [{"id": 1, "category_id": 1, "type": "bbox", "points": [[1.5, 2.5], [30.5, 40.5]]}]}
            """#),
        Case(taskType: .vector, json: #"""
            {"annotations": [{"id": 2, "category_id": 1, "type": "polygon", "points": [[0.5, 0.5], [10.5, 0.5], [5.5, 8.5]],
              "attributes": {"tags": ["a", "b"], "n": 3}}]}
            """#),
        Case(taskType: .keypoints, json: #"""
            {"annotations": [{"id": 3, "category_id": 1, "type": "point", "points": [[4.5, 5.5]]}]}
            """#),
        Case(taskType: .imageSegmentationSequence, json: #"""
            {"frames": [{"annotations": [{"id": 1, "category_id": 1, "track_id": 1, "is_keyframe": true}],
                         "segmentation_bitmap": {"url": "http://x/f0.png"}, "timestamp": 0}]}
            """#),
        Case(taskType: .imageVectorSequence, json: #"""
            {"frames": [{"annotations": [{"id": 1, "category_id": 1, "track_id": 5, "type": "bbox", "points": [[1.5, 1.5], [2.5, 2.5]]}],
                         "timestamp": "00:01"}]}
            """#),
        Case(taskType: .pointcloudSegmentation, json: #"""
            {"annotations": [{"id": 1, "category_id": 1}], "point_annotations": [0, 1, 1, 0]}
            """#),
        Case(taskType: .pointcloudCuboid, json: #"""
            {"annotations": [{"id": 1, "category_id": 1, "type": "cuboid", "position": {"x": 1.5, "y": 2.5, "z": 0.5},
              "dimensions": {"x": 4.5, "y": 1.5, "z": 1.5}, "yaw": 0.5,
              "velocity": {"relative": null, "absolute": 3.5}}],
             "links": [{"from_id": 1, "to_id": 2}]}
            """#),
        Case(taskType: .pointcloudVector, json: #"""
            {"annotations": [{"id": 1, "category_id": 1, "type": "polyline", "points": [[0.5, 0.5, 0.5], [1.5, 1.5, 0.5]]},
                             {"id": 2, "category_id": 1, "type": "cuboid", "position": {"x": 1.5, "y": 2.5, "z": 0.5},
                              "dimensions": {"x": 1.5, "y": 1.5, "z": 1.5}, "yaw": 0.5}]}
            """#),
        Case(taskType: .pointcloudSegmentationSequence, json: #"""
            {"frames": [{"annotations": [{"id": 1, "category_id": 1, "track_id": 1}], "point_annotations": [1, 0]}]}
            """#),
        Case(taskType: .pointcloudCuboidSequence, json: #"""
            {"frames": [{"annotations": [{"id": 1, "category_id": 1, "track_id": 1, "type": "cuboid-sync",
              "position": {"x": 0.5, "y": 0.5, "z": 0.5}, "dimensions": {"x": 1.5, "y": 1.5, "z": 1.5}, "yaw": 1.5,
              "rotation": {"qx": 0.5, "qy": 0.5, "qz": 0.5, "qw": 0.5}}]}]}
            """#),
        Case(taskType: .pointcloudVectorSequence, json: #"""
            {"frames": [{"annotations": [{"id": 1, "category_id": 1, "track_id": 1, "type": "point", "points": [[0.5, 0.5, 0.5]]}],
                         "links": [{"from_id": 1, "to_id": 1}]}]}
            """#),
        Case(taskType: .multisensorSequence, json: #"""
            {"sensors": [{"name": "lidar", "task_type": "pointcloud-cuboid-sequence", "attributes": {"frames": []}},
                         {"name": "cam", "task_type": "image-vector-sequence", "attributes": []}]}
            """#),
    ]

    @Test("each task type reads its shape and writes it back unchanged", arguments: cases)
    func typedRoundTrip(_ testCase: Case) throws {
        let original = try JSONDecoder().decode(JSONValue.self, from: Data(testCase.json.utf8))
        var withExtras = original
        if case .object(var object) = withExtras {
            object["added_later"] = ["keep": [1, 2]]
            withExtras = .object(object)
        }
        let attributes = LabelAttributes(json: withExtras)
        let content = attributes.content(for: testCase.taskType)
        if case .unrecognized = content {
            Issue.record("\(testCase.taskType.rawValue) did not decode its own shape")
        }
        #expect(attributes.fits(testCase.taskType))
        let rewritten = try LabelAttributes(content)
        #expect(rewritten.json == withExtras)
    }

    @Test("every task type except the empty one has a case here")
    func everyTaskTypeCovered() {
        let covered = Set(Self.cases.map(\.taskType))
        let expected = Set(TaskType.knownCases.filter { $0 != .none && $0 != .segmentationBitmapHighres })
        #expect(covered == expected)
    }

    @Test("a label that does not fit the task type is unrecognised but kept")
    func misfitIsUnrecognised() throws {
        let json: JSONValue = ["annotations": [["id": 1, "category_id": 1]]]  // no points/type
        let attributes = LabelAttributes(json: json)
        #expect(!attributes.fits(.bboxes))
        #expect(attributes.fits(.segmentationBitmap) == false)  // lacks segmentation_bitmap
        #expect(attributes.content(for: .bboxes) == .unrecognized(json))
        #expect(try JSONValue(encoding: attributes) == json)
    }

    @Test("sample attributes resolve the five shapes without a discriminator")
    func sampleShapes() throws {
        func content(_ text: String) throws -> SampleAttributes.Content {
            try JSONDecoder().decode(SampleAttributes.self, from: Data(text.utf8)).content
        }
        guard case .image = try content(#"{"image": {"url": "u"}}"#) else { throw Failure("image") }
        guard case .imageSequence = try content(#"{"frames": [{"image": {"url": "u"}}]}"#) else { throw Failure("seq") }
        guard case .imageSequence = try content(#"{"frames": []}"#) else { throw Failure("empty seq") }
        guard case .pointcloud(let pc) = try content(#"{"pcd": {"url": "u", "type": "kitti"}, "images": []}"#) else {
            throw Failure("pc")
        }
        #expect(pc.pcd.type == .kitti)
        guard case .pointcloudSequence = try content(#"{"frames": [{"pcd": {"url": "u", "type": "pcd"}}]}"#) else {
            throw Failure("pc seq")
        }
        guard case .multiSensor = try content(#"{"sensors": [{"name": "a", "task_type": "pointcloud-cuboid-sequence", "attributes": {"frames": []}}]}"#)
        else { throw Failure("multi") }
        guard case .unrecognized = try content(#"{}"#) else { throw Failure("{} must not parse") }
        guard case .unrecognized = try content(#"{"text": "hello"}"#) else { throw Failure("text must not parse") }
        let image = try JSONDecoder().decode(SampleAttributes.self, from: Data(#"{"image": {"url": "u"}}"#.utf8))
        #expect(image.fits(.bboxes))
        #expect(!image.fits(.pointcloudCuboid))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
