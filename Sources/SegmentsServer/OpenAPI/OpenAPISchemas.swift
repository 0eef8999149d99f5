import SegmentsAPI

/// Component schemas: the required keys and types of reference sections 4–5,
/// loose where the SDK is loose (attributes are documented as objects).
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
    private static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map(JSONValue.string))]
    }

    static var all: [String: JSONValue] {
        let taskType = enumeration(TaskType.knownCases.map(\.rawValue))
        let role = enumeration(Role.knownCases.map(\.rawValue))
        let labelStatus = enumeration(LabelStatus.knownCases.map(\.rawValue))
        return [
            "Error": object(["detail"], ["detail": string]),
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
            "NewDataset": object(
                ["name"],
                ["name": string, "description": string, "task_type": taskType, "task_attributes": anyObject,
                 "public": bool, "metadata": anyObject]),
            "DatasetUpdate": object([], ["description": string, "task_type": taskType, "metadata": anyObject]),
            "CloneDataset": object(
                ["name"], ["name": string, "task_type": taskType, "public": bool, "owner": string, "clone_labels": bool]),
            "Collaborator": object(["user", "role"], ["user": ref("User"), "role": role]),
            "NewCollaborator": object(["user"], ["user": string, "role": role]),
            "CollaboratorUpdate": object(["role"], ["role": role]),
            "Sample": object(
                ["uuid", "name", "metadata", "created_at", "created_by", "priority"],
                ["attributes": anyObject, "metadata": anyObject, "priority": number, "label": anyObject,
                 "dataset_full_name": string, "assigned_labeler": string, "assigned_reviewer": string]),
            "NewSample": object(
                ["name", "attributes"],
                ["attributes": anyObject, "metadata": anyObject, "priority": number, "readme": string]),
            "SampleUpdate": object(
                [], ["name": string, "attributes": anyObject, "metadata": anyObject, "priority": number,
                     "assigned_labeler": ["type": ["string", "null"]], "assigned_reviewer": ["type": ["string", "null"]]]),
            "DeleteSamples": object(["uuids"], ["uuids": array(string)]),
            "DeleteSamplesResponse": object(["deleted_count"], ["deleted_count": integer]),
            "Label": object(
                ["sample_uuid", "label_type", "label_status", "labelset", "created_at", "created_by", "updated_at"],
                ["label_type": taskType, "label_status": labelStatus, "attributes": anyObject, "score": number]),
            "LabelWrite": object(["attributes"], ["attributes": anyObject, "label_status": labelStatus, "score": number]),
            "LabelUpdate": object([], ["attributes": anyObject, "label_status": labelStatus, "score": number]),
            "Labelset": object(["name", "description"], ["is_groundtruth": bool, "created_at": string]),
            "NewLabelset": object(["name"], ["description": string, "attributes": string]),
            "Issue": object(
                ["uuid", "description", "created_at", "updated_at", "created_by", "updated_by", "status", "comments",
                 "sample_uuid", "sample_name"],
                ["status": enumeration(["OPEN", "CLOSED"]), "comments": array(anyObject), "anchor": anyObject]),
            "NewIssue": object(
                ["description"], ["status": enumeration(["OPEN", "CLOSED"]), "anchor": anyObject]),
            "IssueUpdate": object(
                [], ["description": string, "status": enumeration(["OPEN", "CLOSED"]), "anchor": anyObject]),
            "Release": object(
                ["uuid", "name", "description", "release_type", "attributes", "status", "created_at", "samples_count"],
                ["release_type": enumeration(["JSON"]), "status": enumeration(["PENDING", "SUCCEEDED", "FAILED"]),
                 "attributes": object([], ["url": ["type": ["string", "null"]]]), "samples_count": integer]),
            "NewRelease": object(["name"], ["description": string]),
            "ReleaseFile": object(["name", "dataset"], ["dataset": anyObject]),
            "Workunit": object(
                ["created_at", "created_by", "work_type", "time", "inactive_time", "sample_uuid", "sample_name"],
                ["time": integer, "inactive_time": integer]),
            "NewAsset": object(["filename"], ["filename": string]),
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
