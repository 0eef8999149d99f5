import SegmentsAPI

/// One page of a list: `per_page` capped at `Pagination.maximumPerPage`, pages
/// from 1. A page past the end is "Invalid page." (page 1 is always valid), which
/// is what `Pagination.offset(page:perPage:total:)` says, decided here from the
/// page itself so that no separate COUNT(*) is needed on large filtered lists.
struct PageWindow: Sendable {
    var limit: Int
    var offset: Int
    var page: Int

    init(page: Int, perPage: Int) throws {
        guard page >= 1, perPage >= 1 else { throw SegmentsError.notFound("Invalid page.") }
        limit = min(perPage, Pagination.maximumPerPage)
        let (product, overflow) = (page - 1).multipliedReportingOverflow(by: limit)
        guard !overflow, product < Int(Int32.max) * 1000 else { throw SegmentsError.notFound("Invalid page.") }
        offset = product
        self.page = page
    }

    /// Passes the items through, or fails when a page after the first is empty.
    func check<T>(_ items: [T]) throws -> [T] {
        try check(count: items.count)
        return items
    }

    /// Fails when a page after the first has no items.
    func check(count: Int) throws {
        if page > 1 && count == 0 { throw SegmentsError.notFound("Invalid page.") }
    }
}
