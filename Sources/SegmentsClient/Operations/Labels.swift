import Foundation
import SegmentsAPI

extension SegmentsClient {
    private func labelPath(_ sampleUUID: String, _ labelset: String) -> String {
        PathBuilder.path("/labels", sampleUUID, labelset) + "/"
    }

    public func getLabel(sampleUUID: String, labelset: String) async throws -> Label {
        try await call(Endpoint(.get, labelPath(sampleUUID, labelset)))
    }

    /// `add_label` is a PUT (create or replace), so it is retried like any idempotent call.
    public func addLabel(
        sampleUUID: String, labelset: String, attributes: LabelAttributes, labelStatus: LabelStatus, score: Double?
    ) async throws -> Label {
        let body = LabelWrite(attributes: attributes, labelStatus: labelStatus, score: score)
        return try await call(Endpoint(.put, labelPath(sampleUUID, labelset), body: try Self.json(body)))
    }

    public func updateLabel(sampleUUID: String, labelset: String, _ update: LabelUpdate) async throws -> Label {
        try await call(Endpoint(.patch, labelPath(sampleUUID, labelset), body: try Self.json(update)))
    }

    public func deleteLabel(sampleUUID: String, labelset: String) async throws {
        try await callIgnoringBody(Endpoint(.delete, labelPath(sampleUUID, labelset)))
    }
}
