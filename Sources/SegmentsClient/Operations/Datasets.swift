import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getDatasets(user: String?, perPage: Int, page: Int) async throws -> [Dataset] {
        let base = user.map { PathBuilder.path("/users", $0, "datasets") } ?? "/user/datasets"
        return try await call(
            Endpoint(.get, base + "/", query: [("per_page", String(perPage)), ("page", String(page))]))
    }

    public func getDataset(_ datasetIdentifier: String) async throws -> Dataset {
        try await call(Endpoint(.get, PathBuilder.dataset(datasetIdentifier) + "/"))
    }

    /// `POST /user/datasets/`, or `/organizations/{org}/datasets/` when the dataset names one.
    public func addDataset(_ dataset: NewDataset) async throws -> Dataset {
        let base = dataset.organization.map { PathBuilder.path("/organizations", $0, "datasets") } ?? "/user/datasets"
        return try await call(Endpoint(.post, base + "/", body: try Self.json(dataset)))
    }

    public func updateDataset(_ datasetIdentifier: String, _ update: DatasetUpdate) async throws -> Dataset {
        try await call(Endpoint(.patch, PathBuilder.dataset(datasetIdentifier) + "/", body: try Self.json(update)))
    }

    public func deleteDataset(_ datasetIdentifier: String) async throws {
        try await callIgnoringBody(Endpoint(.delete, PathBuilder.dataset(datasetIdentifier) + "/"))
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
        return try await call(
            Endpoint(.post, PathBuilder.dataset(datasetIdentifier) + "/clone/", body: try Self.json(body)))
    }
}
