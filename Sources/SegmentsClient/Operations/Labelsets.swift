import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getLabelsets(_ datasetIdentifier: String) async throws -> [Labelset] {
        try await call(Endpoint(.get, PathBuilder.dataset(datasetIdentifier) + "/labelsets/"))
    }

    public func getLabelset(_ datasetIdentifier: String, name: String) async throws -> Labelset {
        try await call(
            Endpoint(.get, PathBuilder.dataset(datasetIdentifier) + "/labelsets/" + PathBuilder.segment(name) + "/"))
    }

    public func addLabelset(_ datasetIdentifier: String, name: String, description: String) async throws -> Labelset {
        try await call(
            Endpoint(
                .post, PathBuilder.dataset(datasetIdentifier) + "/labelsets/",
                body: try Self.json(NewLabelset(name: name, description: description))))
    }

    public func deleteLabelset(_ datasetIdentifier: String, name: String) async throws {
        try await callIgnoringBody(
            Endpoint(.delete, PathBuilder.dataset(datasetIdentifier) + "/labelsets/" + PathBuilder.segment(name) + "/"))
    }
}
