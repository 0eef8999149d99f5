import SegmentsAPI

extension Routes {
    /// Route 39.
    static var workunits: [Route] {
        [
            Route(API.getWorkunits) { request in
                var query = try WorkunitQuery(parameters: request.query)
                guard query.page >= 1, query.perPage >= 1 else { throw SegmentsError.notFound("Invalid page.") }
                query.perPage = min(query.perPage, Pagination.maximumPerPage)
                return try await request.service().getWorkunits(request.dataset, query: query)
            }
        ]
    }
}
