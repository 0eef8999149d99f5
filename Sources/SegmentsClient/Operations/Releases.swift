import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getReleases(_ datasetIdentifier: String) async throws -> [Release] {
        try await call(API.getReleases, dataset: datasetIdentifier)
    }

    public func getRelease(_ datasetIdentifier: String, name: String) async throws -> Release {
        try await call(API.getRelease, dataset: datasetIdentifier, name)
    }

    public func addRelease(_ datasetIdentifier: String, name: String, description: String) async throws -> Release {
        try await call(API.addRelease, dataset: datasetIdentifier, body: NewRelease(name: name, description: description))
    }

    public func deleteRelease(_ datasetIdentifier: String, name: String) async throws {
        try await call(API.deleteRelease, dataset: datasetIdentifier, name)
    }
}
