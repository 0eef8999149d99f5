import Foundation
import SegmentsAPI

extension SegmentsClient {
    private func releasePath(_ datasetIdentifier: String, _ name: String) -> String {
        PathBuilder.dataset(datasetIdentifier) + "/releases/" + PathBuilder.segment(name) + "/"
    }

    public func getReleases(_ datasetIdentifier: String) async throws -> [Release] {
        try await call(Endpoint(.get, PathBuilder.dataset(datasetIdentifier) + "/releases/"))
    }

    public func getRelease(_ datasetIdentifier: String, name: String) async throws -> Release {
        try await call(Endpoint(.get, releasePath(datasetIdentifier, name)))
    }

    public func addRelease(_ datasetIdentifier: String, name: String, description: String) async throws -> Release {
        try await call(
            Endpoint(
                .post, PathBuilder.dataset(datasetIdentifier) + "/releases/",
                body: try Self.json(NewRelease(name: name, description: description))))
    }

    public func deleteRelease(_ datasetIdentifier: String, name: String) async throws {
        try await callIgnoringBody(Endpoint(.delete, releasePath(datasetIdentifier, name)))
    }
}
