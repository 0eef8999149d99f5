import Foundation
import SegmentsAPI

extension SegmentsClient {
    /// One page; `allWorkunits(_:query:)` (from SegmentsAPI) walks them all.
    public func getWorkunits(_ datasetIdentifier: String, query: WorkunitQuery) async throws -> [Workunit] {
        try await call(API.getWorkunits, dataset: datasetIdentifier, query: query.queryItems)
    }
}
