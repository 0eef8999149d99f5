import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getDatasets(user: String?, perPage: Int, page: Int) async throws -> [Dataset] {
        let query = [("per_page", String(perPage)), ("page", String(page))]
        guard let user else { return try await call(API.getDatasets, query: query) }
        return try await call(API.getUserDatasets, user, query: query)
    }

    public func getDataset(_ datasetIdentifier: String) async throws -> Dataset {
        try await call(API.getDataset, dataset: datasetIdentifier)
    }

    /// `POST /user/datasets/`, or `/organizations/{org}/datasets/` when the dataset names one.
    public func addDataset(_ dataset: NewDataset) async throws -> Dataset {
        guard let organization = dataset.organization else { return try await call(API.addDataset, body: dataset) }
        return try await call(API.addOrganizationDataset, organization, body: dataset)
    }

    public func updateDataset(_ datasetIdentifier: String, _ update: DatasetUpdate) async throws -> Dataset {
        try await call(API.updateDataset, dataset: datasetIdentifier, body: update)
    }

    public func deleteDataset(_ datasetIdentifier: String) async throws {
        try await call(API.deleteDataset, dataset: datasetIdentifier)
    }

    /// The SDK names the clone `<name>-clone` unless told otherwise, and sends the
    /// organisation as `owner`.
    public func cloneDataset(
        _ datasetIdentifier: String, newName: String?, newTaskType: TaskType?, newPublic: Bool?,
        organization: String?, cloneLabels: Bool
    ) async throws -> Dataset {
        let sourceName = datasetIdentifier.split(separator: "/", maxSplits: 1).last.map(String.init) ?? datasetIdentifier
        let body = CloneDatasetRequest(
            name: newName ?? sourceName + "-clone", taskType: newTaskType, isPublic: newPublic, owner: organization,
            cloneLabels: cloneLabels)
        return try await call(API.cloneDataset, dataset: datasetIdentifier, body: body)
    }
}
