import SegmentsAPI

/// Wire enums decode unknown strings into `.unknown` so browsing never breaks;
/// input that writes data must be a known value or the request is refused.
func requireKnown<E: OpenEnum>(_ value: E?, field: String) throws {
    if let value, !value.isKnown { throw RequestError.invalidChoice(field) }
}

/// `per_page` and `page` of the paginated lists (datasets); capped like the API caps them.
func pageParameters(_ query: [String: String]) throws -> (perPage: Int, page: Int) {
    func int(_ name: String, default value: Int) throws -> Int {
        guard let text = query[name], !text.isEmpty else { return value }
        // The hosted API answers a non-numeric page like a page past the end.
        guard let number = Int(text) else { throw SegmentsError.notFound("Invalid page.") }
        return number
    }
    // A per_page that is not a positive integer means the default page size, as DRF reads it.
    let perPage = Pagination.parsePerPage(query["per_page"])
    let page = try int("page", default: 1)
    guard page >= 1 else { throw SegmentsError.notFound("Invalid page.") }
    return (min(perPage, Pagination.maximumPerPage), page)
}
