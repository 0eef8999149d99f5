/// The HTTP API, declared once: every operation the client calls, the server routes and
/// `/openapi.json` documents. Paths are the SDK's, trailing slashes included (reference
/// section 2; the route numbers below are its). Adding an endpoint: add it here and to
/// `all`, serve it in SegmentsServer's `Routes`, call it from SegmentsClient.
public enum API {
    static let paging = ["per_page", "page"]

    // MARK: Users (routes 1–3)

    public static let apiStatus = Endpoint<NoBody, EmptyObject>(
        "apiStatus", .get, "/api_status/", query: ["lib_version"], response: .json("Empty"),
        summary: "Checks the API key (the SDK's constructor).")
    public static let getAuthenticatedUser = Endpoint<NoBody, User>(
        "getAuthenticatedUser", .get, "/user", response: .json("User"), summary: "The authenticated user.")
    public static let getUser = Endpoint<NoBody, User>(
        "getUser", .get, "/users/{username}", response: .json("User"), summary: "A user by username.")

    // MARK: Datasets (routes 4–11)

    public static let getDatasets = Endpoint<NoBody, [Dataset]>(
        "getDatasets", .get, "/user/datasets/", query: paging, response: .json("Dataset[]"),
        summary: "Datasets of the authenticated user.")
    public static let getUserDatasets = Endpoint<NoBody, [Dataset]>(
        "getUserDatasets", .get, "/users/{username}/datasets/", query: paging, response: .json("Dataset[]"),
        summary: "Datasets of a user that the caller may see.")
    public static let addDataset = Endpoint<NewDataset, Dataset>(
        "addDataset", .post, "/user/datasets/", body: .json("NewDataset"), status: 201, response: .json("Dataset"),
        summary: "Creates a dataset.")
    public static let addOrganizationDataset = Endpoint<NewDataset, Dataset>(
        "addOrganizationDataset", .post, "/organizations/{organization}/datasets/", body: .json("NewDataset"),
        status: 201, response: .json("Dataset"), summary: "Creates a dataset owned by an organisation.")
    public static let getDataset = Endpoint<NoBody, Dataset>(
        "getDataset", .get, "/datasets/{owner}/{name}/", response: .json("Dataset"), permission: .read,
        summary: "A dataset.")
    public static let updateDataset = Endpoint<DatasetUpdate, Dataset>(
        "updateDataset", .patch, "/datasets/{owner}/{name}/", body: .json("DatasetUpdate"), response: .json("Dataset"),
        permission: .updateSettings, summary: "Updates the given dataset fields.")
    public static let deleteDataset = Endpoint<NoBody, NoContent>(
        "deleteDataset", .delete, "/datasets/{owner}/{name}/", status: 204, response: nil, permission: .deleteDataset,
        summary: "Deletes a dataset.")
    public static let cloneDataset = Endpoint<CloneDatasetRequest, Dataset>(
        "cloneDataset", .post, "/datasets/{owner}/{name}/clone/", body: .json("CloneDataset"), status: 201,
        response: .json("Dataset"), permission: .read, summary: "Clones a dataset.")

    // MARK: Collaborators (routes 12–15; the single-collaborator paths have no trailing slash)

    public static let getDatasetCollaborator = Endpoint<NoBody, Collaborator>(
        "getDatasetCollaborator", .get, "/datasets/{owner}/{name}/collaborators/{username}",
        response: .json("Collaborator"), permission: .read, summary: "A collaborator of a dataset.")
    public static let addDatasetCollaborator = Endpoint<NewCollaborator, Collaborator>(
        "addDatasetCollaborator", .post, "/datasets/{owner}/{name}/collaborators/", body: .json("NewCollaborator"),
        status: 201, response: .json("Collaborator"), permission: .manageCollaborators, summary: "Adds a collaborator.")
    public static let updateDatasetCollaborator = Endpoint<CollaboratorUpdate, Collaborator>(
        "updateDatasetCollaborator", .patch, "/datasets/{owner}/{name}/collaborators/{username}",
        body: .json("CollaboratorUpdate"), response: .json("Collaborator"), permission: .manageCollaborators,
        summary: "Changes a collaborator's role.")
    public static let deleteDatasetCollaborator = Endpoint<NoBody, NoContent>(
        "deleteDatasetCollaborator", .delete, "/datasets/{owner}/{name}/collaborators/{username}", status: 204,
        response: nil, permission: .manageCollaborators, summary: "Removes a collaborator.")

    // MARK: Samples (routes 16–22)

    public static let getSamples = Endpoint<NoBody, [Sample]>(
        "getSamples", .get, "/datasets/{owner}/{name}/samples/",
        query: paging + ["labelset", "include_full_label", "name__contains", "filters", "label_status", "sort"],
        response: .json("Sample[]"), permission: .read, summary: "One page of samples, filtered and sorted.")
    public static let addSample = Endpoint<NewSample, Sample>(
        "addSample", .post, "/datasets/{owner}/{name}/samples/", body: .json("NewSample"), status: 201,
        response: .json("Sample"), permission: .manageSamples, summary: "Adds a sample (body may be gzip-compressed).")
    public static let addSamples = Endpoint<[NewSample], [Sample]>(
        "addSamples", .post, "/datasets/{owner}/{name}/samples_bulk/", body: .json("NewSample[]"), status: 201,
        response: .json("Sample[]"), permission: .manageSamples,
        summary: "Adds samples; existing names come back unchanged.")
    public static let deleteSamples = Endpoint<DeleteSamplesRequest, DeleteSamplesResponse>(
        "deleteSamples", .delete, "/datasets/{owner}/{name}/samples_bulk/", body: .json("DeleteSamples"),
        response: .json("DeleteSamplesResponse"), permission: .manageSamples,
        summary: "Deletes samples by uuid; unknown uuids are skipped.")
    public static let getSample = Endpoint<NoBody, Sample>(
        "getSample", .get, "/samples/{uuid}/", query: ["labelset", "include_signed_urls"], response: .json("Sample"),
        permission: .read, summary: "A sample.")
    public static let updateSample = Endpoint<SampleUpdate, Sample>(
        "updateSample", .patch, "/samples/{uuid}/", body: .json("SampleUpdate"), response: .json("Sample"),
        permission: .manageSamples, summary: "Updates a sample (body may be gzip-compressed).")
    public static let deleteSample = Endpoint<NoBody, NoContent>(
        "deleteSample", .delete, "/samples/{uuid}/", status: 204, response: nil, permission: .manageSamples,
        summary: "Deletes a sample.")

    // MARK: Labels (routes 23–26; PUT is `add_label`: create or replace, so retried as idempotent)

    public static let getLabel = Endpoint<NoBody, Label>(
        "getLabel", .get, "/labels/{uuid}/{labelset}/", response: .json("Label"), permission: .read,
        summary: "The label of a sample in a labelset.")
    public static let addLabel = Endpoint<LabelWrite, Label>(
        "addLabel", .put, "/labels/{uuid}/{labelset}/", body: .json("LabelWrite"), response: .json("Label"),
        permission: .label, summary: "Creates or replaces a label (body may be gzip-compressed).")
    public static let updateLabel = Endpoint<LabelUpdate, Label>(
        "updateLabel", .patch, "/labels/{uuid}/{labelset}/", body: .json("LabelUpdate"), response: .json("Label"),
        permission: .label, summary: "Updates a label (body may be gzip-compressed).")
    public static let deleteLabel = Endpoint<NoBody, NoContent>(
        "deleteLabel", .delete, "/labels/{uuid}/{labelset}/", status: 204, response: nil, permission: .manageSamples,
        summary: "Deletes a label.")

    // MARK: Labelsets (routes 27–30)

    public static let getLabelsets = Endpoint<NoBody, [Labelset]>(
        "getLabelsets", .get, "/datasets/{owner}/{name}/labelsets/", response: .json("Labelset[]"), permission: .read,
        summary: "Labelsets of a dataset.")
    public static let addLabelset = Endpoint<NewLabelset, Labelset>(
        "addLabelset", .post, "/datasets/{owner}/{name}/labelsets/", body: .json("NewLabelset"), status: 201,
        response: .json("Labelset"), permission: .manageLabelsets, summary: "Adds a labelset.")
    public static let getLabelset = Endpoint<NoBody, Labelset>(
        "getLabelset", .get, "/datasets/{owner}/{name}/labelsets/{labelset}/", response: .json("Labelset"),
        permission: .read, summary: "A labelset.")
    public static let deleteLabelset = Endpoint<NoBody, NoContent>(
        "deleteLabelset", .delete, "/datasets/{owner}/{name}/labelsets/{labelset}/", status: 204, response: nil,
        permission: .manageLabelsets, summary: "Deletes a labelset.")

    // MARK: Issues (routes 31–34, and the browser's comments)

    public static let getIssues = Endpoint<NoBody, [Issue]>(
        "getIssues", .get, "/datasets/{owner}/{name}/issues/", response: .json("Issue[]"), permission: .read,
        summary: "All issues of a dataset.")
    public static let addIssue = Endpoint<NewIssue, Issue>(
        "addIssue", .post, "/samples/{uuid}/issues/", body: .json("NewIssue"), status: 201, response: .json("Issue"),
        permission: .raiseIssue, summary: "Opens an issue on a sample.")
    public static let updateIssue = Endpoint<IssueUpdate, Issue>(
        "updateIssue", .patch, "/issues/{uuid}/", body: .json("IssueUpdate"), response: .json("Issue"),
        permission: .raiseIssue, summary: "Updates an issue.")
    /// Not an SDK call: the browser's `c` on an issue.
    public static let addIssueComment = Endpoint<NewIssueComment, Issue>(
        "addIssueComment", .post, "/issues/{uuid}/comments/", body: .json("NewIssueComment"), status: 201,
        response: .json("Issue"), permission: .raiseIssue,
        summary: "Adds a comment to an issue (a segments-tui extension, not an SDK call).")
    public static let deleteIssue = Endpoint<NoBody, NoContent>(
        "deleteIssue", .delete, "/issues/{uuid}/", status: 204, response: nil, permission: .deleteIssue,
        summary: "Deletes an issue.")

    // MARK: Releases (routes 35–38; the export file itself is `getReleaseFile`)

    public static let getReleases = Endpoint<NoBody, [Release]>(
        "getReleases", .get, "/datasets/{owner}/{name}/releases/", response: .json("Release[]"), permission: .read,
        summary: "Releases of a dataset.")
    public static let addRelease = Endpoint<NewRelease, Release>(
        "addRelease", .post, "/datasets/{owner}/{name}/releases/", body: .json("NewRelease"), status: 201,
        response: .json("Release"), permission: .manageReleases,
        summary: "Starts a release; poll until it is no longer PENDING.")
    public static let getRelease = Endpoint<NoBody, Release>(
        "getRelease", .get, "/datasets/{owner}/{name}/releases/{release}/", response: .json("Release"),
        permission: .read, summary: "A release.")
    public static let deleteRelease = Endpoint<NoBody, NoContent>(
        "deleteRelease", .delete, "/datasets/{owner}/{name}/releases/{release}/", status: 204, response: nil,
        permission: .manageReleases, summary: "Deletes a release.")

    // MARK: Workunits (route 39)

    public static let getWorkunits = Endpoint<NoBody, [Workunit]>(
        "getWorkunits", .get, "/datasets/{owner}/{name}/workunits/",
        query: paging + ["sort", "start", "end", "include_session_time_metrics"], response: .json("Workunit[]"),
        permission: .viewWorkunits, summary: "One page of workunits.")

    // MARK: Files (route 40 and the absolute URLs of the upload and export flows, called without a key)

    public static let uploadAsset = Endpoint<NewAsset, File>(
        "uploadAsset", .post, "/assets/", body: .json("NewAsset"), status: 201, response: .json("File"),
        summary: "Step 1 of an upload: a File with presigned POST fields.")
    /// The presigned POST target: the policy fields authenticate it, not an API key.
    public static let receiveUpload = Endpoint<MultipartUpload, NoContent>(
        "receiveUpload", .post, "/uploads/", body: .multipart("Upload"), status: 204, response: nil, access: .open,
        summary: "Step 2: the presigned multipart POST (fields from step 1, then `file`).",
        otherErrors: [
            403: "The policy or signature does not match (or has expired).",
            415: "Not a multipart/form-data body.",
        ])
    public static let getAssetFile = Endpoint<NoBody, AssetContent>(
        "getAssetFile", .get, "/assets/{uuid}/{filename}", response: .binary, access: .open,
        summary: "An uploaded file, by the URL its File gave.")
    public static let getReleaseFile = Endpoint<NoBody, AssetContent>(
        "getReleaseFile", .get, "/releases/{file}", response: .json("ReleaseFile"), access: .open,
        summary: "A release's export file (`attributes.url`).")

    // MARK: The document

    public static let getOpenAPIDocument = Endpoint<NoBody, JSONValue>(
        "getOpenAPIDocument", .get, "/openapi.json", response: .json("Document"), access: .open,
        summary: "This document.")

    /// Every operation, in the order the document lists them.
    public static let all: [APIOperation] = [
        apiStatus.operation, getAuthenticatedUser.operation, getUser.operation,
        getDatasets.operation, getUserDatasets.operation, addDataset.operation, addOrganizationDataset.operation,
        getDataset.operation, updateDataset.operation, deleteDataset.operation, cloneDataset.operation,
        getDatasetCollaborator.operation, addDatasetCollaborator.operation, updateDatasetCollaborator.operation,
        deleteDatasetCollaborator.operation,
        getSamples.operation, addSample.operation, addSamples.operation, deleteSamples.operation, getSample.operation,
        updateSample.operation, deleteSample.operation,
        getLabel.operation, addLabel.operation, updateLabel.operation, deleteLabel.operation,
        getLabelsets.operation, addLabelset.operation, getLabelset.operation, deleteLabelset.operation,
        getIssues.operation, addIssue.operation, updateIssue.operation, addIssueComment.operation, deleteIssue.operation,
        getReleases.operation, addRelease.operation, getRelease.operation, deleteRelease.operation,
        getWorkunits.operation,
        uploadAsset.operation, receiveUpload.operation, getAssetFile.operation, getReleaseFile.operation,
        getOpenAPIDocument.operation,
    ]
}
