import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getLabel(sampleUUID: String, labelset: String) async throws -> Label {
        try await call(API.getLabel, sampleUUID, labelset)
    }

    /// `add_label` is a PUT (create or replace), so it is retried like any idempotent call.
    public func addLabel(
        sampleUUID: String, labelset: String, attributes: LabelAttributes, labelStatus: LabelStatus, score: Double?
    ) async throws -> Label {
        let body = LabelWrite(attributes: attributes, labelStatus: labelStatus, score: score)
        return try await call(API.addLabel, sampleUUID, labelset, body: body)
    }

    public func updateLabel(sampleUUID: String, labelset: String, _ update: LabelUpdate) async throws -> Label {
        try await call(API.updateLabel, sampleUUID, labelset, body: update)
    }

    public func deleteLabel(sampleUUID: String, labelset: String) async throws {
        try await call(API.deleteLabel, sampleUUID, labelset)
    }
}
