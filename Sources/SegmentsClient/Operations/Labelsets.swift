import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getLabelsets(_ datasetIdentifier: String) async throws -> [Labelset] {
        try await call(API.getLabelsets, dataset: datasetIdentifier)
    }

    public func getLabelset(_ datasetIdentifier: String, name: String) async throws -> Labelset {
        try await call(API.getLabelset, dataset: datasetIdentifier, name)
    }

    public func addLabelset(_ datasetIdentifier: String, name: String, description: String) async throws -> Labelset {
        try await call(API.addLabelset, dataset: datasetIdentifier, body: NewLabelset(name: name, description: description))
    }

    public func deleteLabelset(_ datasetIdentifier: String, name: String) async throws {
        try await call(API.deleteLabelset, dataset: datasetIdentifier, name)
    }
}
