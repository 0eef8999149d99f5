/// The bodies the SDK sends, with its defaults. The client encodes them; the
/// server decodes them (missing keys take the SDK's defaults).

/// `add_dataset`: POST /user/datasets/ or /organizations/{org}/datasets/.
public struct NewDataset: Codable, Hashable, Sendable {
    public var name: String
    public var description: String = ""
    public var taskType: TaskType = .segmentationBitmap
    public var taskAttributes: TaskAttributes = NewDataset.defaultTaskAttributes
    public var category: Category = .other
    public var isPublic: Bool = false
    public var readme: String = ""
    public var metadata: JSONObject = [:]
    public var labelingInactivityTimeoutSeconds: Int = 300
    public var enableSkipLabeling: Bool = true
    public var enableSkipReviewing: Bool = false
    public var enableRatings: Bool = false
    public var enableInterpolation: Bool = true
    public var enableSameDimensionsTrackConstraint: Bool = false
    public var enableSaveButton: Bool = false
    public var enableLabelStatusVerified: Bool = false
    public var enable3DCuboidRotation: Bool = false
    public var enable3DRegionOfInterest: Bool = false
    public var enableConfirmOnSubmit: Bool = false
    public var archived: Bool = false
    public var regionOfInterest: JSONValue?
    public var enableObjectLinking: Bool?
    public var enableObjectLinkCategoryRestrictions: Bool?
    public var enableExtrapolation: Bool?
    /// Not part of the body: an organisation's username makes it the owner.
    public var organization: String?

    public static let defaultTaskAttributes = TaskAttributes(
        formatVersion: "0.1", categories: [TaskCategory(name: "object", id: 1)])

    public init(name: String, description: String = "", taskType: TaskType = .segmentationBitmap,
                taskAttributes: TaskAttributes? = nil, category: Category = .other, isPublic: Bool = false,
                readme: String = "", metadata: JSONObject = [:], organization: String? = nil) {
        self.name = name
        self.description = description
        self.taskType = taskType
        self.taskAttributes = taskAttributes ?? Self.defaultTaskAttributes
        self.category = category
        self.isPublic = isPublic
        self.readme = readme
        self.metadata = metadata
        self.organization = organization
    }

    enum CodingKeys: String, CodingKey {
        case name, description, category, readme, metadata, archived
        case taskType = "task_type", taskAttributes = "task_attributes", isPublic = "public"
        case labelingInactivityTimeoutSeconds = "labeling_inactivity_timeout_seconds"
        case enableSkipLabeling = "enable_skip_labeling", enableSkipReviewing = "enable_skip_reviewing"
        case enableRatings = "enable_ratings", enableInterpolation = "enable_interpolation"
        case enableSameDimensionsTrackConstraint = "enable_same_dimensions_track_constraint"
        case enableSaveButton = "enable_save_button", enableLabelStatusVerified = "enable_label_status_verified"
        case enable3DCuboidRotation = "enable_3d_cuboid_rotation"
        case enable3DRegionOfInterest = "enable_3d_region_of_interest"
        case enableConfirmOnSubmit = "enable_confirm_on_submit", dataType = "data_type"
        case regionOfInterest = "region_of_interest", enableObjectLinking = "enable_object_linking"
        case enableObjectLinkCategoryRestrictions = "enable_object_link_category_restrictions"
        case enableExtrapolation = "enable_extrapolation"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        taskType = try c.decodeIfPresent(TaskType.self, forKey: .taskType) ?? .segmentationBitmap
        taskAttributes = try c.decodeIfPresent(TaskAttributes.self, forKey: .taskAttributes) ?? Self.defaultTaskAttributes
        category = try c.decodeIfPresent(Category.self, forKey: .category) ?? .other
        isPublic = try c.decodeIfPresent(Bool.self, forKey: .isPublic) ?? false
        readme = try c.decodeIfPresent(String.self, forKey: .readme) ?? ""
        metadata = try c.decodeIfPresent(JSONObject.self, forKey: .metadata) ?? [:]
        labelingInactivityTimeoutSeconds = try c.decodeIfPresent(Int.self, forKey: .labelingInactivityTimeoutSeconds) ?? 300
        enableSkipLabeling = try c.decodeIfPresent(Bool.self, forKey: .enableSkipLabeling) ?? true
        enableSkipReviewing = try c.decodeIfPresent(Bool.self, forKey: .enableSkipReviewing) ?? false
        enableRatings = try c.decodeIfPresent(Bool.self, forKey: .enableRatings) ?? false
        enableInterpolation = try c.decodeIfPresent(Bool.self, forKey: .enableInterpolation) ?? true
        enableSameDimensionsTrackConstraint =
            try c.decodeIfPresent(Bool.self, forKey: .enableSameDimensionsTrackConstraint) ?? false
        enableSaveButton = try c.decodeIfPresent(Bool.self, forKey: .enableSaveButton) ?? false
        enableLabelStatusVerified = try c.decodeIfPresent(Bool.self, forKey: .enableLabelStatusVerified) ?? false
        enable3DCuboidRotation = try c.decodeIfPresent(Bool.self, forKey: .enable3DCuboidRotation) ?? false
        enable3DRegionOfInterest = try c.decodeIfPresent(Bool.self, forKey: .enable3DRegionOfInterest) ?? false
        enableConfirmOnSubmit = try c.decodeIfPresent(Bool.self, forKey: .enableConfirmOnSubmit) ?? false
        archived = try c.decodeIfPresent(Bool.self, forKey: .archived) ?? false
        regionOfInterest = try c.decodeIfPresent(JSONValue.self, forKey: .regionOfInterest)
        enableObjectLinking = try c.decodeIfPresent(Bool.self, forKey: .enableObjectLinking)
        enableObjectLinkCategoryRestrictions =
            try c.decodeIfPresent(Bool.self, forKey: .enableObjectLinkCategoryRestrictions)
        enableExtrapolation = try c.decodeIfPresent(Bool.self, forKey: .enableExtrapolation)
        organization = nil
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(taskType, forKey: .taskType)
        try c.encode(taskAttributes, forKey: .taskAttributes)
        try c.encode(category, forKey: .category)
        try c.encode(isPublic, forKey: .isPublic)
        try c.encode(readme, forKey: .readme)
        try c.encode(labelingInactivityTimeoutSeconds, forKey: .labelingInactivityTimeoutSeconds)
        try c.encode(enableSkipLabeling, forKey: .enableSkipLabeling)
        try c.encode(enableSkipReviewing, forKey: .enableSkipReviewing)
        try c.encode(enableRatings, forKey: .enableRatings)
        try c.encode(enableInterpolation, forKey: .enableInterpolation)
        try c.encode(enableSameDimensionsTrackConstraint, forKey: .enableSameDimensionsTrackConstraint)
        try c.encode(enableSaveButton, forKey: .enableSaveButton)
        try c.encode(enableLabelStatusVerified, forKey: .enableLabelStatusVerified)
        try c.encode(enable3DCuboidRotation, forKey: .enable3DCuboidRotation)
        try c.encode(enable3DRegionOfInterest, forKey: .enable3DRegionOfInterest)
        try c.encode(enableConfirmOnSubmit, forKey: .enableConfirmOnSubmit)
        try c.encode(archived, forKey: .archived)
        try c.encode("IMAGE", forKey: .dataType)
        if !metadata.isEmpty { try c.encode(metadata, forKey: .metadata) }
        try c.encodeIfPresent(regionOfInterest, forKey: .regionOfInterest)
        try c.encodeIfPresent(enableObjectLinking, forKey: .enableObjectLinking)
        try c.encodeIfPresent(enableObjectLinkCategoryRestrictions, forKey: .enableObjectLinkCategoryRestrictions)
        try c.encodeIfPresent(enableExtrapolation, forKey: .enableExtrapolation)
    }
}

/// `update_dataset`: PATCH /datasets/{ds}/ with only the fields that are set.
public struct DatasetUpdate: Codable, Hashable, Sendable {
    public var description: String?
    public var taskType: TaskType?
    public var taskAttributes: TaskAttributes?
    public var category: Category?
    public var isPublic: Bool?
    public var readme: String?
    public var metadata: JSONObject?
    public var labelingInactivityTimeoutSeconds: Int?
    public var enableSkipLabeling: Bool?
    public var enableSkipReviewing: Bool?
    public var enableRatings: Bool?
    public var enableInterpolation: Bool?
    public var enableSameDimensionsTrackConstraint: Bool?
    public var enableSaveButton: Bool?
    public var enableLabelStatusVerified: Bool?
    public var enable3DCuboidRotation: Bool?
    public var enableConfirmOnSubmit: Bool?
    public var archived: Bool?
    public var enable3DRegionOfInterest: Bool?
    public var regionOfInterest: JSONValue?
    public var useTimestampsForInterpolation: Bool?
    public var enableObjectLinking: Bool?
    public var enableObjectLinkCategoryRestrictions: Bool?
    public var enableExtrapolation: Bool?

    public init(description: String? = nil, taskType: TaskType? = nil, taskAttributes: TaskAttributes? = nil,
                category: Category? = nil, isPublic: Bool? = nil, readme: String? = nil, metadata: JSONObject? = nil) {
        self.description = description
        self.taskType = taskType
        self.taskAttributes = taskAttributes
        self.category = category
        self.isPublic = isPublic
        self.readme = readme
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case description, category, readme, metadata, archived
        case taskType = "task_type", taskAttributes = "task_attributes", isPublic = "public"
        case labelingInactivityTimeoutSeconds = "labeling_inactivity_timeout_seconds"
        case enableSkipLabeling = "enable_skip_labeling", enableSkipReviewing = "enable_skip_reviewing"
        case enableRatings = "enable_ratings", enableInterpolation = "enable_interpolation"
        case enableSameDimensionsTrackConstraint = "enable_same_dimensions_track_constraint"
        case enableSaveButton = "enable_save_button", enableLabelStatusVerified = "enable_label_status_verified"
        case enable3DCuboidRotation = "enable_3d_cuboid_rotation"
        case enableConfirmOnSubmit = "enable_confirm_on_submit"
        case enable3DRegionOfInterest = "enable_3d_region_of_interest"
        case regionOfInterest = "region_of_interest"
        case useTimestampsForInterpolation = "use_timestamps_for_interpolation"
        case enableObjectLinking = "enable_object_linking"
        case enableObjectLinkCategoryRestrictions = "enable_object_link_category_restrictions"
        case enableExtrapolation = "enable_extrapolation"
    }
}

/// `clone_dataset`: POST /datasets/{ds}/clone/.
public struct CloneDatasetRequest: Codable, Hashable, Sendable {
    public var name: String
    public var taskType: TaskType?
    public var isPublic: Bool?
    /// An organisation to own the clone; the caller when nil.
    public var owner: String?
    public var cloneLabels: Bool

    public init(name: String, taskType: TaskType? = nil, isPublic: Bool? = nil, owner: String? = nil,
                cloneLabels: Bool = false) {
        self.name = name
        self.taskType = taskType
        self.isPublic = isPublic
        self.owner = owner
        self.cloneLabels = cloneLabels
    }

    enum CodingKeys: String, CodingKey {
        case name, owner
        case taskType = "task_type", isPublic = "public", cloneLabels = "clone_labels"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        taskType = try c.decodeIfPresent(TaskType.self, forKey: .taskType)
        isPublic = try c.decodeIfPresent(Bool.self, forKey: .isPublic)
        owner = try c.decodeIfPresent(String.self, forKey: .owner)
        cloneLabels = try c.decodeIfPresent(Bool.self, forKey: .cloneLabels) ?? false
    }
}

/// `add_dataset_collaborator`: POST /datasets/{ds}/collaborators/.
public struct NewCollaborator: Codable, Hashable, Sendable {
    public var user: String
    public var role: Role

    public init(user: String, role: Role = .labeler) {
        self.user = user
        self.role = role
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        user = try c.decode(String.self, forKey: .user)
        role = try c.decodeIfPresent(Role.self, forKey: .role) ?? .labeler
    }
}

/// `update_dataset_collaborator`: PATCH /datasets/{ds}/collaborators/{user}.
public struct CollaboratorUpdate: Codable, Hashable, Sendable {
    public var role: Role
    public init(role: Role) { self.role = role }
}

/// `add_sample` body, and one element of `add_samples`.
public struct NewSample: Codable, Hashable, Sendable {
    public var name: String
    public var attributes: SampleAttributes
    public var metadata: JSONObject?
    public var priority: Double
    public var readme: String
    public var assignedLabeler: String?
    public var assignedReviewer: String?

    public init(name: String, attributes: SampleAttributes, metadata: JSONObject? = nil, priority: Double = 0,
                readme: String = "", assignedLabeler: String? = nil, assignedReviewer: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.metadata = metadata
        self.priority = priority
        self.readme = readme
        self.assignedLabeler = assignedLabeler
        self.assignedReviewer = assignedReviewer
    }

    enum CodingKeys: String, CodingKey {
        case name, attributes, metadata, priority, readme
        case assignedLabeler = "assigned_labeler", assignedReviewer = "assigned_reviewer"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        attributes = try c.decode(SampleAttributes.self, forKey: .attributes)
        metadata = try c.decodeIfPresent(JSONObject.self, forKey: .metadata)
        priority = try c.decodeIfPresent(Double.self, forKey: .priority) ?? 0
        readme = try c.decodeIfPresent(String.self, forKey: .readme) ?? ""
        assignedLabeler = try c.decodeIfPresent(String.self, forKey: .assignedLabeler)
        assignedReviewer = try c.decodeIfPresent(String.self, forKey: .assignedReviewer)
    }
}

/// `update_sample`: PATCH /samples/{uuid}/. The assignees may be cleared with null.
public struct SampleUpdate: Codable, Hashable, Sendable {
    public var name: String?
    public var attributes: SampleAttributes?
    public var metadata: JSONObject?
    public var priority: Double?
    public var readme: String?
    public var assignedLabeler: Nullable<String>?
    public var assignedReviewer: Nullable<String>?

    public init(name: String? = nil, attributes: SampleAttributes? = nil, metadata: JSONObject? = nil,
                priority: Double? = nil, readme: String? = nil, assignedLabeler: Nullable<String>? = nil,
                assignedReviewer: Nullable<String>? = nil) {
        self.name = name
        self.attributes = attributes
        self.metadata = metadata
        self.priority = priority
        self.readme = readme
        self.assignedLabeler = assignedLabeler
        self.assignedReviewer = assignedReviewer
    }

    enum CodingKeys: String, CodingKey {
        case name, attributes, metadata, priority, readme
        case assignedLabeler = "assigned_labeler", assignedReviewer = "assigned_reviewer"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        attributes = try c.decodeIfPresent(SampleAttributes.self, forKey: .attributes)
        metadata = try c.decodeIfPresent(JSONObject.self, forKey: .metadata)
        priority = try c.decodeIfPresent(Double.self, forKey: .priority)
        readme = try c.decodeIfPresent(String.self, forKey: .readme)
        assignedLabeler = try c.decodeNullable(String.self, forKey: .assignedLabeler)
        assignedReviewer = try c.decodeNullable(String.self, forKey: .assignedReviewer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(attributes, forKey: .attributes)
        try c.encodeIfPresent(metadata, forKey: .metadata)
        try c.encodeIfPresent(priority, forKey: .priority)
        try c.encodeIfPresent(readme, forKey: .readme)
        try c.encodeIfPresent(assignedLabeler, forKey: .assignedLabeler)
        try c.encodeIfPresent(assignedReviewer, forKey: .assignedReviewer)
    }
}

/// `add_label`: PUT /labels/{uuid}/{labelset}/ (create or replace).
public struct LabelWrite: Codable, Hashable, Sendable {
    public var labelStatus: LabelStatus
    public var attributes: LabelAttributes
    public var score: Double?

    public init(attributes: LabelAttributes, labelStatus: LabelStatus = .prelabeled, score: Double? = nil) {
        self.attributes = attributes
        self.labelStatus = labelStatus
        self.score = score
    }

    enum CodingKeys: String, CodingKey {
        case attributes, score
        case labelStatus = "label_status"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        attributes = try c.decode(LabelAttributes.self, forKey: .attributes)
        labelStatus = try c.decodeIfPresent(LabelStatus.self, forKey: .labelStatus) ?? .prelabeled
        score = try c.decodeIfPresent(Double.self, forKey: .score)
    }
}

/// `update_label`: PATCH /labels/{uuid}/{labelset}/ with only the fields that are set.
public struct LabelUpdate: Codable, Hashable, Sendable {
    public var attributes: LabelAttributes?
    public var labelStatus: LabelStatus?
    public var score: Double?

    public init(attributes: LabelAttributes? = nil, labelStatus: LabelStatus? = nil, score: Double? = nil) {
        self.attributes = attributes
        self.labelStatus = labelStatus
        self.score = score
    }

    enum CodingKeys: String, CodingKey {
        case attributes, score
        case labelStatus = "label_status"
    }
}

/// `add_labelset`: POST /datasets/{ds}/labelsets/. The SDK sends `attributes` as the string "{}".
public struct NewLabelset: Codable, Hashable, Sendable {
    public var name: String
    public var description: String

    public init(name: String, description: String = "") {
        self.name = name
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case name, description, attributes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode("{}", forKey: .attributes)
    }
}

/// `add_issue`: POST /samples/{uuid}/issues/.
public struct NewIssue: Codable, Hashable, Sendable {
    public var description: String
    public var status: IssueStatus
    public var anchor: IssueAnchor?

    public init(description: String, status: IssueStatus = .open, anchor: IssueAnchor? = nil) {
        self.description = description
        self.status = status
        self.anchor = anchor
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        description = try c.decode(String.self, forKey: .description)
        status = try c.decodeIfPresent(IssueStatus.self, forKey: .status) ?? .open
        anchor = try c.decodeIfPresent(IssueAnchor.self, forKey: .anchor)
    }
}

/// `update_issue`: PATCH /issues/{uuid}/ with only the fields that are set.
public struct IssueUpdate: Codable, Hashable, Sendable {
    public var description: String?
    public var status: IssueStatus?
    public var anchor: IssueAnchor?

    public init(description: String? = nil, status: IssueStatus? = nil, anchor: IssueAnchor? = nil) {
        self.description = description
        self.status = status
        self.anchor = anchor
    }
}

/// A comment on an issue: POST /issues/{uuid}/comments/ (a `segments-tui serve` extension).
public struct NewIssueComment: Codable, Hashable, Sendable {
    public var text: String

    public init(text: String) {
        self.text = text
    }
}

/// `add_release`: POST /datasets/{ds}/releases/.
public struct NewRelease: Codable, Hashable, Sendable {
    public var name: String
    public var description: String

    public init(name: String, description: String = "") {
        self.name = name
        self.description = description
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }
}

/// `delete_samples`: DELETE /datasets/{ds}/samples_bulk/ with a JSON body.
public struct DeleteSamplesRequest: Codable, Hashable, Sendable {
    public var uuids: [String]
    public init(uuids: [String]) { self.uuids = uuids }
}

/// `upload_asset` step 1: POST /assets/.
public struct NewAsset: Codable, Hashable, Sendable {
    public var filename: String
    public init(filename: String) { self.filename = filename }
}
