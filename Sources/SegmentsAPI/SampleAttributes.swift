/// A sample's `attributes`: kept as the exact JSON the API sent (so nothing is
/// lost), with a typed view resolved by shape, as the SDK resolves it.
public struct SampleAttributes: Codable, Hashable, Sendable {
    public var json: JSONValue

    public init(json: JSONValue) { self.json = json }

    public init(_ content: Content) throws {
        switch content {
        case .image(let value): json = try JSONValue(encoding: value)
        case .imageSequence(let value): json = try JSONValue(encoding: value)
        case .pointcloud(let value): json = try JSONValue(encoding: value)
        case .pointcloudSequence(let value): json = try JSONValue(encoding: value)
        case .multiSensor(let value): json = try JSONValue(encoding: value)
        case .unrecognized(let value): json = value
        }
    }

    public init(from decoder: any Decoder) throws { json = try JSONValue(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }

    /// The five shapes of the reference (5.2), or the raw value when none fits.
    public enum Content: Hashable, Sendable {
        case image(ImageSampleAttributes)
        case imageSequence(ImageSequenceSampleAttributes)
        case pointcloud(PointcloudSampleAttributes)
        case pointcloudSequence(PointcloudSequenceSampleAttributes)
        case multiSensor(MultiSensorSampleAttributes)
        case unrecognized(JSONValue)
    }

    public var content: Content {
        guard let object = json.objectValue else { return .unrecognized(json) }
        if object["image"] != nil, let value = try? json.decode(as: ImageSampleAttributes.self) {
            return .image(value)
        }
        if object["pcd"] != nil, let value = try? json.decode(as: PointcloudSampleAttributes.self) {
            return .pointcloud(value)
        }
        if object["sensors"] != nil, let value = try? json.decode(as: MultiSensorSampleAttributes.self) {
            return .multiSensor(value)
        }
        if let frames = object["frames"]?.arrayValue {
            let isPointcloud = frames.first?.objectValue?["pcd"] != nil
            if isPointcloud, let value = try? json.decode(as: PointcloudSequenceSampleAttributes.self) {
                return .pointcloudSequence(value)
            }
            if !isPointcloud, let value = try? json.decode(as: ImageSequenceSampleAttributes.self) {
                return .imageSequence(value)
            }
        }
        return .unrecognized(json)
    }

    /// Whether these attributes are what a sample of a dataset with this task type holds.
    public func fits(_ taskType: TaskType) -> Bool {
        switch (content, taskType) {
        case (.unrecognized, _): return false
        case (_, .none), (_, .unknown): return true
        case (.image, .segmentationBitmap), (.image, .segmentationBitmapHighres), (.image, .bboxes),
            (.image, .vector), (.image, .keypoints):
            return true
        case (.imageSequence, .imageSegmentationSequence), (.imageSequence, .imageVectorSequence): return true
        case (.pointcloud, .pointcloudCuboid), (.pointcloud, .pointcloudSegmentation), (.pointcloud, .pointcloudVector):
            return true
        case (.pointcloudSequence, .pointcloudCuboidSequence), (.pointcloudSequence, .pointcloudSegmentationSequence),
            (.pointcloudSequence, .pointcloudVectorSequence):
            return true
        case (.multiSensor, .multisensorSequence): return true
        default: return false
        }
    }
}
