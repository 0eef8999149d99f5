/// What the document says about an operation beyond what its route declares.
/// Method, path and authentication come from the route table itself (`Routes.all`),
/// so the document cannot describe a route that is not served, or miss one that is.
struct DocumentedOperation: Sendable {
    let operationID: String
    let summary: String
    /// Component schema of the JSON request body, if any ("NewSample[]" for an array).
    let requestBody: String?
    let status: Int
    /// Component schema of the success body; nil for an empty body.
    let response: String?
    var query: [String] = []
    var contentType = "application/json"
    /// Error answers beyond the ones every operation of its kind has (status → when).
    var otherErrors: [Int: String] = [:]
}

enum OpenAPIOperations {
    static let paging = ["per_page", "page"]

    /// By operation id, the key the routes give.
    static let byID: [String: DocumentedOperation] = Dictionary(
        all.map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first })

    static let all: [DocumentedOperation] = [
        .init(operationID: "apiStatus",
              summary: "Checks the API key (the SDK's constructor).", requestBody: nil, status: 200,
              response: "Empty", query: ["lib_version"]),
        .init(operationID: "getAuthenticatedUser", summary: "The authenticated user.",
              requestBody: nil, status: 200, response: "User"),
        .init(operationID: "getUser", summary: "A user by username.",
              requestBody: nil, status: 200, response: "User"),
        .init(operationID: "getDatasets",
              summary: "Datasets of the authenticated user.", requestBody: nil, status: 200, response: "Dataset[]",
              query: paging),
        .init(operationID: "getUserDatasets",
              summary: "Datasets of a user that the caller may see.", requestBody: nil, status: 200,
              response: "Dataset[]", query: paging),
        .init(operationID: "addDataset", summary: "Creates a dataset.",
              requestBody: "NewDataset", status: 201, response: "Dataset"),
        .init(operationID: "addOrganizationDataset",
              summary: "Creates a dataset owned by an organisation.", requestBody: "NewDataset", status: 201,
              response: "Dataset"),
        .init(operationID: "getDataset", summary: "A dataset.",
              requestBody: nil, status: 200, response: "Dataset"),
        .init(operationID: "updateDataset",
              summary: "Updates the given dataset fields.", requestBody: "DatasetUpdate", status: 200,
              response: "Dataset"),
        .init(operationID: "deleteDataset",
              summary: "Deletes a dataset.", requestBody: nil, status: 204, response: nil),
        .init(operationID: "cloneDataset",
              summary: "Clones a dataset.", requestBody: "CloneDataset", status: 201, response: "Dataset"),
        .init(operationID: "getDatasetCollaborator", summary: "A collaborator of a dataset.", requestBody: nil,
              status: 200, response: "Collaborator"),
        .init(operationID: "addDatasetCollaborator",
              summary: "Adds a collaborator.", requestBody: "NewCollaborator", status: 201, response: "Collaborator"),
        .init(operationID: "updateDatasetCollaborator", summary: "Changes a collaborator's role.",
              requestBody: "CollaboratorUpdate", status: 200, response: "Collaborator"),
        .init(operationID: "deleteDatasetCollaborator", summary: "Removes a collaborator.", requestBody: nil,
              status: 204, response: nil),
        .init(operationID: "getSamples",
              summary: "One page of samples, filtered and sorted.", requestBody: nil, status: 200,
              response: "Sample[]",
              query: paging + ["labelset", "include_full_label", "name__contains", "filters", "label_status", "sort"]),
        .init(operationID: "addSample",
              summary: "Adds a sample (body may be gzip-compressed).", requestBody: "NewSample", status: 201,
              response: "Sample"),
        .init(operationID: "addSamples",
              summary: "Adds samples; existing names come back unchanged.", requestBody: "NewSample[]", status: 201,
              response: "Sample[]"),
        .init(operationID: "deleteSamples",
              summary: "Deletes samples by uuid; unknown uuids are skipped.", requestBody: "DeleteSamples",
              status: 200, response: "DeleteSamplesResponse"),
        .init(operationID: "getSample", summary: "A sample.",
              requestBody: nil, status: 200, response: "Sample", query: ["labelset", "include_signed_urls"]),
        .init(operationID: "updateSample",
              summary: "Updates a sample (body may be gzip-compressed).", requestBody: "SampleUpdate", status: 200,
              response: "Sample"),
        .init(operationID: "deleteSample", summary: "Deletes a sample.",
              requestBody: nil, status: 204, response: nil),
        .init(operationID: "getLabel",
              summary: "The label of a sample in a labelset.", requestBody: nil, status: 200, response: "Label"),
        .init(operationID: "addLabel",
              summary: "Creates or replaces a label (body may be gzip-compressed).", requestBody: "LabelWrite",
              status: 200, response: "Label"),
        .init(operationID: "updateLabel",
              summary: "Updates a label (body may be gzip-compressed).", requestBody: "LabelUpdate", status: 200,
              response: "Label"),
        .init(operationID: "deleteLabel",
              summary: "Deletes a label.", requestBody: nil, status: 204, response: nil),
        .init(operationID: "getLabelsets",
              summary: "Labelsets of a dataset.", requestBody: nil, status: 200, response: "Labelset[]"),
        .init(operationID: "addLabelset",
              summary: "Adds a labelset.", requestBody: "NewLabelset", status: 201, response: "Labelset"),
        .init(operationID: "getLabelset",
              summary: "A labelset.", requestBody: nil, status: 200, response: "Labelset"),
        .init(operationID: "deleteLabelset",
              summary: "Deletes a labelset.", requestBody: nil, status: 204, response: nil),
        .init(operationID: "getIssues",
              summary: "All issues of a dataset.", requestBody: nil, status: 200, response: "Issue[]"),
        .init(operationID: "addIssue",
              summary: "Opens an issue on a sample.", requestBody: "NewIssue", status: 201, response: "Issue"),
        .init(operationID: "updateIssue", summary: "Updates an issue.",
              requestBody: "IssueUpdate", status: 200, response: "Issue"),
        .init(operationID: "deleteIssue", summary: "Deletes an issue.",
              requestBody: nil, status: 204, response: nil),
        .init(operationID: "getReleases",
              summary: "Releases of a dataset.", requestBody: nil, status: 200, response: "Release[]"),
        .init(operationID: "addRelease",
              summary: "Starts a release; poll until it is no longer PENDING.", requestBody: "NewRelease",
              status: 201, response: "Release"),
        .init(operationID: "getRelease",
              summary: "A release.", requestBody: nil, status: 200, response: "Release"),
        .init(operationID: "deleteRelease",
              summary: "Deletes a release.", requestBody: nil, status: 204, response: nil),
        .init(operationID: "getWorkunits",
              summary: "One page of workunits.", requestBody: nil, status: 200, response: "Workunit[]",
              query: paging + ["sort", "start", "end", "include_session_time_metrics"]),
        .init(operationID: "uploadAsset",
              summary: "Step 1 of an upload: a File with presigned POST fields.", requestBody: "NewAsset",
              status: 201, response: "File"),
        .init(operationID: "receiveUpload",
              summary: "Step 2: the presigned multipart POST (fields from step 1, then `file`).",
              requestBody: "Upload", status: 204, response: nil,
              contentType: "multipart/form-data",
              otherErrors: [
                  403: "The policy or signature does not match (or has expired).",
                  415: "Not a multipart/form-data body.",
              ]),
        .init(operationID: "getAssetFile",
              summary: "An uploaded file, by the URL its File gave.", requestBody: nil, status: 200,
              response: "Binary"),
        .init(operationID: "getReleaseFile",
              summary: "A release's export file (`attributes.url`).", requestBody: nil, status: 200,
              response: "ReleaseFile"),
        .init(operationID: "getOpenAPIDocument", summary: "This document.",
              requestBody: nil, status: 200, response: "Document"),
    ]
}
