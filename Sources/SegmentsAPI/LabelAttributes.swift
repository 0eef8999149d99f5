/// A label's `attributes`: kept as the exact JSON (lossless whatever the API adds),
/// with a typed view chosen by the dataset's task type.
public struct LabelAttributes: Codable, Hashable, Sendable {
    public var json: JSONValue

    public init(json: JSONValue) { self.json = json }

    public init(_ content: LabelContent) throws {
        json = try content.json()
    }

    public init(from decoder: any Decoder) throws { json = try JSONValue(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }

    /// The typed label for a task type; `.unrecognized` when the JSON does not fit it.
    public func content(for taskType: TaskType) -> LabelContent {
        (try? LabelContent(json: json, taskType: taskType)) ?? .unrecognized(json)
    }

    /// Whether these attributes are a valid label for the task type (what the store
    /// checks before it writes a label).
    public func fits(_ taskType: TaskType) -> Bool {
        if case .unrecognized = content(for: taskType) { return false }
        return true
    }
}

/// The eleven label shapes of the reference (5.3).
public enum LabelContent: Hashable, Sendable {
    case imageSegmentation(ImageSegmentationLabel)
    case imageVector(ImageVectorLabel)
    case imageSequenceSegmentation(ImageSequenceSegmentationLabel)
    case imageSequenceVector(ImageSequenceVectorLabel)
    case pointcloudSegmentation(PointcloudSegmentationLabel)
    case pointcloudCuboid(PointcloudCuboidLabel)
    case pointcloudVector(PointcloudVectorLabel)
    case pointcloudSequenceSegmentation(PointcloudSequenceSegmentationLabel)
    case pointcloudSequenceCuboid(PointcloudSequenceCuboidLabel)
    case pointcloudSequenceVector(PointcloudSequenceVectorLabel)
    case multiSensor(MultiSensorLabel)
    case unrecognized(JSONValue)

    /// Decodes the shape that belongs to the task type; throws when the JSON does not fit.
    public init(json: JSONValue, taskType: TaskType) throws {
        switch taskType {
        case .segmentationBitmap, .segmentationBitmapHighres:
            self = .imageSegmentation(try json.decode(as: ImageSegmentationLabel.self))
        case .bboxes, .vector, .keypoints:
            self = .imageVector(try json.decode(as: ImageVectorLabel.self))
        case .imageSegmentationSequence:
            self = .imageSequenceSegmentation(try json.decode(as: ImageSequenceSegmentationLabel.self))
        case .imageVectorSequence:
            self = .imageSequenceVector(try json.decode(as: ImageSequenceVectorLabel.self))
        case .pointcloudSegmentation:
            self = .pointcloudSegmentation(try json.decode(as: PointcloudSegmentationLabel.self))
        case .pointcloudCuboid:
            self = .pointcloudCuboid(try json.decode(as: PointcloudCuboidLabel.self))
        case .pointcloudVector:
            self = .pointcloudVector(try json.decode(as: PointcloudVectorLabel.self))
        case .pointcloudSegmentationSequence:
            self = .pointcloudSequenceSegmentation(try json.decode(as: PointcloudSequenceSegmentationLabel.self))
        case .pointcloudCuboidSequence:
            self = .pointcloudSequenceCuboid(try json.decode(as: PointcloudSequenceCuboidLabel.self))
        case .pointcloudVectorSequence:
            self = .pointcloudSequenceVector(try json.decode(as: PointcloudSequenceVectorLabel.self))
        case .multisensorSequence:
            self = .multiSensor(try json.decode(as: MultiSensorLabel.self))
        case .none, .unknown:
            throw SegmentsError.validation("Label attributes cannot be read for task type \"\(taskType.rawValue)\".")
        }
    }

    public func json() throws -> JSONValue {
        switch self {
        case .imageSegmentation(let value): return try JSONValue(encoding: value)
        case .imageVector(let value): return try JSONValue(encoding: value)
        case .imageSequenceSegmentation(let value): return try JSONValue(encoding: value)
        case .imageSequenceVector(let value): return try JSONValue(encoding: value)
        case .pointcloudSegmentation(let value): return try JSONValue(encoding: value)
        case .pointcloudCuboid(let value): return try JSONValue(encoding: value)
        case .pointcloudVector(let value): return try JSONValue(encoding: value)
        case .pointcloudSequenceSegmentation(let value): return try JSONValue(encoding: value)
        case .pointcloudSequenceCuboid(let value): return try JSONValue(encoding: value)
        case .pointcloudSequenceVector(let value): return try JSONValue(encoding: value)
        case .multiSensor(let value): return try JSONValue(encoding: value)
        case .unrecognized(let value): return value
        }
    }
}

/// An item of a point-cloud vector label: a polygon/polyline/point, or a cuboid,
/// told apart by `type` as the SDK does.
public enum PointcloudVectorItem: Codable, Hashable, Sendable {
    case vector(PointcloudVectorAnnotation)
    case cuboid(CuboidAnnotation)

    private enum TypeKey: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        if PointcloudCuboidAnnotationType(knownRawValue: type) != nil {
            self = .cuboid(try CuboidAnnotation(from: decoder))
        } else {
            self = .vector(try PointcloudVectorAnnotation(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .vector(let value): try value.encode(to: encoder)
        case .cuboid(let value): try value.encode(to: encoder)
        }
    }
}

/// A sample's `label` in list and detail responses: the full Label, or the
/// LabelSummary that sample lists carry.
public enum SampleLabel: Codable, Hashable, Sendable {
    case full(Label)
    case summary(LabelSummary)

    private enum ProbeKey: String, CodingKey { case sampleUUID = "sample_uuid", labelType = "label_type" }

    public init(from decoder: any Decoder) throws {
        let probe = try decoder.container(keyedBy: ProbeKey.self)
        if probe.contains(.sampleUUID) && probe.contains(.labelType) {
            self = .full(try Label(from: decoder))
        } else {
            self = .summary(try LabelSummary(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .full(let value): try value.encode(to: encoder)
        case .summary(let value): try value.encode(to: encoder)
        }
    }

    public var labelStatus: LabelStatus {
        switch self {
        case .full(let label): label.labelStatus
        case .summary(let summary): summary.labelStatus
        }
    }

    public var score: Double? {
        switch self {
        case .full(let label): label.score
        case .summary(let summary): summary.score
        }
    }

    public var fullLabel: Label? {
        if case .full(let label) = self { return label }
        return nil
    }
}
