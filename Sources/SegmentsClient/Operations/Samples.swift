import Foundation
import SegmentsAPI

extension SegmentsClient {
    /// One page; `allSamples(_:query:)` (from SegmentsAPI) walks them all.
    public func getSamples(_ datasetIdentifier: String, query: SampleQuery) async throws -> [Sample] {
        if query.includeFullLabel && query.labelset == nil {
            // The SDK refuses this before sending anything.
            throw SegmentsError.validation("include_full_label requires a labelset.")
        }
        return try await call(API.getSamples, dataset: datasetIdentifier, query: query.queryItems)
    }

    /// Sends `include_signed_urls=1` as a second parameter; the SDK glues it onto
    /// the labelset with a second `?` (a bug servers have to undo).
    public func getSample(_ uuid: String, labelset: String?, includeSignedURL: Bool) async throws -> Sample {
        var query: [(name: String, value: String)] = []
        if let labelset { query.append(("labelset", labelset)) }
        if includeSignedURL { query.append(("include_signed_urls", "1")) }
        return try await call(API.getSample, uuid, query: query)
    }

    public func addSample(_ datasetIdentifier: String, _ sample: NewSample) async throws -> Sample {
        try await call(API.addSample, dataset: datasetIdentifier, body: sample)
    }

    public func addSamples(_ datasetIdentifier: String, _ samples: [NewSample]) async throws -> [Sample] {
        try await call(API.addSamples, dataset: datasetIdentifier, body: samples)
    }

    public func updateSample(_ uuid: String, _ update: SampleUpdate) async throws -> Sample {
        try await call(API.updateSample, uuid, body: update)
    }

    public func deleteSample(_ uuid: String) async throws {
        try await call(API.deleteSample, uuid)
    }

    /// The SDK checks the list size locally: 1 to 1000 uuids per call.
    public func deleteSamples(_ datasetIdentifier: String, uuids: [String]) async throws -> Int {
        guard !uuids.isEmpty else { throw SegmentsError.validation("Provide at least one sample uuid to delete.") }
        guard uuids.count <= 1000 else {
            throw SegmentsError.validation("At most 1000 samples can be deleted at once (got \(uuids.count)).")
        }
        let response = try await call(
            API.deleteSamples, dataset: datasetIdentifier, body: DeleteSamplesRequest(uuids: uuids))
        return response.deletedCount
    }
}
