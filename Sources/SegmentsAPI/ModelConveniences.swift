extension Dataset {
    /// The sample count whether the API sent it as a number or a numeric string.
    public var sampleCount: Int? {
        switch samplesCount {
        case .int(let value)?: Int(value)
        case .double(let value)?: Int(value)
        case .string(let text)?: Int(text)
        default: nil
        }
    }

    /// The category of a label's `category_id`, from the dataset's task attributes.
    public func category(id: Int) -> TaskCategory? {
        taskAttributes?.categories?.first { $0.id == id }
    }
}

extension TaskType {
    /// Whether samples of this type are point clouds (drawn top-down in previews).
    public var isPointcloud: Bool { rawValue.hasPrefix("pointcloud") }
    /// Whether samples of this type are sequences of frames.
    public var isSequence: Bool { rawValue.hasSuffix("sequence") }
}

/// Splits `owner/name` into its parts, as every dataset route does.
public struct DatasetIdentifier: Hashable, Sendable, CustomStringConvertible {
    public var owner: String
    public var name: String

    public init(owner: String, name: String) {
        self.owner = owner
        self.name = name
    }

    /// Fails with "Not found." like the API for anything that is not `owner/name`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw SegmentsError.notFound("Not found.")
        }
        self.init(owner: String(parts[0]), name: String(parts[1]))
    }

    public var description: String { "\(owner)/\(name)" }
}
