import Foundation
import SegmentsAPI

extension Routes {
    /// Routes 16–22.
    static var samples: [Route] {
        [
            // The largest answer: the store writes the JSON itself, splicing stored JSON in
            // (`getSamplesJSON`), instead of building 1000 models for the encoder.
            Route(API.getSamples, raw: { request in
                var query = try SampleQuery(parameters: request.query)
                guard query.page >= 1, query.perPage >= 1 else { throw SegmentsError.notFound("Invalid page.") }
                query.perPage = min(query.perPage, Pagination.maximumPerPage)
                let body = try await request.store().getSamplesJSON(request.dataset, query: query)
                return APIResponse(status: API.getSamples.operation.status, body: Data(body))
            }),
            Route(API.addSample) { request, sample in try await request.service().addSample(request.dataset, sample) },
            Route(API.addSamples) { request, samples in try await request.service().addSamples(request.dataset, samples) },
            Route(API.deleteSamples) { request, body in
                guard (1...1000).contains(body.uuids.count) else {
                    throw RequestError(.invalidFields(["uuids": "Give between 1 and 1000 sample uuids."]))
                }
                // Unknown and malformed uuids are skipped, as documented (the store skips them).
                let count = try await request.service().deleteSamples(request.dataset, uuids: body.uuids)
                return DeleteSamplesResponse(deletedCount: count)
            },
            Route(API.getSample) { request in
                let (labelset, signedURLs) = sampleLabelset(request.query)
                return try await request.service().getSample(
                    request.uuid("uuid"), labelset: labelset, includeSignedURL: signedURLs)
            },
            Route(API.updateSample) { request, update in try await request.service().updateSample(request.uuid("uuid"), update) },
            Route(API.deleteSample) { request in try await request.service().deleteSample(request.uuid("uuid")) },
        ]
    }

    /// `get_sample(uuid, labelset, include_signed_url=True)` sends
    /// `?labelset=<name>?include_signed_urls=1` (an SDK bug): split the suffix off.
    static func sampleLabelset(_ query: [String: String]) -> (labelset: String?, signedURLs: Bool) {
        var signed = ["1", "true", "True"].contains(query["include_signed_urls"] ?? "")
        guard var labelset = query["labelset"], !labelset.isEmpty else { return (nil, signed) }
        if let mark = labelset.firstIndex(of: "?") {
            let suffix = QueryParameters.parse(String(labelset[labelset.index(after: mark)...]))
            signed = signed || ["1", "true", "True"].contains(suffix["include_signed_urls"] ?? "")
            labelset = String(labelset[..<mark])
        }
        return (labelset.isEmpty ? nil : labelset, signed)
    }
}
