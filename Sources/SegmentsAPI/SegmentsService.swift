import Foundation

/// Every operation of the official Python SDK's `SegmentsClient`, named after it.
/// The embedded store and the HTTP client both implement it, so the browser and
/// the tests do not care which one they talk to. Defaults are the SDK's, given
/// by the overloads in the extension below.
public protocol SegmentsService: Sendable {
    /// The API status check the SDK makes when it is constructed; fails on a bad key.
    func checkAPIStatus() async throws

    // MARK: Users
    /// The user with this username, or the authenticated user when nil.
    func getUser(_ username: String?) async throws -> User

    // MARK: Datasets
    func getDatasets(user: String?, perPage: Int, page: Int) async throws -> [Dataset]
    func getDataset(_ datasetIdentifier: String) async throws -> Dataset
    func addDataset(_ dataset: NewDataset) async throws -> Dataset
    func updateDataset(_ datasetIdentifier: String, _ update: DatasetUpdate) async throws -> Dataset
    func deleteDataset(_ datasetIdentifier: String) async throws
    func cloneDataset(
        _ datasetIdentifier: String, newName: String?, newTaskType: TaskType?, newPublic: Bool?,
        organization: String?, cloneLabels: Bool
    ) async throws -> Dataset

    // MARK: Collaborators
    func getDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws -> Collaborator
    func addDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws -> Collaborator
    func updateDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws
        -> Collaborator
    func deleteDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws

    // MARK: Samples
    func getSamples(_ datasetIdentifier: String, query: SampleQuery) async throws -> [Sample]
    func getSample(_ uuid: String, labelset: String?, includeSignedURL: Bool) async throws -> Sample
    func addSample(_ datasetIdentifier: String, _ sample: NewSample) async throws -> Sample
    /// Samples whose name exists already come back unchanged, in input order.
    func addSamples(_ datasetIdentifier: String, _ samples: [NewSample]) async throws -> [Sample]
    func updateSample(_ uuid: String, _ update: SampleUpdate) async throws -> Sample
    func deleteSample(_ uuid: String) async throws
    /// Deletes the samples with these uuids (unknown ones are skipped); returns how many were deleted.
    func deleteSamples(_ datasetIdentifier: String, uuids: [String]) async throws -> Int

    // MARK: Labels
    func getLabel(sampleUUID: String, labelset: String) async throws -> Label
    func addLabel(
        sampleUUID: String, labelset: String, attributes: LabelAttributes, labelStatus: LabelStatus, score: Double?
    ) async throws -> Label
    func updateLabel(sampleUUID: String, labelset: String, _ update: LabelUpdate) async throws -> Label
    func deleteLabel(sampleUUID: String, labelset: String) async throws

    // MARK: Labelsets
    func getLabelsets(_ datasetIdentifier: String) async throws -> [Labelset]
    func getLabelset(_ datasetIdentifier: String, name: String) async throws -> Labelset
    func addLabelset(_ datasetIdentifier: String, name: String, description: String) async throws -> Labelset
    func deleteLabelset(_ datasetIdentifier: String, name: String) async throws

    // MARK: Issues
    func getIssues(_ datasetIdentifier: String) async throws -> [Issue]
    func addIssue(sampleUUID: String, _ issue: NewIssue) async throws -> Issue
    func updateIssue(_ uuid: String, _ update: IssueUpdate) async throws -> Issue
    func deleteIssue(_ uuid: String) async throws
    /// Adds a comment to an issue and returns the issue with its thread. Not an SDK
    /// operation: `segments-tui serve` offers it as `POST /issues/{uuid}/comments/`.
    func addIssueComment(_ issueUUID: String, text: String) async throws -> Issue

    // MARK: Releases
    func getReleases(_ datasetIdentifier: String) async throws -> [Release]
    func getRelease(_ datasetIdentifier: String, name: String) async throws -> Release
    func addRelease(_ datasetIdentifier: String, name: String, description: String) async throws -> Release
    func deleteRelease(_ datasetIdentifier: String, name: String) async throws

    // MARK: Workunits
    func getWorkunits(_ datasetIdentifier: String, query: WorkunitQuery) async throws -> [Workunit]

    // MARK: Assets
    /// Uploads bytes and returns the File whose `url` samples and labels can reference.
    func uploadAsset(_ content: Data, filename: String) async throws -> File
    /// The bytes behind a media URL of a sample or label (not an SDK operation: the SDK
    /// leaves downloads to the caller). The client fetches it over HTTP(S) with its timeouts
    /// and never sends the API key with it; the store reads its own workspace's files.
    func fetchAsset(_ url: String) async throws -> AssetContent
}

// The SDK's defaults.
extension SegmentsService {
    public func getUser() async throws -> User { try await getUser(nil) }

    public func getDatasets(user: String? = nil, perPage: Int = 1000, page: Int = 1) async throws -> [Dataset] {
        try await getDatasets(user: user, perPage: perPage, page: page)
    }

    public func cloneDataset(
        _ datasetIdentifier: String, newName: String? = nil, newTaskType: TaskType? = nil, newPublic: Bool? = nil,
        organization: String? = nil, cloneLabels: Bool = false
    ) async throws -> Dataset {
        try await cloneDataset(
            datasetIdentifier, newName: newName, newTaskType: newTaskType, newPublic: newPublic,
            organization: organization, cloneLabels: cloneLabels)
    }

    public func addDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws -> Collaborator {
        try await addDatasetCollaborator(datasetIdentifier, username: username, role: .labeler)
    }

    public func getSamples(
        _ datasetIdentifier: String, labelset: String? = nil, name: String? = nil, labelStatus: [LabelStatus] = [],
        metadata: [MetadataFilter] = [], sort: SampleSort = .name, direction: SortDirection = .ascending,
        perPage: Int = 1000, page: Int = 1, includeFullLabel: Bool = false
    ) async throws -> [Sample] {
        try await getSamples(
            datasetIdentifier,
            query: SampleQuery(
                labelset: labelset, name: name, labelStatuses: labelStatus, metadata: metadata, sort: sort,
                direction: direction, perPage: perPage, page: page, includeFullLabel: includeFullLabel))
    }

    public func getSample(_ uuid: String, labelset: String? = nil) async throws -> Sample {
        try await getSample(uuid, labelset: labelset, includeSignedURL: false)
    }

    public func getLabel(sampleUUID: String) async throws -> Label {
        try await getLabel(sampleUUID: sampleUUID, labelset: "ground-truth")
    }

    public func addLabel(
        sampleUUID: String, labelset: String, attributes: LabelAttributes, labelStatus: LabelStatus = .prelabeled
    ) async throws -> Label {
        try await addLabel(
            sampleUUID: sampleUUID, labelset: labelset, attributes: attributes, labelStatus: labelStatus, score: nil)
    }

    public func updateLabel(
        sampleUUID: String, labelset: String, attributes: LabelAttributes? = nil, labelStatus: LabelStatus? = nil,
        score: Double? = nil
    ) async throws -> Label {
        try await updateLabel(
            sampleUUID: sampleUUID, labelset: labelset,
            LabelUpdate(attributes: attributes, labelStatus: labelStatus, score: score))
    }

    public func addLabelset(_ datasetIdentifier: String, name: String) async throws -> Labelset {
        try await addLabelset(datasetIdentifier, name: name, description: "")
    }

    public func addIssue(sampleUUID: String, description: String, status: IssueStatus = .open) async throws -> Issue {
        try await addIssue(sampleUUID: sampleUUID, NewIssue(description: description, status: status))
    }

    public func updateIssue(_ uuid: String, description: String? = nil, status: IssueStatus? = nil) async throws
        -> Issue
    {
        try await updateIssue(uuid, IssueUpdate(description: description, status: status))
    }

    public func addRelease(_ datasetIdentifier: String, name: String) async throws -> Release {
        try await addRelease(datasetIdentifier, name: name, description: "")
    }

    public func getWorkunits(
        _ datasetIdentifier: String, direction: SortDirection = .descending, start: String? = nil,
        end: String? = nil, perPage: Int = 1000, page: Int = 1
    ) async throws -> [Workunit] {
        try await getWorkunits(
            datasetIdentifier,
            query: WorkunitQuery(start: start, end: end, direction: direction, perPage: perPage, page: page))
    }

    public func uploadAsset(_ content: Data) async throws -> File {
        try await uploadAsset(content, filename: "label.png")
    }
}
