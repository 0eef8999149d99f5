import SegmentsAPI

/// Component schemas: the required keys and types of reference sections 4–5,
/// and, for what clients send, the same constraints the store checks (name
/// lengths and characters, integer ranges, NUL-free text), so that a request
/// the document calls valid is one the server accepts (issue 16, item 8).
enum OpenAPISchemas {
    private static func object(_ required: [String], _ properties: [String: JSONValue] = [:]) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object"]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        var all = properties
        for key in required where all[key] == nil { all[key] = [:] }
        if !all.isEmpty { schema["properties"] = .object(all) }
        return .object(schema)
    }

    private static let string: JSONValue = ["type": "string"]
    private static let bool: JSONValue = ["type": "boolean"]
    private static let integer: JSONValue = ["type": "integer"]
    private static let number: JSONValue = ["type": "number"]
    private static let anyObject: JSONValue = ["type": "object"]
    private static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    private static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    private static func nullable(_ schema: JSONValue) -> JSONValue { ["anyOf": [schema, ["type": "null"]]] }
    private static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map(JSONValue.string))]
    }

    // MARK: What the store accepts (SegmentsStore's Validate)

    /// An integer that fits the store's 64-bit integers.
    static let int64: JSONValue = ["type": "integer", "minimum": -9_223_372_036_854_775_808, "maximum": 9_223_372_036_854_775_807]
    static let nonNegativeInt: JSONValue = ["type": "integer", "minimum": 0, "maximum": 2_147_483_647]
    /// Text stored in a text column: anything but NUL (SQLite would end it there).
    static let text: JSONValue = ["type": "string", "pattern": #"^[^\u0000]*$"#]
    /// Usernames, dataset and labelset names: path segments, so letters, digits, `-`, `_`, `.`; not `.` or `..`.
    static let identifier: JSONValue = [
        "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[A-Za-z0-9_.-]+$",
        "not": ["enum": [".", ".."]],
    ]
    /// Control characters (Unicode Cc), which no name may hold.
    private static let control = #"\u0000-\u001f\u007f-\u009f"#
    /// Sample names: free text without control characters, not only spaces.
    static let sampleName: JSONValue = [
        "type": "string", "minLength": 1, "maxLength": 1000,
        "pattern": .string("^[^\(control)]*[^\\s\(control)][^\(control)]*$"),
    ]
    /// Release names: sample-name rules, at most 100 characters, and no `/`, `?` or `#` (they end up in paths).
    static let releaseName: JSONValue = [
        "type": "string", "minLength": 1, "maxLength": 100,
        "pattern": .string("^[^\(control)/?#]*[^\\s\(control)/?#][^\(control)/?#]*$"),
    ]
    /// `label_status` of the samples list: known statuses joined by commas.
    static var labelStatusList: JSONValue {
        let one = "(" + LabelStatus.knownCases.map(\.rawValue).joined(separator: "|") + ")"
        return ["type": "string", "pattern": .string("^(\(one)(,\(one))*)?$")]
    }
    /// `start`/`end` of workunits: `YYYY-MM-DDTHH:MM:SS` (days up to 28, valid in every month).
    static let civilDateTime: JSONValue = [
        "type": "string",
        "pattern": #"^((19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?$"#,
    ]

    static var all: [String: JSONValue] {
        let taskType = enumeration(TaskType.knownCases.map(\.rawValue))
        let category = enumeration(Category.knownCases.map(\.rawValue))
        let role = enumeration(Role.knownCases.map(\.rawValue))
        let labelStatus = enumeration(LabelStatus.knownCases.map(\.rawValue))
        let issueStatus = enumeration(IssueStatus.knownCases.map(\.rawValue))
        let datasetSettings: [String: JSONValue] = [
            "description": text, "task_type": taskType, "task_attributes": ref("TaskAttributes"), "category": category,
            "public": bool, "readme": text, "metadata": anyObject, "labeling_inactivity_timeout_seconds": nonNegativeInt,
            "enable_skip_labeling": bool, "enable_skip_reviewing": bool, "enable_ratings": bool,
            "enable_interpolation": bool, "enable_same_dimensions_track_constraint": bool, "enable_save_button": bool,
            "enable_label_status_verified": bool, "enable_3d_cuboid_rotation": bool,
        ]
        var newDataset = datasetSettings
        newDataset["name"] = identifier
        let sampleFields: [String: JSONValue] = [
            "name": sampleName, "attributes": anyObject, "metadata": anyObject, "priority": number, "readme": text,
            "assigned_labeler": nullable(identifier), "assigned_reviewer": nullable(identifier),
        ]
        let anchor = object(
            ["type"],
            ["type": enumeration(IssueAnchorType.knownCases.map(\.rawValue)), "sensor": text, "frame": int64,
             "track_number": int64, "track_attribute": text, "scene_attribute": text])
        return [
            "Error": object(["detail"], ["detail": string]),
            "FieldErrors": [
                "type": "object", "description": "DRF field errors: each field with its messages.",
                "additionalProperties": array(string), "minProperties": 1,
            ],
            "BadRequest": ["anyOf": [ref("Error"), ref("FieldErrors")]],
            "Empty": anyObject,
            "Binary": ["type": "string", "contentMediaType": "application/octet-stream"],
            "Document": anyObject,
            "User": object(
                ["username", "created_at", "is_organization"],
                ["username": string, "created_at": string, "is_organization": bool, "email": string]),
            "Owner": object(["username", "created_at"], ["email": string]),
            "Dataset": object(
                [
                    "name", "full_name", "description", "category", "public", "archived", "owner", "created_at",
                    "enable_ratings", "enable_skip_labeling", "enable_skip_reviewing", "enable_save_button",
                    "enable_label_status_verified", "enable_same_dimensions_track_constraint",
                    "enable_3d_region_of_interest", "enable_interpolation", "use_timestamps_for_interpolation",
                    "enable_object_linking", "task_type", "label_stats", "metadata",
                ],
                [
                    "owner": ref("Owner"), "task_type": taskType, "metadata": anyObject, "label_stats": anyObject,
                    "task_attributes": anyObject, "labelsets": array(ref("Labelset")), "samples_count": integer,
                ]),
            "TaskAttributes": object(
                [],
                ["format_version": string,
                 "categories": [
                     "type": "array",
                     "items": object(["id", "name"], ["id": int64, "name": text, "color": array(int64)]),
                     "description": "Category ids must be unique.",
                 ]]),
            "NewDataset": object(["name"], newDataset),
            "DatasetUpdate": object([], datasetSettings),
            "CloneDataset": object(
                ["name"],
                ["name": identifier, "task_type": taskType, "public": bool, "owner": identifier, "clone_labels": bool]),
            "Collaborator": object(["user", "role"], ["user": ref("User"), "role": role]),
            "NewCollaborator": object(["user"], ["user": identifier, "role": role]),
            "CollaboratorUpdate": object(["role"], ["role": role]),
            "Sample": object(
                ["uuid", "name", "metadata", "created_at", "created_by", "priority"],
                ["attributes": anyObject, "metadata": anyObject, "priority": number, "label": anyObject,
                 "dataset_full_name": string, "assigned_labeler": nullable(string),
                 "assigned_reviewer": nullable(string)]),
            "NewSample": object(["name", "attributes"], sampleFields),
            "SampleUpdate": object([], sampleFields),
            "DeleteSamples": object(
                ["uuids"], ["uuids": ["type": "array", "items": string, "minItems": 1, "maxItems": 1000]]),
            "DeleteSamplesResponse": object(["deleted_count"], ["deleted_count": integer]),
            "Label": object(
                ["sample_uuid", "label_type", "label_status", "labelset", "created_at", "created_by", "updated_at"],
                ["label_type": taskType, "label_status": labelStatus, "attributes": anyObject, "score": nullable(number)]),
            "LabelWrite": object(
                ["attributes"], ["attributes": anyObject, "label_status": labelStatus, "score": nullable(number)]),
            "LabelUpdate": object([], ["attributes": anyObject, "label_status": labelStatus, "score": nullable(number)]),
            "Labelset": object(["name", "description"], ["is_groundtruth": bool, "created_at": string]),
            "NewLabelset": object(["name"], ["name": identifier, "description": text]),
            "Issue": object(
                ["uuid", "description", "created_at", "updated_at", "created_by", "updated_by", "status", "comments",
                 "sample_uuid", "sample_name"],
                ["status": issueStatus, "comments": array(anyObject), "anchor": anyObject]),
            "NewIssue": object(["description"], ["description": text, "status": issueStatus, "anchor": anchor]),
            "IssueUpdate": object([], ["description": text, "status": issueStatus, "anchor": anchor]),
            "NewIssueComment": object(["text"], ["text": text]),
            "Release": object(
                ["uuid", "name", "description", "release_type", "attributes", "status", "created_at", "samples_count"],
                ["release_type": enumeration(["JSON"]), "status": enumeration(["PENDING", "SUCCEEDED", "FAILED"]),
                 "attributes": object([], ["url": nullable(string)]), "samples_count": integer]),
            "NewRelease": object(["name"], ["name": releaseName, "description": text]),
            "ReleaseFile": object(["name", "dataset"], ["dataset": anyObject]),
            "Workunit": object(
                ["created_at", "created_by", "work_type", "time", "inactive_time", "sample_uuid", "sample_name"],
                ["time": integer, "inactive_time": integer]),
            "NewAsset": object(["filename"], ["filename": text]),
            "File": object(
                ["uuid", "filename", "url", "created_at", "presignedPostFields"],
                ["presignedPostFields": object(["url", "fields"], ["url": string, "fields": anyObject])]),
            "Upload": object(
                ["acl", "Content-Type", "key", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "policy",
                 "x-amz-signature", "file"],
                ["file": ["type": "string", "contentMediaType": "application/octet-stream"]]),
        ]
    }
}
